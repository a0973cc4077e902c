import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface EmbeddedServer {
  /** Directory holding `.s.PGSQL.5432`: what `pg` takes as `host` for a unix socket. */
  socketDir: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite in a worker thread behind a unix socket. The socket lives in a short temp directory,
 * not the data directory, because unix socket paths are limited to ~100 bytes.
 */
export async function startEmbeddedServer(dataDir: string, maxConnections = 12): Promise<EmbeddedServer> {
  const pgDataDir = path.join(dataDir, 'pgdata');
  mkdirSync(pgDataDir, { recursive: true });
  const socketDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-pg-'));
  const socketPath = path.join(socketDir, '.s.PGSQL.5432');
  const worker = new Worker(new URL('./embedded-worker.mjs', import.meta.url), {
    workerData: { dataDir: pgDataDir, socketPath, maxConnections },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (message: { ready?: boolean; error?: string }) => {
      if (message.ready) resolve();
      else reject(new Error(`embedded database failed to start: ${message.error ?? 'unknown error'}`));
    });
    worker.once('error', reject);
  });
  return {
    socketDir,
    async stop() {
      const stopped = new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        setTimeout(resolve, 5000).unref();
      });
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
