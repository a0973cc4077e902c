// An open-loop load at a steady rate: request k is due at start + k / rate whatever happened to the
// ones before it, and its latency is counted from when it was due, not from when a socket was free.
//
// Why not autocannon's `overallRate`: it lets each connection send back to back until its quota for
// the second is used up and then waits for the next second, so "300/s" arrives as a burst at the top of
// every second, and the latencies it reports are those of the burst. Residents scanning a poster
// arrive one by one; a steady rate is the honest reading of "p99 at N/s".
import http from 'node:http';
import { percentile } from './report';

export interface OpenLoopOptions {
  url: string;
  rate: number;
  durationS: number;
  headers: Record<string, string>;
  /** The body of the next request. */
  body: () => string;
  /** The URL of the next request, when it changes (a person's own link); `url` otherwise. */
  urlFor?: () => string;
  /** Sockets kept open to the server; a request due while all are busy waits for one (and that counts). */
  maxSockets?: number;
}

export interface OpenLoopResult {
  sent: number;
  /** Answers per second over the run, from the first due time to the last answer. */
  served: number;
  statuses: Map<number, number>;
  errors: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  firstFailures: string[];
}

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  // No Nagle delay, as browsers do: a small request goes out at once.
  const agent = new http.Agent({ keepAlive: true, noDelay: true, maxSockets: options.maxSockets ?? 64 });
  const total = Math.round(options.rate * options.durationS);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const firstFailures: string[] = [];
  let errors = 0;
  let answered = 0;
  let lastAnswer = 0;
  const start = performance.now() + 20;

  const finished = new Promise<void>((resolve) => {
    const settle = () => {
      answered += 1;
      lastAnswer = performance.now();
      if (answered === total) resolve();
    };
    const fire = (due: number) => {
      const payload = options.body();
      const request = http.request(
        options.urlFor ? options.urlFor() : options.url,
        {
          method: 'POST',
          agent,
          headers: { ...options.headers, 'content-length': Buffer.byteLength(payload) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            latencies.push(performance.now() - due);
            const status = response.statusCode ?? 0;
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if ((status < 200 || status > 299) && firstFailures.length < 3)
              firstFailures.push(`${status} ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`);
            settle();
          });
        },
      );
      request.on('error', (error) => {
        errors += 1;
        if (firstFailures.length < 3) firstFailures.push(`error ${error.message}`);
        settle();
      });
      request.end(payload);
    };
    let next = 0;
    const tick = () => {
      const now = performance.now();
      // Timers are coarse: send everything already due, each timed from its own due moment.
      while (next < total && start + next * interval <= now) {
        fire(start + next * interval);
        next += 1;
      }
      if (next < total) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });
  await finished;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    sent: total,
    served: (answered / (lastAnswer - start)) * 1000,
    statuses,
    errors,
    latency: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? Number.NaN,
    },
    firstFailures,
  };
}
