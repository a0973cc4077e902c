import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's data directory: the access test signs an already-expired pass with its key. */
    dataDir: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts Dashu as a newcomer would (demo on, embedded database) in a fresh data directory. */
export default async function setup(project: TestProject) {
  if (!existsSync('dist/web/admin/index.html')) throw new Error('build the console first: npm run build');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-e2e-'));
  const port = await freePort();
  const server: ChildProcess = spawn('npx', ['tsx', 'src/server/main.ts', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DASHU_DATA_DIR: dataDir,
      DASHU_DEMO: '1',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL || 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy');
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  const signal = (name: NodeJS.Signals) => {
    try {
      if (server.pid) process.kill(-server.pid, name);
    } catch {
      // already gone
    }
  };
  return async () => {
    signal('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    if (server.exitCode === null) signal('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
}
