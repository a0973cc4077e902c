// Gate check throughput through real HTTP: POST /api/gate/checks with one check (a signed pass token, a
// fresh uuid, a temperature) per request, the tokens of all 3,000 passes in turn (as a gate sees them:
// each pass again and again through the day, so after the first round the server's verified-token memory
// answers; the summary prints how many were verified in full), signed in as a gate guard, 50 connections (autocannon), on the
// embedded database and on PostgreSQL; a bare Fastify GET measured in the same run gives the scale.
import { randomUUID } from 'node:crypto';
import autocannon, { type RequestStep } from 'autocannon';
import { measureBareFastify, rate } from './lib/bare-fastify';
import { type BenchChild, killChildren, startChild } from './lib/child';
import { onPostgresIfReachable } from './lib/pg-admin';
import { heading, int, millis, onExit, result, runMain } from './lib/report';

const CONNECTIONS = 50;
const WARMUP_S = Number(process.env.BENCH_WARMUP_S || 3);
const DURATION_S = Number(process.env.BENCH_DURATION_S || 10);
const TARGET_RPS = { embedded: 1500, postgres: 3000 };
const TARGET_P99_MS = 30;

interface GateInfo {
  port: number;
  guard: string;
  gateId: number;
  passes: number;
  tokens: string[];
  database: 'embedded' | 'postgres';
}

onExit(killChildren);

async function checkRun(label: string, kind: 'embedded' | 'postgres', bareRps: number, databaseUrl?: string) {
  heading(`Gate check, ${label}`);
  const started = performance.now();
  const child: BenchChild<GateInfo> = await startChild<GateInfo>('bench/lib/gate-server.ts', {
    BENCH_DATABASE_URL: databaseUrl ?? '',
    BENCH_HOUSEHOLDS: '3000',
  });
  let summary: unknown;
  let sent = 0;
  try {
    const { port, guard, gateId, tokens } = child.info;
    console.log(
      `  setup ${((performance.now() - started) / 1000).toFixed(1)} s: ${int(child.info.passes)} passes issued, ` +
        `${int(tokens.length)} tokens cycled; server in its own process`,
    );
    const failures: string[] = [];
    const steps: RequestStep[] = [
      {
        method: 'POST',
        path: '/api/gate/checks',
        headers: { 'content-type': 'application/json', cookie: guard },
        setupRequest: (request) => {
          sent += 1;
          const check = {
            uuid: randomUUID(),
            gateId,
            checkedAt: new Date().toISOString(),
            direction: sent % 2 ? 'in' : 'out',
            token: tokens[sent % tokens.length],
            temperature: 36.2 + (sent % 8) / 10,
            idChecked: true,
          };
          return { ...request, body: JSON.stringify({ checks: [check] }) };
        },
        onResponse: (status, body) => {
          if (status !== 200 && failures.length < 3) failures.push(`${status} ${body.slice(0, 200)}`);
        },
      },
    ];
    const url = `http://127.0.0.1:${port}/api/gate/checks`;
    await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, requests: steps });
    const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests: steps });
    const rps = rate(r);
    result(
      `verify + record, ${CONNECTIONS} connections, ${DURATION_S} s`,
      `${int(Math.round(rps))} checks/s · p50 ${millis(r.latency.p50)} · p99 ${millis(r.latency.p99)} · ` +
        `non-2xx ${int(r.non2xx)} · ${(rps / bareRps).toFixed(2)}× bare Fastify`,
      {
        text: `≥ ${int(TARGET_RPS[kind])}/s${kind === 'postgres' ? `, p99 ≤ ${TARGET_P99_MS} ms` : ''}`,
        met: rps >= TARGET_RPS[kind] && (kind !== 'postgres' || r.latency.p99 <= TARGET_P99_MS),
      },
    );
    if (failures.length > 0) console.log(`  first failures: ${failures.join(' | ')}`);
  } finally {
    summary = await child.stop(60_000);
  }
  const s = summary as
    | { n: number; distinct: number; tokens: { remembered: number; verified: number } }
    | undefined;
  if (s)
    console.log(
      `  stored: ${int(s.n)} checks, ${int(s.distinct)} distinct uuids (requests sent ${int(sent)}); ` +
        `tokens verified in full ${int(s.tokens.verified)}, from the verified-token memory ${int(s.tokens.remembered)}`,
    );
}

async function main() {
  console.log(`autocannon: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up then ${DURATION_S} s measured`);
  const bareRps = await measureBareFastify({
    connections: CONNECTIONS,
    warmupS: WARMUP_S,
    durationS: DURATION_S,
  });
  await checkRun('embedded database (fresh temp data dir)', 'embedded', bareRps);
  await onPostgresIfReachable('dashu_bench_gate', 'Gate check, PostgreSQL', (scratch) =>
    checkRun(
      `PostgreSQL (scratch database ${scratch.name}, dropped at the end)`,
      'postgres',
      bareRps,
      scratch.url,
    ),
  );
}

runMain(main);
