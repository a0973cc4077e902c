// The server side of a benchmark that runs the real app in its own process: the embedded database (or
// BENCH_DATABASE_URL) in a temp directory, the full demo seeded. Prints READY {port, database, seededMs};
// on SIGTERM closes the app, prints SUMMARY with the row counts asked for, and exits.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app';
import { seedDemo } from '../../src/server/modules/demo/demo.seed';
import { benchConfig, openStack } from './app';
import { READY, SUMMARY } from './child';

export interface DemoServerOptions {
  /** Names the temp directory (dashu-bench-<name>-…). */
  name: string;
  /** Environment overrides, e.g. the public limit lifted when one address sends everything. */
  env?: Record<string, string>;
  /** What SUMMARY reports: a label and the table whose rows it counts. */
  count: Record<string, string>;
}

export function serveSeededDemo(options: DemoServerOptions) {
  main(options).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}

async function main({ name, env, count }: DemoServerOptions) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `dashu-bench-${name}-`));
  const stack = await openStack(benchConfig(dataDir, process.env.BENCH_DATABASE_URL || undefined, env));
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
          const summary: Record<string, number> = {};
          for (const [label, table] of Object.entries(count)) {
            const { rows } = await database.pool.query<{ n: number }>(
              `select count(*)::int as n from ${table}`,
            );
            summary[label] = rows[0]?.n ?? 0;
          }
          console.log(`${SUMMARY}${JSON.stringify(summary)}`);
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
