import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectDatabase, migrateDatabase } from '../db/database';
import { type EmbeddedServer, startEmbeddedServer } from '../db/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    dbSocketDir: string | null;
  }
}

/**
 * One database for the whole run: the embedded server (PGlite in a worker) by default, or the
 * PostgreSQL named by DATABASE_URL. Tests isolate themselves by creating their own communities.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  if (!process.env.DATABASE_URL) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-test-'));
    // Two test files run at once, and one of them may hold a dozen connections (database.test.ts) while
    // the previous file's are still closing: a refused connection fails whatever query asked for it.
    embedded = await startEmbeddedServer(dataDir, 40);
  }
  const database = embedded
    ? connectDatabase('embedded', {
        host: embedded.socketDir,
        port: 5432,
        user: 'postgres',
        database: 'postgres',
        max: 2,
      })
    : connectDatabase('postgres', { connectionString: process.env.DATABASE_URL, max: 2 });
  await migrateDatabase(database);
  await database.close();
  project.provide('dbSocketDir', embedded?.socketDir ?? null);
  return async () => {
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
