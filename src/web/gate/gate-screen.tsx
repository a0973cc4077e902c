import { useCallback, useEffect, useState } from 'react';
import type { Direction } from '../../shared/access';
import { beijingToday } from '../../shared/time/beijing';
import { newPhoneId } from '../shared/phone-id';
import { T, zh } from './bilingual';
import type { CheckDetails } from './check-form';
import { CheckInButton } from './check-in';
import { type CheckRecord, type Gate, GateApiError, gateApi, type SignedInAccount } from './gate-api';
import { enqueue, forget, loadBundle, loadQueue, retry, saveBundle } from './offline-store';
import { summarise } from './queue-logic';
import { GateBar, type QueueState, QueueStatus } from './queue-panel';
import { Scanner } from './scanner';
import { sendPending } from './sync';
import { useOnline } from './use-online';
import { type Current, type Recent, RecentList, VerdictCard } from './verdict-card';
import { classify, type Knowledge, knowledgeOf, verifyNumber, verifyToken } from './verify';
import { VisitorForm } from './visitor-form';

const REFRESH_MS = 30_000;

export function GateScreen({
  gate,
  account,
  onChangeGate,
  onSignedOut,
  onSignOut,
  onOtherAccount,
}: {
  gate: Gate;
  account: SignedInAccount;
  onChangeGate: () => void;
  /** The server says the session is over (401). */
  onSignedOut: () => void;
  /** The guard signs out (works offline). */
  onSignOut: () => void;
  /** The session belongs to someone else now: ask the server who, and carry on as them. */
  onOtherAccount: () => void;
}) {
  const online = useOnline();
  const [knowledge, setKnowledge] = useState<Knowledge | null>(null);
  const [listsAt, setListsAt] = useState<string | null>(null);
  const [queue, setQueue] = useState<QueueState>({ waiting: 0, others: 0, refused: [] });
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

  const reloadQueue = useCallback(async () => {
    const { waiting, refused, others } = summarise(await loadQueue(account.id), account.id);
    setQueue({ waiting: waiting.length, refused, others });
  }, [account.id]);

  /** Sends what waits, then fetches fresh lists: one sync makes a revocation reach this phone. */
  const sync = useCallback(async () => {
    try {
      const report = await sendPending(account.id);
      if (report.signedOut) return onSignedOut();
      if (report.otherAccount) return onOtherAccount();
      if (report.results.length > 0 || report.refused.length > 0) {
        const byUuid = new Map(report.results.map((r) => [r.uuid, r]));
        const refused = new Set(report.refused.map((r) => r.uuid));
        setRecent((list) =>
          list.map((r) =>
            byUuid.has(r.uuid)
              ? {
                  ...r,
                  serverVerdict: byUuid.get(r.uuid)?.verdict,
                  holder: byUuid.get(r.uuid)?.holder ?? r.holder,
                }
              : refused.has(r.uuid)
                ? { ...r, refused: true }
                : r,
          ),
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
      await reloadQueue();
    }
  }, [gate.id, account.id, adopt, onSignedOut, onOtherAccount, reloadQueue]);

  useEffect(() => {
    void loadBundle(gate.id).then((cached) => cached && adopt(cached));
    void reloadQueue();
  }, [gate.id, adopt, reloadQueue]);

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
      // Typed text that is no number, token or ID: a typo, not a forgery.
      if (!typed) return setCurrent({ verdict: 'not_found', passNumber: null, validUntil: null });
      if (typed.kind === 'number') {
        const local = verifyNumber(typed.number, direction, knowledge);
        return setCurrent({
          verdict: local.verdict,
          passNumber: typed.number,
          validUntil: local.payload?.validUntil ?? null,
          holder: local.holder,
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
        holder: local.holder,
        visitor: local.payload?.holderKind === 'visitor',
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
    // The screen is ready for the next pass at once: cleared before the phone's storage is written, so a
    // number typed meanwhile (a queue at the gate) is never wiped by this save finishing late.
    const shown = current;
    const typed = input;
    setCurrent(null);
    setInput('');
    if (!record.token && !record.passNumber) return;
    try {
      await enqueue(record, account.id);
    } catch (error) {
      // Not stored (the phone's storage refused it): the verdict comes back so the guard can save again.
      setCurrent(shown);
      setInput(typed);
      setNotice(error instanceof Error ? error.message : String(error));
      return;
    }
    setRecent((list) =>
      [
        {
          uuid: record.uuid,
          passNumber: shown.passNumber,
          verdict: shown.verdict,
          holder: shown.holder,
          direction,
          at: record.checkedAt,
        },
        ...list,
      ].slice(0, 10),
    );
    await reloadQueue();
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
      <GateBar
        gate={gate}
        online={online}
        who={account.displayName}
        onChangeGate={onChangeGate}
        onSignOut={onSignOut}
      />
      <QueueStatus
        queue={queue}
        online={online}
        listsAt={listsAt}
        onSendNow={() => void sync()}
        onRemove={(uuid) => void forget([uuid]).then(reloadQueue)}
        onRetry={(uuid) => void retry(uuid).then(sync)}
      />
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
      {visitor && <VisitorForm gate={gate} knowledge={knowledge} onClose={() => setVisitor(false)} />}
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
        <VerdictCard current={current} vehicles={gate.vehiclesAllowed} onSave={(d) => void save(d)} />
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
      <RecentList recent={recent} />
    </main>
  );
}
