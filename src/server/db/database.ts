import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Config } from '../config';
import { startEmbeddedServer } from './embedded';
import * as schema from './schema';

// `pg` returns bigint (counts, sums) as strings and dates as JS Dates in local time. Counts here never
// approach 2^53 and a date column is a calendar day, so both are parsed to what the code expects.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Db = NodePgDatabase<typeof schema>;
/** A Drizzle handle that may be the pool or an open transaction: repositories take either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  kind: 'embedded' | 'postgres';
  pool: pg.Pool;
  db: Db;
  /**
   * NOTIFY messages that arrive on the pool's own connections. On the embedded database every
   * connection shares one session, so a notice comes back on the connection that committed it: this is
   * how the change bus (change-bus.ts) hears it there. On PostgreSQL the pool never LISTENs.
   */
  notifications: EventEmitter;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Named statements (db/prepared.ts) are parsed once but planned on every run, with the tables as they
 * are now: a generic plan made while a table was small would be kept for the life of the connection
 * (seen: a sequential scan of 16,000 residents in every public-form batch). Only named statements are
 * affected. PostgreSQL takes it with each connection's start-up; the embedded database, one session
 * for every connection, sets it once when it starts (embedded-worker.mjs).
 */
export const PLAN_EVERY_RUN = '-c plan_cache_mode=force_custom_plan';

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 20, options: PLAN_EVERY_RUN });
    return wrap('postgres', pool, async () => pool.end());
  }
  const embedded = await startEmbeddedServer(config.dataDir);
  const pool = new pg.Pool({
    host: embedded.socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    max: 10,
    // Connections to the in-process database cost nothing to keep, and each one's prepared statements
    // live on in the one shared session after it closes (see db/prepared.ts): keep them.
    idleTimeoutMillis: 0,
  });
  return wrap('embedded', pool, async () => {
    await pool.end();
    await embedded.stop();
  });
}

/** A pool onto a database someone else runs (the test suite's shared embedded server, for one). */
export function connectDatabase(kind: Database['kind'], options: pg.PoolConfig): Database {
  const pool = new pg.Pool(kind === 'postgres' ? { ...options, options: PLAN_EVERY_RUN } : options);
  return wrap(kind, pool, async () => pool.end());
}

function wrap(kind: Database['kind'], pool: pg.Pool, close: () => Promise<void>): Database {
  // An idle client dropped by the server must not crash the process.
  pool.on('error', () => {});
  const notifications = new EventEmitter();
  notifications.setMaxListeners(0);
  pool.on('connect', (client) => {
    client.on('notification', (message) => notifications.emit('notification', message));
  });
  return { kind, pool, db: drizzle(pool, { schema }), notifications, close };
}

/** Applies committed migrations. An advisory lock keeps two instances starting together from racing. */
export async function migrateDatabase(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock(727274)');
    await migrate(drizzle(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => {});
    client.release();
  }
}
