import { useCallback, useEffect, useState } from 'react';
import type { Direction, Verdict } from '../../shared/access';
import { beijingToday } from '../../shared/declarations/calendar-date';
import { newPhoneId } from '../shared/phone-id';
import { T, zh } from './bilingual';
import { type CheckDetails, CheckForm } from './check-form';
import { CheckInButton } from './check-in';
import { type CheckRecord, type Gate, GateApiError, gateApi } from './gate-api';
import { VERDICT_TEXT } from './messages';
import { enqueue, loadBundle, pendingCount, saveBundle } from './offline-store';
import { Scanner } from './scanner';
import { sendPending } from './sync';
import { useOnline } from './use-online';
import { classify, type Knowledge, knowledgeOf, verifyNumber, verifyToken } from './verify';
import { VisitorForm } from './visitor-form';

interface Current {
  verdict: Verdict;
  passNumber: number | null;
  validUntil: string | null;
  token?: string;
  name?: string;
}

interface Recent {
  uuid: string;
  passNumber: number | null;
  verdict: Verdict;
  serverVerdict?: Verdict;
  direction: Direction;
  at: string;
}

const REFRESH_MS = 30_000;

export function GateScreen({
  gate,
  onChangeGate,
  onSignedOut,
}: {
  gate: Gate;
  onChangeGate: () => void;
  onSignedOut: () => void;
}) {
  const online = useOnline();
  const [knowledge, setKnowledge] = useState<Knowledge | null>(null);
  const [listsAt, setListsAt] = useState<string | null>(null);
  const [waiting, setWaiting] = useState(0);
  const [direction, setDirection] = useState<Direction>('in');
  const [input, setInput] = useState('');
  const [scanning, setScanning] = useState(false);
  const [current, setCurrent] = useState<Current | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [recent, setRecent] = useState<Recent[]>([]);
  const [visitor, setVisitor] = useState(false);

  const adopt = useCallback((bundle: Awaited<ReturnType<typeof gateApi.bundle>>) => {
    setKnowledge(knowledgeOf(bundle, beijingToday()));
    setListsAt(bundle.generatedAt);
  }, []);

  /** Sends what waits, then fetches fresh lists: one sync makes a revocation reach this phone. */
  const sync = useCallback(async () => {
    try {
      const { results, signedOut } = await sendPending();
      if (signedOut) return onSignedOut();
      if (results.length > 0) {
        const byUuid = new Map(results.map((r) => [r.uuid, r.verdict]));
        setRecent((list) =>
          list.map((r) => (byUuid.has(r.uuid) ? { ...r, serverVerdict: byUuid.get(r.uuid) } : r)),
        );
      }
      const bundle = await gateApi.bundle(gate.id);
      await saveBundle(bundle);
      adopt(bundle);
    } catch (error) {
      if (error instanceof GateApiError && error.status === 401) onSignedOut();
      else if (error instanceof GateApiError) setNotice(error.message);
      // otherwise: no network; the queue keeps everything for the next try
    } finally {
      setWaiting(await pendingCount());
    }
  }, [gate.id, adopt, onSignedOut]);

  useEffect(() => {
    void loadBundle(gate.id).then((cached) => cached && adopt(cached));
    void pendingCount().then(setWaiting);
  }, [gate.id, adopt]);

  useEffect(() => {
    if (!online) return;
    void sync();
    const timer = window.setInterval(() => void sync(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [online, sync]);

  const judge = useCallback(
    async (text: string) => {
      setNotice(null);
      setCurrent(null);
      if (!knowledge) return;
      const typed = classify(text);
      if (!typed) return setCurrent({ verdict: 'unknown', passNumber: null, validUntil: null });
      if (typed.kind === 'number') {
        const local = verifyNumber(typed.number, direction, knowledge);
        return setCurrent({
          verdict: local.verdict,
          passNumber: typed.number,
          validUntil: local.payload?.validUntil ?? null,
        });
      }
      let token = typed.kind === 'token' ? typed.token : '';
      let name: string | undefined;
      if (typed.kind === 'document') {
        if (!navigator.onLine) return setNotice(zh('idNeedsNetwork'));
        try {
          const found = await gateApi.lookup(gate.id, typed.text);
          if (!found.found || !found.token) return setNotice(zh('idNotFound'));
          token = found.token;
          name = found.name;
        } catch (error) {
          return setNotice(error instanceof Error ? error.message : zh('idNeedsNetwork'));
        }
      }
      const local = await verifyToken(token, direction, knowledge);
      setCurrent({
        verdict: local.verdict,
        passNumber: local.payload?.passNumber ?? null,
        validUntil: local.payload?.validUntil ?? null,
        // Even a forged token is recorded: the refusal belongs in the log.
        token,
        name,
      });
    },
    [knowledge, direction, gate.id],
  );

  async function save(details: CheckDetails) {
    if (!current) return;
    const record: CheckRecord = {
      uuid: newPhoneId(),
      gateId: gate.id,
      checkedAt: new Date().toISOString(),
      direction,
      ...(current.token
        ? { token: current.token }
        : current.passNumber
          ? { passNumber: current.passNumber }
          : {}),
      ...details,
      offline: !navigator.onLine,
    };
    if (!record.token && !record.passNumber) {
      setCurrent(null);
      return;
    }
    await enqueue(record);
    setRecent((list) =>
      [
        {
          uuid: record.uuid,
          passNumber: current.passNumber,
          verdict: current.verdict,
          direction,
          at: record.checkedAt,
        },
        ...list,
      ].slice(0, 10),
    );
    setCurrent(null);
    setInput('');
    setWaiting(await pendingCount());
    if (navigator.onLine) void sync();
  }

  const onCode = useCallback(
    (text: string) => {
      setScanning(false);
      setInput(text);
      void judge(text);
    },
    [judge],
  );

  return (
    <main className="g-page">
      <header className="g-bar">
        <div>
          <strong data-testid="g-gate-name">{gate.name}</strong>
          <span className={online ? 'g-online' : 'g-offline'} data-testid="g-network">
            {online ? zh('online') : zh('offline')}
          </span>
        </div>
        <button type="button" className="g-link" onClick={onChangeGate}>
          <T k="changeGate" />
        </button>
      </header>
      <section className="g-status">
        <span data-testid="g-waiting">
          {zh('waiting')} <b data-testid="g-waiting-count">{waiting}</b>
          <small className="g-en"> {waiting} waiting to send</small>
        </span>
        {waiting > 0 && online && (
          <button type="button" className="g-link" onClick={() => void sync()}>
            <T k="sendNow" />
          </button>
        )}
        <small className="g-muted" data-testid="g-lists-at">
          {zh('listsAt')} {listsAt ? new Date(listsAt).toLocaleTimeString('zh-CN', { hour12: false }) : '—'}
        </small>
      </section>
      <CheckInButton key={gate.id} gateId={gate.id} online={online} />
      <fieldset className="g-direction">
        {(['in', 'out'] as const).map((d) => (
          <button
            key={d}
            type="button"
            className={direction === d ? 'g-btn g-on' : 'g-btn'}
            onClick={() => setDirection(d)}
            data-testid={`g-dir-${d}`}
          >
            <T k={d} />
          </button>
        ))}
      </fieldset>
      {visitor && <VisitorForm gate={gate} onClose={() => setVisitor(false)} />}
      {scanning ? (
        <Scanner onCode={onCode} onClose={() => setScanning(false)} />
      ) : (
        <button
          type="button"
          className="g-btn g-scan"
          onClick={() => setScanning(true)}
          disabled={!knowledge}
          data-testid="g-scan"
        >
          <T k="scan" />
        </button>
      )}
      <form
        className="g-typed"
        onSubmit={(event) => {
          event.preventDefault();
          void judge(input);
        }}
      >
        <input
          className="g-input"
          value={input}
          placeholder={`${zh('typeHint')}`}
          onChange={(e) => setInput(e.target.value)}
          autoComplete="off"
          data-testid="g-input"
        />
        <button type="submit" className="g-btn" disabled={!knowledge || !input.trim()} data-testid="g-check">
          <T k="check" />
        </button>
      </form>
      {notice && (
        <p className="g-warn" role="alert" data-testid="g-notice">
          {notice}
        </p>
      )}
      {current && (
        <section
          className={`g-verdict g-v-${current.verdict}`}
          data-testid="g-verdict"
          data-verdict={current.verdict}
        >
          <h2>
            {VERDICT_TEXT[current.verdict][0]}
            <small className="g-en"> {VERDICT_TEXT[current.verdict][1]}</small>
          </h2>
          {current.passNumber !== null && (
            <p>
              {zh('passNo')} <b>{current.passNumber}</b>
              {current.validUntil && (
                <>
                  {' · '}
                  {zh('validUntil')} {current.validUntil}
                </>
              )}
              {current.name && <> · {current.name}</>}
            </p>
          )}
          {current.token || current.passNumber !== null ? (
            <CheckForm
              key={`${current.passNumber}-${current.verdict}`}
              vehicles={gate.vehiclesAllowed}
              suggestRefusal={current.verdict === 'valid' ? null : VERDICT_TEXT[current.verdict][0]}
              onSave={(details) => void save(details)}
            />
          ) : null}
        </section>
      )}
      {!visitor && (
        <button
          type="button"
          className="g-btn"
          onClick={() => setVisitor(true)}
          disabled={!online}
          data-testid="g-visitor"
        >
          <T k="visitor" />
        </button>
      )}
      {recent.length > 0 && (
        <section className="g-recent">
          <h3>
            <T k="recent" />
          </h3>
          <ul data-testid="g-recent">
            {recent.map((r) => (
              <li key={r.uuid}>
                {new Date(r.at).toLocaleTimeString('zh-CN', { hour12: false })} · {zh(r.direction)} ·{' '}
                {r.passNumber ?? '—'} · {VERDICT_TEXT[r.serverVerdict ?? r.verdict][0]}
                {r.serverVerdict ? ` · ${zh('sent')}` : ` · ${zh('waiting')}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
