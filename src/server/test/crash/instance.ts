// A Dashu instance in a process of its own, for kill-instance.test.ts to kill -9: the real app on
// DATABASE_URL (already migrated by the test run), with the test vault key and the upload and key
// directories it is given, its job runner working every queue as a production instance does. Prints
// READY {port} once it listens. Run as a script only: importing it would start an instance.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, createServices } from '../../app';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/database';
import { createVault } from '../../privacy/vault';
import { TEST_KEY } from '../test-key';

const READY = 'INSTANCE_READY ';

async function main() {
  const config = loadConfig({
    DASHU_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'dashu-crash-')),
    DASHU_DEMO: '0',
    DASHU_LOGIN_ADDRESS_LIMIT: '10000',
    LOG_LEVEL: 'warn',
    DATABASE_URL: process.env.DATABASE_URL,
    DASHU_UPLOAD_DIR: process.env.DASHU_UPLOAD_DIR,
    DASHU_PASS_KEY_DIR: process.env.DASHU_PASS_KEY_DIR,
  });
  const database = await openDatabase(config);
  const services = createServices(config, database, createVault(TEST_KEY));
  const { app } = await buildApp({ config, database, services });
  await services.jobs.start({ schedules: false, supervise: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  console.log(`${READY}${JSON.stringify({ port: address.port })}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
