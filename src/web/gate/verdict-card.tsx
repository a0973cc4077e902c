import { type Direction, doorLabel, type GateHolder, type Verdict } from '../../shared/access';
import { formatBeijingTime } from '../../shared/time/beijing';
import { T, zh } from './bilingual';
import { type CheckDetails, CheckForm } from './check-form';
import { VERDICT_TEXT } from './messages';

/** What the phone judged the pass just shown to be. */
export interface Current {
  verdict: Verdict;
  passNumber: number | null;
  validUntil: string | null;
  token?: string;
  name?: string;
  /** Whose pass it is (masked), from the offline list: a pass lent to someone else shows here. */
  holder?: GateHolder;
  /** A visitor's day pass: no household behind it. */
  visitor?: boolean;
}

export interface Recent {
  uuid: string;
  passNumber: number | null;
  verdict: Verdict;
  serverVerdict?: Verdict;
  /** Whose pass: from the offline list when saved, then as the server answered. */
  holder?: GateHolder;
  refused?: boolean;
  direction: Direction;
  at: string;
}

/** Whose pass: 王*明 · 紫萝园小区 1号楼 1单元 101 · 本户人数 3. */
function HolderLine({ holder }: { holder: GateHolder }) {
  return (
    <p className="g-holder" data-testid="g-holder">
      {zh('holder')} <b>{holder.name ?? '—'}</b>
      {' · '}
      <span data-testid="g-holder-door">{doorLabel(holder)}</span>
      {' · '}
      {zh('peopleAtDoor')} <b>{holder.holders}</b>
    </p>
  );
}

/**
 * The verdict in colour, big enough to read at arm's length, whose pass it is (masked name, door, people
 * there), and the form that records the check with its save button right under them.
 */
export function VerdictCard({
  current,
  vehicles,
  onSave,
}: {
  current: Current;
  vehicles: boolean;
  onSave: (details: CheckDetails) => void;
}) {
  return (
    <section
      className={`g-verdict g-v-${current.verdict}`}
      data-testid="g-verdict"
      data-verdict={current.verdict}
    >
      <h2>
        {VERDICT_TEXT[current.verdict][0]}
        <small className="g-en"> {VERDICT_TEXT[current.verdict][1]}</small>
      </h2>
      {current.holder ? (
        <HolderLine holder={current.holder} />
      ) : (
        // A valid resident pass with no household in the kept list (a list from an older app version, a
        // pass issued since the last sync): the guard checks an ID instead of trusting the paper.
        current.verdict === 'valid' &&
        current.passNumber !== null &&
        !current.visitor &&
        !current.name && (
          <p className="g-muted" data-testid="g-no-holder">
            {zh('noHolderInList')}
          </p>
        )
      )}
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
          vehicles={vehicles}
          suggestRefusal={current.verdict === 'valid' ? null : VERDICT_TEXT[current.verdict][0]}
          onSave={onSave}
        />
      ) : null}
    </section>
  );
}

const state = (r: Recent) => (r.serverVerdict ? zh('sent') : r.refused ? zh('refusedMark') : zh('waiting'));

/** The last ten checks on this screen, with what became of each: sent, refused or still waiting. */
export function RecentList({ recent }: { recent: Recent[] }) {
  if (recent.length === 0) return null;
  return (
    <section className="g-recent">
      <h3>
        <T k="recent" />
      </h3>
      <ul data-testid="g-recent">
        {recent.map((r) => (
          <li key={r.uuid}>
            {formatBeijingTime(r.at, { seconds: true })} · {zh(r.direction)} · {r.passNumber ?? '—'} ·{' '}
            {r.holder && `${r.holder.name ?? '—'} ${doorLabel(r.holder)} · `}
            {VERDICT_TEXT[r.serverVerdict ?? r.verdict]?.[0] ?? r.serverVerdict ?? r.verdict} · {state(r)}
          </li>
        ))}
      </ul>
    </section>
  );
}
