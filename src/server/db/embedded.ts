import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const releaseLock = lockDataDir(dataDir);
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
  }).catch((error: unknown) => {
    releaseLock();
    throw error;
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
      releaseLock();
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite is a single-process database: two Dashu processes on one data directory would corrupt it.
 * A pid file refuses the second one; a stale file from a crash (dead pid) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'dashu.pid');
  try {
    const holder = Number(readFileSync(lockFile, 'utf8').trim());
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `另一个大树进程（pid ${holder}）正在使用数据目录 ${dataDir} · another Dashu process is using this data directory`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}
