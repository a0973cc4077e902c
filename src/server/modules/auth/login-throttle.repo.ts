import { and, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { loginThrottle } from './auth.table';

export interface ThrottleLimits {
  /** Failures from one address before it is refused. */
  address: number;
  /** Failures from one address on one username before that pair is locked. */
  pair: number;
  /** The window the counts cover and how long a lock lasts. */
  minutes: number;
}

export interface ThrottleCount {
  key: string;
  failures: number;
  lockedUntil: Date | null;
}

/** The keys among `keys` that are locked now. */
export async function lockedKeys(db: DbOrTx, keys: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), sql`${loginThrottle.lockedUntil} > now()`));
  return new Set(rows.map((r) => r.key));
}

/**
 * Counts one failure on each key in one statement (parallel attempts on several instances cannot race
 * past a limit) and locks the keys that reach theirs: `addr:` keys at `limits.address`, `pair:` keys at
 * `limits.pair`; `acct:` keys only count. A key whose window has passed starts again from one.
 */
export async function countFailure(db: DbOrTx, keys: string[], limits: ThrottleLimits) {
  const window = sql`make_interval(mins => ${limits.minutes}::int)`;
  const limitOf = (key: unknown) =>
    sql`case split_part(${key}, ':', 1) when 'addr' then ${limits.address}::int when 'pair' then ${limits.pair}::int end`;
  const expired = sql`t.window_start <= now() - ${window}`;
  const next = sql`case when ${expired} then 1 else t.failures + 1 end`;
  const result = await db.execute<{ key: string; failures: number; locked_until: string | Date | null }>(sql`
    insert into ${loginThrottle} as t (key, failures, window_start, locked_until)
    select k, 1, now(), case when 1 >= ${limitOf(sql`k`)} then now() + ${window} end
    from unnest(${sql.param(keys)}::text[]) as u(k)
    on conflict (key) do update set
      failures = ${next},
      window_start = case when ${expired} then now() else t.window_start end,
      locked_until = case
        when ${next} >= ${limitOf(sql`t.key`)} and (t.locked_until is null or t.locked_until <= now())
          then now() + ${window}
        when ${expired} then null
        else t.locked_until end
    returning key, failures, locked_until`);
  return result.rows.map(
    (r): ThrottleCount => ({
      key: r.key,
      failures: Number(r.failures),
      lockedUntil: r.locked_until ? new Date(r.locked_until) : null,
    }),
  );
}

/** A right password clears its pair's count; the address keeps its count (one good account must not
 * reset an address's guesses at others). Rows past their window and lock are swept at the same time. */
export async function clearPair(db: DbOrTx, pairKey: string, minutes: number) {
  await db.execute(sql`
    delete from ${loginThrottle}
    where key = ${pairKey}
       or (window_start < now() - make_interval(mins => ${minutes}::int)
           and (locked_until is null or locked_until < now()))`);
}
