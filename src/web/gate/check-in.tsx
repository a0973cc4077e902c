import { useState } from 'react';
import { formatBeijingTime } from '../../shared/time/beijing';
import { T, zh } from './bilingual';
import { GateApiError, gateApi } from './gate-api';

const hm = (iso: string) => formatBeijingTime(iso);

/**
 * 到岗签到: stamps the guard's current shift at this gate. Online only — the server's clock is the record;
 * without a shift now (or within 30 minutes of its start) the server says so and the message is shown.
 */
export function CheckInButton({ gateId, online }: { gateId: number; online: boolean }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ at: string; from: string; to: string; late: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function checkIn() {
    setBusy(true);
    setError(null);
    try {
      const { shift } = await gateApi.checkIn(gateId);
      setDone({
        at: hm(shift.checkedInAt ?? new Date().toISOString()),
        from: hm(shift.startsAt),
        to: hm(shift.endsAt),
        late: shift.state === 'late',
      });
    } catch (e) {
      setError(e instanceof GateApiError ? e.message : zh('checkInNeedsNetwork'));
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <p className="g-status" data-testid="g-checked-in">
        {zh('checkedIn')} {done.at}
        {done.late && ` · ${zh('late')}`} · {zh('shift')} {done.from}–{done.to}
      </p>
    );
  return (
    <section className="g-status">
      <button
        type="button"
        className="g-btn"
        onClick={() => void checkIn()}
        disabled={busy || !online}
        data-testid="g-check-in"
      >
        <T k="checkIn" />
      </button>
      {!online && <small className="g-muted">{zh('checkInNeedsNetwork')}</small>}
      {error && (
        <span className="g-warn" role="alert" data-testid="g-check-in-error">
          {error}
        </span>
      )}
    </section>
  );
}
