import { ResidentFormPage } from '../features/declarations/resident-form/resident-form-page';

/** `/r/p/<token>` → the token; anything else → null. */
export function posterToken(pathname: string): string | null {
  const match = /^\/r\/p\/([A-Za-z0-9_-]{10,64})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}

/** The whole router: one real page, and a hint for anyone who arrives without a poster link. */
export function App() {
  const token = posterToken(window.location.pathname);
  return (
    <main className="rf-page">
      {token ? (
        <ResidentFormPage token={token} />
      ) : (
        <div className="rf-message" data-testid="rf-no-token">
          <h1>请扫描社区张贴的二维码</h1>
          <p>电子登记表需要从小区门口或楼门口张贴的二维码进入。扫码后即可填写，不用注册，不用下载。</p>
        </div>
      )}
      <footer className="rf-footer">大树 · 社区防疫登记</footer>
    </main>
  );
}
