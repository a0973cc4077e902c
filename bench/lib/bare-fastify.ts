// The scale both HTTP benchmarks print beside their figures: a bare Fastify GET /ping → {ok:true} in its
// own process, loaded by autocannon the same way, in the same run (these machines are shared and noisy).
import os from 'node:os';
import autocannon, { type Result } from 'autocannon';
import { startChild } from './child';
import { heading, int, millis, result } from './report';

/** Requests per second over a measured run (all answers, whatever their status). */
export const rate = (r: Result) => r.requests.total / r.duration;

export async function measureBareFastify(run: {
  connections: number;
  warmupS: number;
  durationS: number;
}): Promise<number> {
  heading(`Bare Fastify GET /ping → {ok:true} (scale for this machine, ${os.cpus().length} CPUs)`);
  const child = await startChild<{ port: number }>('bench/lib/submit-server.ts', { BENCH_SERVER: 'bare' });
  try {
    const url = `http://127.0.0.1:${child.info.port}/ping`;
    await autocannon({ url, connections: run.connections, duration: run.warmupS });
    const r = await autocannon({ url, connections: run.connections, duration: run.durationS });
    result(
      `bare GET, ${run.connections} connections, ${run.durationS} s`,
      `${int(Math.round(rate(r)))} req/s · p50 ${millis(r.latency.p50)} · p99 ${millis(r.latency.p99)} · non-2xx ${int(r.non2xx)}`,
    );
    return rate(r);
  } finally {
    await child.stop();
  }
}
