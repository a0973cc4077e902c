import { randomBytes } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DbOrTx } from './database';

const dialect = new PgDialect();
/** Unique to this process: test files share one embedded database, and with it one namespace of names. */
const PROCESS_TAG = randomBytes(4).toString('hex');
const connectionTags = new WeakMap<object, number>();
let nextConnectionTag = 1;

/**
 * Runs a large statement as a named (prepared) statement, so the database parses it once per
 * connection instead of on every call. The public form's batch statements are long chains of
 * data-modifying CTEs. It is still planned on every call: every connection runs with
 * `plan_cache_mode = force_custom_plan` (`PLAN_EVERY_RUN` in database.ts; a generic plan would outlive
 * the table sizes it was made for). Measured in bench/declaration-submit.ts on PostgreSQL: ~1,900–2,200/s with
 * named statements against ~1,450–1,750/s without.
 *
 * Names are per connection as well as per process: the embedded database is ONE PostgreSQL session
 * behind all the pool's connections (and all test files' pools), so two connections preparing the same
 * name would collide. The embedded pool keeps its connections (see `openDatabase`), so names do not pile
 * up there.
 *
 * Drizzle runs raw SQL only unnamed, so this reaches the `pg` client or pool Drizzle keeps on its
 * session (drizzle-orm is pinned): a transaction's own connection, or one borrowed from the pool for the
 * one statement. Anything else runs the statement the ordinary way. Column types come back as `pg`
 * parses them (a timestamp is a Date, not a string).
 */
export async function executePrepared<T extends pg.QueryResultRow>(
  db: DbOrTx,
  name: string,
  query: SQL,
): Promise<T[]> {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (client instanceof pg.Client) return runNamed<T>(client, name, query);
  if (!(client instanceof pg.Pool)) return (await db.execute(query)).rows as T[];
  // Outside a transaction, whichever connection is idle will do, each has (or makes) its own copy.
  const borrowed = await client.connect();
  try {
    return await runNamed<T>(borrowed, name, query);
  } finally {
    borrowed.release();
  }
}

async function runNamed<T extends pg.QueryResultRow>(client: pg.ClientBase, name: string, query: SQL) {
  let tag = connectionTags.get(client);
  if (tag === undefined) {
    tag = nextConnectionTag++;
    connectionTags.set(client, tag);
  }
  const { sql: text, params } = dialect.sqlToQuery(query);
  const result = await client.query<T>({ name: `${name}_${PROCESS_TAG}_${tag}`, text, values: params });
  return result.rows;
}
