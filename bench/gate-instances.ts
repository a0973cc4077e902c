// Several instances on one PostgreSQL (issue 12): gate-check throughput and p99 through real HTTP with one
// instance, then with two on the same database (two load generators, one per instance, half the
// connections each, run at once), the checks cycling every pass's token as in bench/gate-check.ts; and the
// database reads the pass-state cache makes with 100 active communities, before (each community reread
// every second) and now (read once, kept current by change notices), with a pass revoked every second.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type RequestStep, type Result } from 'autocannon';
import { createChangeBus } from '../src/server/db/change-bus';
import { createPassStateCache, type PassStateCache } from '../src/server/modules/access/pass-state-cache';
import { benchConfig, createCommunity, openStack } from './lib/app';
import { rate } from './lib/bare-fastify';
import { type BenchChild, killChildren, startChild } from './lib/child';
import { onPostgresIfReachable, type ScratchDatabase } from './lib/pg-admin';
import { heading, int, millis, onExit, result, runMain } from './lib/report';

const CONNECTIONS = 50;
const WARMUP_S = Number(process.env.BENCH_WARMUP_S || 3);
const DURATION_S = Number(process.env.BENCH_DURATION_S || 10);
const COMMUNITIES = 100;
const PASSES_PER_COMMUNITY = 300;

interface GateInfo {
  port: number;
  guard: string;
  gateId: number;
  passes: number;
  tokens: string[];
}

onExit(killChildren);

function load(port: number, guard: string, gateId: number, tokens: string[], connections: number, s: number) {
  let sent = Math.floor(Math.random() * tokens.length);
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
    },
  ];
  return autocannon({
    url: `http://127.0.0.1:${port}/api/gate/checks`,
    connections,
    duration: s,
    requests: steps,
  });
}

const line = (rs: Result[]) => {
  const total = rs.reduce((sum, r) => sum + rate(r), 0);
  const p99 = Math.max(...rs.map((r) => r.latency.p99));
  const non2xx = rs.reduce((sum, r) => sum + r.non2xx, 0);
  return {
    total,
    p99,
    text: `${int(Math.round(total))} checks/s · p99 ${millis(p99)} · non-2xx ${int(non2xx)}`,
  };
};

async function throughput(scratch: ScratchDatabase) {
  heading(`Gate check, one vs two instances (PostgreSQL, scratch database ${scratch.name})`);
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-bench-keys-'));
  const env = {
    BENCH_DATABASE_URL: scratch.url,
    BENCH_HOUSEHOLDS: '3000',
    DASHU_PASS_KEY_DIR: keyDir,
    DASHU_SECRET_KEY: randomBytes(32).toString('base64'),
  };
  const a: BenchChild<GateInfo> = await startChild<GateInfo>('bench/lib/gate-server.ts', env);
  let b: BenchChild<{ port: number; guard: string }> | undefined;
  try {
    const { port, guard, gateId, tokens } = a.info;
    await load(port, guard, gateId, tokens, CONNECTIONS, WARMUP_S);
    const one = line([await load(port, guard, gateId, tokens, CONNECTIONS, DURATION_S)]);
    result(`one instance, ${CONNECTIONS} connections, ${DURATION_S} s`, one.text);
    b = await startChild<{ port: number; guard: string }>('bench/lib/gate-join-server.ts', env);
    const bInfo = b.info;
    await load(bInfo.port, bInfo.guard, gateId, tokens, CONNECTIONS, WARMUP_S);
    const half = CONNECTIONS / 2;
    const two = line(
      await Promise.all([
        load(port, guard, gateId, tokens, half, DURATION_S),
        load(bInfo.port, bInfo.guard, gateId, tokens, half, DURATION_S),
      ]),
    );
    result(
      `two instances, ${half} + ${half} connections, ${DURATION_S} s`,
      `${two.text} (p99: the worse of the two) · ${(two.total / one.total).toFixed(2)}× one instance`,
    );
    console.log(
      `  ${os.cpus().length} CPUs for both servers, PostgreSQL and the load generators: a second server ` +
        'process adds no CPU here, only its own overhead; this shows two instances serving one database ' +
        'correctly under load, not how they scale on separate hosts.',
    );
  } finally {
    await b?.stop(60_000);
    await a.stop(60_000);
    rmSync(keyDir, { recursive: true, force: true });
  }
}

async function passStateReads(scratch: ScratchDatabase) {
  heading(`Pass-state cache reads, ${COMMUNITIES} active communities (PostgreSQL)`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-bench-states-'));
  const { database, services } = await openStack(benchConfig(dataDir, scratch.url));
  try {
    const { pool } = database;
    const ids: number[] = [];
    const tag = `st${Date.now()}`;
    for (let i = 0; i < COMMUNITIES; i++) {
      const community = await createCommunity(services, `${tag}-${i}`, `状态${i}`);
      ids.push(community.id);
      await pool.query(
        `insert into passes (community_id, compound_id, number, holder_kind, household_id, kid, token, valid_until)
         select $1, $1, g, 'household', $1 * 1000 + g, 1, 'bench-' || $1 || '-' || g, current_date + 30
         from generate_series(1, $2::int) g`,
        [community.id, PASSES_PER_COMMUNITY],
      );
    }
    // A gate check reads its community's state: every community, every 20 ms, for the whole window.
    async function run(label: string, states: PassStateCache) {
      for (const id of ids) await states.get(id);
      const loads0 = states.loads;
      const stats0 = await pool.query<{ n: number }>(
        'select (xact_commit + xact_rollback)::int8 as n from pg_stat_database where datname = current_database()',
      );
      const until = Date.now() + DURATION_S * 1000;
      let gets = 0;
      let revoked = 0;
      let nextRevoke = Date.now() + 1000;
      while (Date.now() < until) {
        if (Date.now() >= nextRevoke) {
          // Another instance revokes one pass a second somewhere: the notice names it.
          const id = ids[revoked % ids.length] as number;
          await pool.query(`update passes set status = 'revoked' where community_id = $1 and number = $2`, [
            id,
            1 + (revoked % PASSES_PER_COMMUNITY),
          ]);
          revoked++;
          nextRevoke += 1000;
        }
        for (const id of ids) {
          await states.get(id);
          gets++;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      const stats1 = await pool.query<{ n: number }>(
        'select (xact_commit + xact_rollback)::int8 as n from pg_stat_database where datname = current_database()',
      );
      const reads = states.loads - loads0;
      result(
        label,
        `${(reads / DURATION_S).toFixed(1)} pass-state reads/s (${int(gets)} lookups, ${revoked} passes revoked meanwhile); ` +
          `database transactions/s ${((Number(stats1.rows[0]?.n) - Number(stats0.rows[0]?.n)) / DURATION_S).toFixed(1)} ` +
          '(the revokes and these counters included)',
      );
      return reads / DURATION_S;
    }
    const before = await run('before: each community reread every second', createPassStateCache(database.db));
    const bus = createChangeBus(database);
    await bus.start();
    const after = await run('now: read once, kept by notices', createPassStateCache(database.db, bus));
    await bus.stop();
    console.log(
      `  per instance: ${before.toFixed(1)} → ${after.toFixed(1)} reads/s; with N instances ×N (a notice reaches each)`,
    );
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`autocannon: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up then ${DURATION_S} s measured`);
  await onPostgresIfReachable('dashu_bench_states', 'Pass-state cache reads (PostgreSQL)', passStateReads);
  await onPostgresIfReachable('dashu_bench_instances', 'Gate check, one vs two instances', throughput);
}

runMain(main);
