// The embedded PostgreSQL (PGlite, WebAssembly) lives in this worker thread so that a long query never
// blocks the server's event loop; the server talks to it over the Postgres wire protocol on a unix
// socket, through the same `pg` pool it would use for a real PostgreSQL.
// Plain JavaScript on purpose: a worker must load without the TypeScript loader (tests, tsx, node).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { ExchangeQueue } from './exchange-queue.mjs';

const { dataDir, socketPath, maxConnections } = workerData;

try {
  const db = await PGlite.create({ dataDir });
  // Every connection shares this one session: see PLAN_EVERY_RUN in database.ts.
  await db.exec('set plan_cache_mode = force_custom_plan');
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections });
  // Replaces the library's queue before any connection is made; see exchange-queue.mjs for why.
  server.queryQueue = new ExchangeQueue(db);
  await server.start();
  parentPort.on('message', async (message) => {
    if (message === 'stop') {
      await server.stop();
      await db.close();
      parentPort.postMessage({ stopped: true });
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
