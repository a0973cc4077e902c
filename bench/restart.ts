// Restart to healthy with the full demo seeded, embedded database: the server is started directly with
// `tsx src/server/main.ts start` (not `npm start`, which first builds the web bundle when it is missing).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { heading, median, onExit, result, runMain, seconds } from './lib/report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const RESTARTS = 5;
const TARGET_MS = 5_000;
const FIRST_START_TIMEOUT_MS = 10 * 60_000;
const RESTART_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

const children = new Set<ChildProcess>();

/** Signals the child's whole process group (tsx runs the server in a child of its own). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  if (!child.pid) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // no process left in the group
  }
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-bench-restart-'));
onExit(() => {
  for (const child of children) signalGroup(child, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  child: ChildProcess;
  output: string[];
  exited: Promise<void>;
}

function startServer(dataDir: string, port: number): Server {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DASHU_DATA_DIR: dataDir,
  };
  env.DASHU_DEMO = '1';
  for (const name of ['DATABASE_URL', 'DASHU_SECRET_KEY', 'DASHU_KEY_FILE']) delete env[name];
  const child = spawn(TSX, ['src/server/main.ts', 'start'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, output, exited };
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Milliseconds from `since` to the first 200 from /api/health. */
async function untilHealthy(server: Server, port: number, since: number, timeoutMs: number): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    if (!running(server.child)) {
      throw new Error(
        `server exited (${server.child.exitCode ?? server.child.signalCode}):\n${server.output.slice(-20).join('\n')}`,
      );
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`not healthy after ${seconds(timeoutMs)}:\n${server.output.slice(-20).join('\n')}`);
}

/** SIGTERM to the tsx process, as a service manager would send it; returns how long the stop took. */
async function stop(server: Server): Promise<string> {
  const started = performance.now();
  server.child.kill('SIGTERM');
  const stopped = await Promise.race([
    server.exited.then(() => true),
    sleep(STOP_TIMEOUT_MS).then(() => false),
  ]);
  const leftover = await drainGroup(server.child);
  await server.exited;
  children.delete(server.child);
  const code = server.child.exitCode;
  const took = `${seconds(performance.now() - started)}${code === 0 ? '' : ` (exit ${code ?? server.child.signalCode})`}`;
  if (!stopped) return `did NOT stop within ${seconds(STOP_TIMEOUT_MS)} of SIGTERM (killed)`;
  return leftover ? `stopped in ${took}, but left behind (killed): ${leftover}` : `stopped in ${took}`;
}

/** Gives the process group 2 s to empty after the main process is gone; names and kills what stays. */
async function drainGroup(child: ChildProcess): Promise<string | null> {
  for (let waited = 0; waited < 2_000; waited += 50) {
    if (!signalGroup(child, 0)) return null;
    await sleep(50);
  }
  let names = 'unknown process';
  try {
    names = execFileSync('ps', ['-o', 'args=', '-g', String(child.pid)], { encoding: 'utf8' })
      .trim()
      .replace(/\n/g, '; ');
  } catch {
    // ps not available: the group is killed all the same
  }
  signalGroup(child, 'SIGKILL');
  return names;
}

async function main() {
  try {
    heading('Restart to healthy, full demo seeded (embedded database)');
    console.log(
      'command: tsx src/server/main.ts start  (directly; `npm start` would also build the web bundle if missing)',
    );
    const port = await freePort();
    let started = performance.now();
    let server = startServer(dataDir, port);
    const firstMs = await untilHealthy(server, port, started, FIRST_START_TIMEOUT_MS);
    result('first start (creates the database, migrates, seeds the demo)', seconds(firstMs));
    const seeded = server.output.find((line) => line.includes('演示数据已载入'));
    if (seeded) console.log(`    ${seeded}`);
    console.log(`    ${await stop(server)}`);

    const times: number[] = [];
    for (let i = 1; i <= RESTARTS; i += 1) {
      started = performance.now();
      server = startServer(dataDir, port);
      const ms = await untilHealthy(server, port, started, RESTART_TIMEOUT_MS);
      times.push(ms);
      console.log(`restart ${i}: ${seconds(ms)} to healthy · ${await stop(server)}`);
    }
    const mid = median(times);
    result(`restart to healthy, median of ${RESTARTS}`, seconds(mid), {
      text: `≤ ${seconds(TARGET_MS)}`,
      met: mid <= TARGET_MS,
    });
  } finally {
    for (const child of children) signalGroup(child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runMain(main);
