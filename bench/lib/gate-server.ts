// The server side of bench/gate-check.ts and bench/pass-print.ts, run as its own process:
// the real app (embedded database in a temp directory, or BENCH_DATABASE_URL) with one closed compound of
// BENCH_HOUSEHOLDS doors (default 3,000), a gate, a guard, a secretary and one pass per household.
// Prints READY {port, guard, secretary, gateId, compoundId, tokens (every pass's)}; on SIGTERM prints SUMMARY
// (checks stored, and how many tokens were verified in full or answered from the verified-token memory).

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app';
import { insertHousehold } from '../../src/server/modules/people/people.repo';
import { insertChildPlace } from '../../src/server/modules/places/places.repo';
import { addDays, beijingToday } from '../../src/shared/time/beijing';
import { benchConfig, createCommunity, openStack } from './app';
import { READY, SUMMARY } from './child';
import { login } from './http';

const PASSWORD = 'bench-password-1';
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS || 3000);
const PER_BUILDING = 100;

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-bench-gate-'));
  // Several instances (bench/gate-instances.ts) share the signing-key directory and the vault's key.
  const shared = Object.fromEntries(
    ['DASHU_PASS_KEY_DIR', 'DASHU_SECRET_KEY'].flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])),
  );
  const config = benchConfig(dataDir, process.env.BENCH_DATABASE_URL || undefined, shared);
  const { database, services } = await openStack(config);
  const { db, pool } = database;
  const { app } = await buildApp({ config, database, services });

  const community = await createCommunity(services, `gate${Date.now()}`, '门岗基准');
  const compound = await insertChildPlace(db, community, {
    kind: 'compound',
    name: '基准小区',
    code: `${community.code}-c`,
  });
  for (let b = 0; b * PER_BUILDING < HOUSEHOLDS; b += 1) {
    const building = await insertChildPlace(db, compound, {
      kind: 'building',
      name: `${b + 1}号楼`,
      code: `${community.code}-b${b + 1}`,
    });
    for (let i = 0; i < PER_BUILDING && b * PER_BUILDING + i < HOUSEHOLDS; i += 1) {
      await insertHousehold(db, {
        communityId: community.id,
        buildingId: building.id,
        entranceId: null,
        floor: Math.floor(i / 4) + 1,
        room: `${Math.floor(i / 4) + 1}${String((i % 4) + 1).padStart(2, '0')}`,
      });
    }
  }
  for (const [username, role] of [
    ['bench-guard', 'gate_guard'],
    ['bench-secretary', 'community_secretary'],
  ] as const) {
    await services.auth.createAccount(null, {
      username,
      displayName: username,
      password: PASSWORD,
      role,
      scopePlaceId: community.id,
    });
  }
  const secretary = await login(app, 'bench-secretary', PASSWORD);
  const guard = await login(app, 'bench-guard', PASSWORD);
  const gate = await app.inject({
    method: 'POST',
    url: '/api/access/gates',
    headers: { cookie: secretary },
    payload: { compoundId: compound.id, name: '大门', vehiclesAllowed: true },
  });
  if (gate.statusCode !== 201) throw new Error(`POST gate: ${gate.statusCode} ${gate.body}`);
  const issue = await app.inject({
    method: 'POST',
    url: '/api/access/passes/issue',
    headers: { cookie: secretary },
    payload: { compoundId: compound.id, validUntil: addDays(beijingToday(), 30) },
  });
  if (issue.statusCode !== 201) throw new Error(`issue: ${issue.statusCode} ${issue.body}`);
  const sample = await pool.query<{ token: string }>(
    'select token from passes where compound_id = $1 order by number',
    [compound.id],
  );

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  console.log(
    `${READY}${JSON.stringify({
      port: address.port,
      guard,
      secretary,
      gateId: gate.json().gate.id,
      compoundId: compound.id,
      passes: issue.json().issued,
      tokens: sample.rows.map((r) => r.token),
      database: database.kind,
    })}`,
  );

  process.once('SIGTERM', () => {
    void (async () => {
      try {
        await app.close();
        const checks = await pool.query<{ n: number; distinct: number }>(
          'select count(*)::int as n, count(distinct uuid)::int as distinct from gate_checks',
        );
        console.log(`${SUMMARY}${JSON.stringify({ ...checks.rows[0], tokens: services.gate.tokenStats })}`);
        await database.close();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      }
    })();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
