// A second instance for bench/gate-instances.ts: the real app on the database gate-server.ts set up
// (BENCH_DATABASE_URL), sharing its key directory and vault key, signed in as the same guard. Prints READY
// {port, guard}; on SIGTERM prints SUMMARY (the pass-state reads it made).

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app';
import { benchConfig, openStack } from './app';
import { READY, SUMMARY } from './child';
import { login } from './http';

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-bench-gate-b-'));
  const shared = Object.fromEntries(
    ['DASHU_PASS_KEY_DIR', 'DASHU_SECRET_KEY'].flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])),
  );
  const config = benchConfig(dataDir, process.env.BENCH_DATABASE_URL, shared);
  const { database, services } = await openStack(config);
  const { app } = await buildApp({ config, database, services });
  const guard = await login(app, 'bench-guard', 'bench-password-1');
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  console.log(`${READY}${JSON.stringify({ port: address.port, guard })}`);
  process.once('SIGTERM', () => {
    void (async () => {
      try {
        await app.close();
        console.log(`${SUMMARY}${JSON.stringify({ tokens: services.gate.tokenStats })}`);
        await database.close();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      }
    })();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
