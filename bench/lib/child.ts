import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** A child prints this, then one line of JSON, when it is ready; and again with `SUMMARY` as it stops. */
export const READY = 'BENCH_READY ';
export const SUMMARY = 'BENCH_SUMMARY ';

export interface BenchChild<T> {
  info: T;
  /** SIGTERM, wait for the exit (killing the group after `timeoutMs`), return the child's summary. */
  stop(timeoutMs?: number): Promise<unknown>;
}

const live = new Set<ChildProcess>();

/** Kills every child still running: for `onExit`, so an interrupted benchmark leaves nothing behind. */
export function killChildren(): void {
  for (const child of live) signalGroup(child, 'SIGKILL');
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Runs `tsx <script>` in its own process group (so the load generator and the server do not share an
 * event loop) and waits for its READY line.
 */
export async function startChild<T>(script: string, env: NodeJS.ProcessEnv, timeoutMs = 120_000) {
  const child = spawn(TSX, [script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const output: string[] = [];
  let summary: unknown;
  let buffered = '';
  let resolveReady: (info: T) => void = () => {};
  const ready = new Promise<T>((resolve) => {
    resolveReady = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(READY)) resolveReady(JSON.parse(line.slice(READY.length)) as T);
      else if (line.startsWith(SUMMARY)) summary = JSON.parse(line.slice(SUMMARY.length));
      else output.push(line);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const tail = () => output.filter(Boolean).slice(-30).join('\n');
  let timer: NodeJS.Timeout | undefined;
  const info = await Promise.race([
    ready,
    exited.then(() => {
      throw new Error(`${script} exited before it was ready (${child.exitCode}):\n${tail()}`);
    }),
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${script} not ready after ${timeoutMs} ms:\n${tail()}`)),
        timeoutMs,
      );
    }),
  ]).finally(() => clearTimeout(timer));
  const handle: BenchChild<T> = {
    info,
    async stop(stopTimeoutMs = 30_000) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => signalGroup(child, 'SIGKILL'), stopTimeoutMs);
      await exited;
      clearTimeout(killer);
      signalGroup(child, 'SIGKILL'); // anything tsx left behind in the group
      live.delete(child);
      if (child.exitCode !== 0)
        console.log(`  (${script} stopped with ${child.exitCode ?? child.signalCode}):\n${tail()}`);
      return summary;
    },
  };
  return handle;
}
