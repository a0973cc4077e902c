import autocannon, { type RequestStep, type Result } from 'autocannon';
import { beijingToday } from '../src/shared/time/beijing';
import { measureBareFastify, rate } from './lib/bare-fastify';
import { type BenchChild, killChildren, startChild } from './lib/child';
import { createDeclarationBodies, type OfferedBuilding } from './lib/declaration-input';
import { openLoop } from './lib/open-loop';
import { onPostgresIfReachable } from './lib/pg-admin';
import { heading, int, millis, onExit, result, runMain } from './lib/report';
import { mobile, residentId } from './lib/synthetic';

const CONNECTIONS = 50;
const WARMUP_S = Number(process.env.BENCH_WARMUP_S || 3);
const DURATION_S = Number(process.env.BENCH_DURATION_S || 10);
const TARGET_RPS = { embedded: 300, postgres: 1000 };
const TARGET_P99_MS = 50;
const SERVER = 'bench/lib/submit-server.ts';

interface DashuInfo {
  port: number;
  token: string;
  doors: number;
  database: 'embedded' | 'postgres';
}

interface Summary {
  residents: number;
  unverified: number;
  declarations: number;
  households: number;
  history: number;
  statuses: Record<string, number>;
}

onExit(killChildren);

function statusLine(r: Result): string {
  return Object.entries(r.statusCodeStats)
    .map(([code, { count }]) => `${code}×${int(Number(count))}`)
    .join(' ');
}

/**
 * Closed loop: every connection sends again as soon as it has its answer, so the server is saturated
 * and latency is mostly queueing (≈ connections ÷ throughput). Latency at a given rate is measured
 * with `openLoop` instead.
 */
async function load(url: string, steps: RequestStep[] | undefined, duration: number): Promise<Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    timeout: 10,
    ...(steps ? { requests: steps } : {}),
  });
}

/** Fires `copies` identical submits of one brand-new person at one brand-new door at the same moment. */
async function doubleSubmit(base: string, token: string, building: OfferedBuilding, copies: number) {
  const entrance = building.entrances[0];
  const body = createDeclarationBodies({ token, buildings: [building], today: beijingToday(), seed: 99 });
  const parsed = JSON.parse(body.next()) as Record<string, unknown>;
  // An index far beyond what the load run reached: nobody in the registry has this ID yet.
  parsed.person = {
    name: '双击测试',
    docType: 'resident_id',
    docNumber: residentId(90_000_001, false),
    phone: mobile(90_000_001),
  };
  parsed.address = {
    buildingId: building.id,
    ...(entrance ? { entranceId: entrance.id } : {}),
    room: '9999',
  };
  const payload = JSON.stringify(parsed);
  const answers = await Promise.all(
    Array.from({ length: copies }, () =>
      fetch(`${base}/api/public/declarations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
      }).then(async (res) => ({ status: res.status, body: await res.text() })),
    ),
  );
  const counts = new Map<number, number>();
  for (const a of answers) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  // The copies carry the same client id: one declaration, every answer its receipt.
  const receipts = new Set(
    answers
      .filter((a) => a.status === 201)
      .map((a) => (JSON.parse(a.body) as { receipt: { receiptNo: string } }).receipt.receiptNo),
  );
  const line = `${[...counts].map(([s, n]) => `${s}×${n}`).join(' ')}, ${receipts.size} receipt number(s)`;
  const failed = answers.find((a) => a.status >= 500);
  console.log(
    `  same new person at a new door, ${copies} submits at once (double-tap on a slow network): ${line}` +
      (failed ? `  ← 5xx: ${failed.body.slice(0, 160)}` : ''),
  );
}

async function submitRun(
  label: string,
  kind: 'embedded' | 'postgres',
  bareRps: number,
  databaseUrl?: string,
) {
  heading(`Declaration submit, ${label}`);
  const started = performance.now();
  const child: BenchChild<DashuInfo> = await startChild<DashuInfo>(SERVER, {
    BENCH_SERVER: 'dashu',
    BENCH_DATABASE_URL: databaseUrl ?? '',
  });
  let summary: unknown;
  try {
    const base = `http://127.0.0.1:${child.info.port}`;
    const info = await fetch(`${base}/api/public/posters/${child.info.token}`);
    if (info.status !== 200) throw new Error(`GET poster: ${info.status} ${await info.text()}`);
    const { buildings } = (await info.json()) as { buildings: OfferedBuilding[] };
    console.log(
      `  setup ${((performance.now() - started) / 1000).toFixed(1)} s: ${buildings.length} buildings ` +
        `(${buildings.filter((b) => b.entrances.length > 0).length} with entrances), ${int(child.info.doors)} doors, ` +
        'poster token, high-risk area 武汉市 (420100); server in its own process',
    );
    const bodies = createDeclarationBodies({
      token: child.info.token,
      buildings,
      today: beijingToday(),
      seed: kind === 'embedded' ? 1 : 2,
    });
    const firstFailures: string[] = [];
    const steps: RequestStep[] = [
      {
        method: 'POST',
        path: '/api/public/declarations',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies.next() }),
        onResponse: (status, body) => {
          if ((status < 200 || status > 299) && firstFailures.length < 3)
            firstFailures.push(`${status} ${body.slice(0, 200)}`);
        },
      },
    ];
    const url = `${base}/api/public/declarations`;
    const warm = await load(url, steps, WARMUP_S);
    console.log(`  warm-up ${WARMUP_S} s: ${int(warm.requests.total)} requests (${statusLine(warm)})`);
    const issuedBefore = bodies.issued;
    const r = await load(url, steps, DURATION_S);
    const rps = rate(r);
    const target = TARGET_RPS[kind];
    result(
      `  saturation throughput (${CONNECTIONS} connections, closed loop, ${DURATION_S} s)`,
      `${int(Math.round(rps))} req/s`,
      { text: `≥ ${int(target)}/s`, met: rps >= target },
    );
    result(
      '  latency at saturation p50 / p90 / p99 / max',
      `${millis(r.latency.p50)} / ${millis(r.latency.p90)} / ${millis(r.latency.p99)} / ${millis(r.latency.max)}` +
        ` (queueing: ${CONNECTIONS} ÷ ${int(Math.round(rps))}/s = ${millis((CONNECTIONS / rps) * 1000)} mean)`,
    );
    result(
      '  answers',
      `${statusLine(r)} · non-2xx ${int(r.non2xx)} · errors ${int(r.errors)} · timeouts ${int(r.timeouts)}`,
    );
    const steady = await openLoop({
      url,
      rate: target,
      durationS: DURATION_S,
      headers: { 'content-type': 'application/json' },
      body: () => bodies.next(),
    });
    // A run that fell short of the offered rate cannot vouch for the latency at that rate.
    const kept = steady.served >= target * 0.97 && steady.errors === 0;
    result(
      `  steady ${int(target)}/s (open loop, ${DURATION_S} s, ${int(steady.sent)} submits)`,
      `${int(Math.round(steady.served))} req/s served`,
      { text: `≥ ${int(target)}/s`, met: kept },
    );
    result(
      '  latency at the steady rate p50 / p90 / max',
      `${millis(steady.latency.p50)} / ${millis(steady.latency.p90)} / ${millis(steady.latency.max)}`,
    );
    result('  latency at the steady rate p99', millis(steady.latency.p99), {
      text: `≤ ${TARGET_P99_MS} ms`,
      met: kept && steady.latency.p99 <= TARGET_P99_MS,
    });
    result(
      '  answers at the steady rate',
      `${[...steady.statuses].map(([code, n]) => `${code}×${int(n)}`).join(' ')} · errors ${int(steady.errors)}`,
    );
    for (const failure of steady.firstFailures) firstFailures.push(failure);
    result('  new people in the measured runs', int(bodies.issued - issuedBefore));
    result(
      '  vs bare Fastify GET',
      `${((rps / bareRps) * 100).toFixed(1)}% of ${int(Math.round(bareRps))} req/s (1 : ${(bareRps / rps).toFixed(1)})`,
    );
    for (const failure of firstFailures) console.log(`  first non-2xx: ${failure}`);
    const building = buildings[0];
    if (building) await doubleSubmit(base, child.info.token, building, 4);
  } finally {
    summary = await child.stop();
  }
  const s = summary as Summary | undefined;
  if (s) {
    const statuses = Object.entries(s.statuses)
      .map(([k, n]) => `${k} ${int(n)}`)
      .join(', ');
    console.log(
      `  database afterwards: ${int(s.declarations)} declarations, ${int(s.residents)} residents ` +
        `(${int(s.unverified)} unverified), ${int(s.households)} households, ${int(s.history)} status changes`,
    );
    console.log(`  statuses: ${statuses}`);
  }
}

async function main() {
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up, then ${DURATION_S} s closed loop ` +
      `(saturation); then ${DURATION_S} s at a steady target rate (open loop, bench/lib/open-loop.ts); ` +
      'server in a separate process on 127.0.0.1, DASHU_PUBLIC_RATE_LIMIT=1000000',
  );
  const bareRps = await measureBareFastify({
    connections: CONNECTIONS,
    warmupS: WARMUP_S,
    durationS: DURATION_S,
  });
  await submitRun('embedded database (fresh temp data dir)', 'embedded', bareRps);

  await onPostgresIfReachable('dashu_bench_submit', 'Declaration submit, PostgreSQL', (scratch) =>
    submitRun(
      `PostgreSQL (scratch database ${scratch.name}, dropped at the end)`,
      'postgres',
      bareRps,
      scratch.url,
    ),
  );
}

runMain(main);
