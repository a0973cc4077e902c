// The server side of bench/campaigns.ts, its own process: the real app on the embedded database (or
// BENCH_DATABASE_URL) in a temp directory, with the full demo seeded (Ziluoyuan: 3,500 households).
// Prints READY {port, database}; on SIGTERM prints SUMMARY {visits, declarations} and exits.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app';
import { seedDemo } from '../../src/server/modules/demo/demo.seed';
import { benchConfig, openStack } from './app';
import { READY, SUMMARY } from './child';

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-bench-campaigns-'));
  const stack = await openStack(benchConfig(dataDir, process.env.BENCH_DATABASE_URL || undefined));
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
              visits: await count('select count(*)::int as n from campaign_visits'),
              declarations: await count('select count(*)::int as n from declarations'),
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
