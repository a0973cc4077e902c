// The server side of bench/observation-checkin.ts, its own process: the real app on the embedded database
// (or BENCH_DATABASE_URL) in a temp directory, the demo seeded, the public limit lifted (one address sends all).
// Prints READY {port, database}; on SIGTERM prints SUMMARY {checkins, alerts} and exits.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app';
import { seedDemo } from '../../src/server/modules/demo/demo.seed';
import { benchConfig, openStack } from './app';
import { READY, SUMMARY } from './child';

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-bench-observation-'));
  const stack = await openStack(
    benchConfig(dataDir, process.env.BENCH_DATABASE_URL || undefined, {
      DASHU_PUBLIC_RATE_LIMIT: '1000000',
    }),
  );
  const { database, services, config } = stack;
  try {
    const started = performance.now();
    await seedDemo(services);
    const seeded = Math.round(performance.now() - started);
    const { app } = await buildApp({ config, database, services });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    console.log(
      `${READY}${JSON.stringify({ port: address.port, database: database.kind, seededMs: seeded })}`,
    );
    process.once('SIGTERM', () => {
      void (async () => {
        try {
          await app.close();
          const count = async (sql: string) =>
            (await database.pool.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
          console.log(
            `${SUMMARY}${JSON.stringify({
              checkins: await count('select count(*)::int as n from observation_checkins'),
              alerts: await count('select count(*)::int as n from observation_alerts'),
            })}`,
          );
          await database.close();
        } finally {
          rmSync(dataDir, { recursive: true, force: true });
          process.exit(0);
        }
      })();
    });
  } catch (error) {
    await database.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
