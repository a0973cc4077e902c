import type { Database } from './database';

/**
 * The embedded database (PGlite) runs no autovacuum: without this, rows left dead by updates and purges
 * are never reclaimed and the planner's statistics never refreshed. PostgreSQL does it by itself, so
 * there this does nothing and answers null. Takes a fraction of a second for the demo communities;
 * everything else waits meanwhile (one session), so it runs between requests, never before the server
 * listens. Answers how long it took, in milliseconds.
 */
export async function vacuumIfEmbedded(database: Database): Promise<number | null> {
  if (database.kind !== 'embedded') return null;
  const started = performance.now();
  await database.pool.query('vacuum (analyze)');
  return performance.now() - started;
}
