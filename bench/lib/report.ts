/** Printing helpers shared by the benchmarks: they report figures, they never assert on them. */

export const int = (n: number): string => n.toLocaleString('en-US');
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const millis = (ms: number): string => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
export const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/** One result line with its target beside it; a miss is flagged so it stands out in a long run. */
export function result(label: string, measured: string, target?: { text: string; met: boolean }): void {
  if (!target) {
    console.log(`${label}: ${measured}`);
    return;
  }
  console.log(`${label}: ${measured} (target ${target.text})${target.met ? '' : '  ← MISSES TARGET'}`);
}

export function heading(text: string): void {
  console.log(`\n== ${text}`);
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] ?? Number.NaN;
  return ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

/** Samples this process's resident set size; the embedded database's worker thread counts in it too. */
export class RssSampler {
  peak = process.memoryUsage().rss;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 100) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): number {
    const rss = process.memoryUsage().rss;
    if (rss > this.peak) this.peak = rss;
    return rss;
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

/** Runs `main`, printing the error and exiting 1 if it throws: a benchmark fails only when something breaks. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('\nBENCHMARK FAILED:', error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}

/**
 * Synchronous cleanup that also runs when the benchmark is interrupted (Ctrl-C, SIGTERM): a signal ends
 * the process through `exit`, which skips `finally` blocks but not `exit` listeners.
 */
export function onExit(cleanup: () => void): void {
  process.on('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
}
