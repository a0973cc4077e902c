import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { buildApp, createServices } from '../app';
import { loadConfig } from '../config';
import { connectDatabase, type Database } from '../db/database';
import { createVault } from '../privacy/vault';

const TEST_KEY = Buffer.alloc(32, 7);

export function testDatabase(max = 4): Database {
  const socketDir = inject('dbSocketDir');
  return socketDir
    ? connectDatabase('embedded', {
        host: socketDir,
        port: 5432,
        user: 'postgres',
        database: 'postgres',
        max,
      })
    : connectDatabase('postgres', { connectionString: process.env.DATABASE_URL, max });
}

/** The real app on the shared test database, with a fixed key and a fast lockout for tests. */
export async function createTestApp(env: Record<string, string> = {}) {
  // A fresh data directory per app: it holds the pass-signing key, which a test may rotate.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-test-'));
  const config = loadConfig({ DASHU_DATA_DIR: dataDir, DASHU_DEMO: '0', ...env });
  const database = testDatabase();
  const services = createServices(config, database, createVault(TEST_KEY));
  const { app, routes } = await buildApp({ config, database, services });
  await app.ready();
  return {
    app,
    services,
    routes,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
