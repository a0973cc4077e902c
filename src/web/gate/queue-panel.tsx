import { formatBeijingShort, formatBeijingTime } from '../../shared/time/beijing';
import { T, zh } from './bilingual';
import type { Gate } from './gate-api';
import { M } from './messages';
import type { QueuedCheck } from './queue-logic';

export interface QueueState {
  /** This account's checks waiting to be sent. */
  waiting: number;
  /** Checks of other accounts on this phone, waiting for their own sign-in. */
  others: number;
  /** This account's checks the server refused, set aside. */
  refused: QueuedCheck[];
}

const time = (iso: string) => formatBeijingShort(iso);

/** The top line: gate, network, who is signed in, and the way out (works without signal). */
export function GateBar({
  gate,
  online,
  who,
  onChangeGate,
  onSignOut,
}: {
  gate: Gate;
  online: boolean;
  who: string;
  onChangeGate: () => void;
  onSignOut: () => void;
}) {
  return (
    <header className="g-bar">
      <div>
        <strong data-testid="g-gate-name">{gate.name}</strong>
        <span className={online ? 'g-online' : 'g-offline'} data-testid="g-network">
          {online ? zh('online') : zh('offline')}
        </span>
        <div className="g-muted g-who" data-testid="g-who">
          {who}
        </div>
      </div>
      <div className="g-actions">
        <button type="button" className="g-link" onClick={onChangeGate}>
          <T k="changeGate" />
        </button>
        <button type="button" className="g-link" onClick={onSignOut} data-testid="g-signout">
          <T k="signOut" />
        </button>
      </div>
    </header>
  );
}

/** What waits on the phone: this guard's checks, other guards' checks, and the refused ones. */
export function QueueStatus({
  queue,
  online,
  listsAt,
  onSendNow,
  onRemove,
  onRetry,
}: {
  queue: QueueState;
  online: boolean;
  listsAt: string | null;
  onSendNow: () => void;
  onRemove: (uuid: string) => void;
  onRetry: (uuid: string) => void;
}) {
  return (
    <>
      <section className="g-status">
        <span data-testid="g-waiting">
          {zh('waiting')} <b data-testid="g-waiting-count">{queue.waiting}</b>
          <small className="g-en"> {queue.waiting} waiting to send</small>
        </span>
        {queue.waiting > 0 && online && (
          <button type="button" className="g-link" onClick={onSendNow}>
            <T k="sendNow" />
          </button>
        )}
        <small className="g-muted" data-testid="g-lists-at">
          {zh('listsAt')} {listsAt ? formatBeijingTime(listsAt, { seconds: true }) : '—'}
        </small>
        {queue.others > 0 && (
          <small className="g-muted" data-testid="g-others-waiting">
            另有 <b data-testid="g-others-count">{queue.others}</b> {zh('othersWaiting')}
            <span className="g-en">
              {' '}
              ({queue.others} {M.othersWaiting[1]})
            </span>
          </small>
        )}
      </section>
      {queue.refused.length > 0 && (
        <section className="g-refused" data-testid="g-refused">
          <h3>
            <T k="refusedTitle" />
          </h3>
          <p className="g-muted">
            <T k="refusedHint" />
          </p>
          <ul>
            {queue.refused.map((q) => (
              <li key={q.check.uuid} data-testid="g-refused-item" data-uuid={q.check.uuid}>
                <div>
                  {time(q.check.checkedAt)} · {zh(q.check.direction)} · {zh('passNo')}{' '}
                  {q.check.passNumber ?? (q.check.token ? `${q.check.token.slice(0, 6)}…` : '—')}
                </div>
                <div className="g-warn" data-testid="g-refused-reason">
                  {q.refused?.reason}
                </div>
                <div className="g-row">
                  <button
                    type="button"
                    className="g-btn"
                    onClick={() => onRemove(q.check.uuid)}
                    data-testid="g-refused-remove"
                  >
                    <T k="remove" />
                  </button>
                  <button
                    type="button"
                    className="g-btn"
                    onClick={() => onRetry(q.check.uuid)}
                    disabled={!online}
                    data-testid="g-refused-retry"
                  >
                    <T k="retry" />
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
