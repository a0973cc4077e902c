import pg from 'pg';
import { heading } from './report';

export const ADMIN_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the BENCH_PG_URL server; `drop` removes it even with connections still open. */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** Runs `work` on a scratch database, dropped at the end — also when the run is interrupted. */
export async function withScratchDatabase<T>(
  prefix: string,
  work: (scratch: ScratchDatabase) => Promise<T>,
): Promise<T> {
  const scratch = await createScratchDatabase(prefix);
  const onSignal = () => void scratch.drop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work(scratch);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await scratch.drop();
  }
}

/**
 * The PostgreSQL half of a benchmark that also runs on the embedded database: on a scratch database when
 * a server answers, otherwise a SKIPPED line under `title` saying why.
 */
export async function onPostgresIfReachable(
  prefix: string,
  title: string,
  work: (scratch: ScratchDatabase) => Promise<void>,
): Promise<void> {
  try {
    const probe = new pg.Client({ connectionString: ADMIN_URL });
    await probe.connect();
    await probe.end();
  } catch (error) {
    heading(title);
    console.log(`  SKIPPED: no PostgreSQL at ${new URL(ADMIN_URL).host} (${(error as Error).message})`);
    return;
  }
  await withScratchDatabase(prefix, work);
}
