import { ResidentFormPage } from '../features/declarations/resident-form/resident-form-page';
import { SelfCheckinPage } from '../features/observation/self-checkin-page';
import { RequestFormPage, RequestProgressPage } from './request-pages';

/** `/r/p/<token>` → the token; anything else → null. */
export function posterToken(pathname: string): string | null {
  const match = /^\/r\/p\/([A-Za-z0-9_-]{10,64})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}

/** `/r/o/<token>` → the person's own observation check-in link; anything else → null. */
export function observationToken(pathname: string): string | null {
  const match = /^\/r\/o\/([A-Za-z0-9_-]{24})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}

/** `/r/s/<poster token>` (a request from the poster) or `/r/q/<link token>` (the resident's own request). */
export function requestPath(pathname: string): { kind: 's' | 'q'; token: string } | null {
  const match = /^\/r\/([sq])\/([A-Za-z0-9_-]{10,64})\/?$/.exec(pathname);
  return match?.[1] && match[2] ? { kind: match[1] as 's' | 'q', token: match[2] } : null;
}

/**
 * The whole router: the registration form, the observation check-in, the request pages, and a hint for
 * anyone who arrives without a link.
 */
export function App() {
  const checkin = observationToken(window.location.pathname);
  if (checkin)
    return (
      <main className="rf-page">
        <SelfCheckinPage token={checkin} />
        <footer className="rf-footer">大树 · 社区防疫</footer>
      </main>
    );
  const token = posterToken(window.location.pathname);
  const request = requestPath(window.location.pathname);
  if (request)
    return (
      <main className="rf-page">
        {request.kind === 's' ? (
          <RequestFormPage token={request.token} />
        ) : (
          <RequestProgressPage token={request.token} />
        )}
        <footer className="rf-footer">大树 · 接诉即办</footer>
      </main>
    );
  return (
    <main className="rf-page">
      {token ? (
        <>
          <ResidentFormPage token={token} />
          <p className="rf-hint">
            <a href={`/r/s/${token}`} data-testid="rf-request-link">
              有事找社区？反映诉求
            </a>
          </p>
        </>
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
