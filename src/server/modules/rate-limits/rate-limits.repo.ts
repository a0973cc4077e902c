import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';

/** No limit counts over more than a day, so a row whose window opened a day ago is over and may go. */
export const LONGEST_WINDOW_SECONDS = 86_400;

/**
 * Counts one hit of `key` and answers the hits in its window and the seconds left of it. One statement
 * on the database's clock: two instances hitting the same key at once queue on the row (ON CONFLICT
 * DO UPDATE), so neither count is lost and the instances' clocks do not matter.
 */
export async function hitRateLimit(db: DbOrTx, key: string, windowSeconds: number) {
  const answer = (await hitRateLimits(db, windowSeconds, new Map([[key, 1]]))).get(key);
  if (!answer) throw new Error('rate limit upsert returned nothing');
  return answer;
}

/**
 * Deletes the counters whose window is over (opened more than a day ago): the next hit of such a key opens
 * a new window anyway, so nothing changes but the table's size — the per-address keys of the public form
 * would otherwise grow without bound. Run hourly by the jobs module (`sweep-rate-limits`).
 */
export async function deleteEndedRateLimits(db: DbOrTx): Promise<number> {
  const result = await db.execute(sql`
    delete from rate_limits where window_start < now() - ${`${LONGEST_WINDOW_SECONDS} seconds`}::interval`);
  return result.rowCount ?? 0;
}

/**
 * Counts several keys' hits in one statement, all of one window length: each key's row is updated once,
 * by its number of hits, in key order (two instances' batches lock rows in the same order, so they never
 * wait on each other in a circle). Answers each key's total in its window after these hits, and the
 * seconds left of that window.
 */
export async function hitRateLimits(
  db: DbOrTx,
  windowSeconds: number,
  batch: ReadonlyMap<string, number>,
): Promise<Map<string, { hits: number; secondsLeft: number }>> {
  if (windowSeconds > LONGEST_WINDOW_SECONDS)
    throw new Error(`rate limit window over a day: ${windowSeconds} s`);
  const rows = [...batch].map(([key, count]) => ({ key, count }));
  const window = `${windowSeconds} seconds`;
  const result = await db.execute<{ key: string; hits: number; seconds_left: number }>(sql`
    insert into rate_limits as r (key, window_start, hits)
    select b.key, now(), b.count
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as b(key text, count int)
    order by b.key
    on conflict (key) do update set
      window_start = case when r.window_start <= now() - ${window}::interval then now() else r.window_start end,
      hits = case when r.window_start <= now() - ${window}::interval then excluded.hits else r.hits + excluded.hits end
    returning key, hits, extract(epoch from (window_start + ${window}::interval - now()))::float8 as seconds_left`);
  return new Map(
    result.rows.map((row) => [
      row.key,
      { hits: Number(row.hits), secondsLeft: Math.max(0, Number(row.seconds_left)) },
    ]),
  );
}
