// Community A's rows, as a digest per table: equal before and after the outsider probes means no probe
// changed, added or deleted anything of A's — whichever table a route writes, including ones added later.
import type { Pool } from 'pg';

/**
 * Every table with a `community_id` (rows of A's community), a `place_id` or a `scope_place_id` (rows set
 * at one of `places`: A's places and the district and sub-district above them, and accounts scoped there).
 */
export async function snapshotOf(
  pool: Pool,
  communityId: number,
  places: number[],
): Promise<Record<string, { rows: number; digest: string }>> {
  const { rows: columns } = await pool.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'public' and column_name in ('community_id', 'place_id', 'scope_place_id')
     order by table_name, column_name`,
  );
  const snapshot: Record<string, { rows: number; digest: string }> = {};
  for (const { table_name: table, column_name: column } of columns) {
    const { rows } = await pool.query<{ rows: number; digest: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest
       from "${table}" t where "${column}" = any($1::int[])`,
      [column === 'community_id' ? [communityId] : places],
    );
    snapshot[`${table}.${column}`] = rows[0] as { rows: number; digest: string };
  }
  return snapshot;
}
