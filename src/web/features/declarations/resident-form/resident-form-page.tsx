import { useEffect, useState } from 'react';
import { ResidentForm } from './resident-form';
import { fetchPoster, type PosterInfo, PublicApiError } from './resident-form-api';

type PosterState =
  | { kind: 'loading' }
  | { kind: 'ready'; info: PosterInfo }
  | { kind: 'gone'; message: string }
  | { kind: 'offline' };

export function ResidentFormPage({ token }: { token: string }) {
  const [attempt, setAttempt] = useState(0);
  return <PosterGate key={attempt} token={token} retry={() => setAttempt((n) => n + 1)} />;
}

/** Loads the poster (community and buildings); a revoked or unknown poster gets a page of its own. */
function PosterGate({ token, retry }: { token: string; retry: () => void }) {
  const [poster, setPoster] = useState<PosterState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    fetchPoster(token).then(
      (info) => {
        if (!live) return;
        setPoster({ kind: 'ready', info });
        document.title = `${info.poster.communityName} · 电子登记表`;
      },
      (error: unknown) => {
        if (!live) return;
        if (
          error instanceof PublicApiError &&
          error.code !== 'network' &&
          error.status >= 400 &&
          error.status < 500
        )
          setPoster({ kind: 'gone', message: error.message });
        else setPoster({ kind: 'offline' });
      },
    );
    return () => {
      live = false;
    };
  }, [token]);

  if (poster.kind === 'loading') return <p className="rf-loading">正在打开登记表…</p>;
  if (poster.kind === 'gone')
    return (
      <div className="rf-message" data-testid="rf-poster-gone">
        <h1>这个二维码用不了了</h1>
        <p>{poster.message}</p>
        <p>请扫描小区或楼门口最新张贴的二维码，或联系居委会工作人员。</p>
      </div>
    );
  if (poster.kind === 'offline')
    return (
      <div className="rf-message" data-testid="rf-poster-offline">
        <h1>网络不好，登记表没有打开</h1>
        <p>请换个信号好的地方，再点下面的按钮。</p>
        <button type="button" className="rf-submit" onClick={retry}>
          重新打开
        </button>
      </div>
    );
  return <ResidentForm token={token} info={poster.info} />;
}
