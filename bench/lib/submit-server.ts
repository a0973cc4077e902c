// The server side of bench/declaration-submit.ts, run as its own process (`tsx bench/lib/submit-server.ts`):
//   BENCH_SERVER=bare    a bare Fastify with GET /ping → {ok:true}, for scale on a noisy machine;
//   BENCH_SERVER=dashu   the real app (embedded database in a temp directory, or BENCH_DATABASE_URL) with a
//                        community of a few buildings, a QR poster and a high-risk area, public rate limit
//                        raised. Prints READY {port, token}; on SIGTERM prints SUMMARY {…counts} and exits.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../../src/server/app';
import { insertHousehold } from '../../src/server/modules/people/people.repo';
import { insertChildPlace } from '../../src/server/modules/places/places.repo';
import { addDays, beijingToday } from '../../src/shared/time/beijing';
import { benchConfig, createCommunity, openStack } from './app';
import { READY, SUMMARY } from './child';
import { RISK_REGION } from './declaration-input';
import { login } from './http';

const PASSWORD = 'bench-password-1';
/** Buildings of the community; the last has two entrances (the form must then name one). */
const BUILDINGS = 4;
const FLOORS = 18;
const DOORS_PER_FLOOR = 4;

async function bare() {
  const app = Fastify({ logger: false });
  app.get('/ping', async () => ({ ok: true }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  console.log(`${READY}${JSON.stringify({ port: address.port })}`);
  process.once('SIGTERM', () => {
    void app.close().then(() => {
      console.log(`${SUMMARY}{}`);
      process.exit(0);
    });
  });
}

async function dashu() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-bench-submit-'));
  const config = benchConfig(dataDir, process.env.BENCH_DATABASE_URL || undefined, {
    DASHU_PUBLIC_RATE_LIMIT: '1000000',
  });
  let stack: Awaited<ReturnType<typeof openStack>> | undefined;
  try {
    stack = await openStack(config);
    await serve(stack, dataDir);
  } catch (error) {
    await stack?.database.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function serve({ config, database, services }: Awaited<ReturnType<typeof openStack>>, dataDir: string) {
  const { db, pool } = database;
  const { app } = await buildApp({ config, database, services });

  const community = await createCommunity(services, 'sub', '基准');
  const districtId = Number(community.path.split('/')[1]);
  let doors = 0;
  for (let b = 1; b <= BUILDINGS; b += 1) {
    const building = await insertChildPlace(db, community, {
      kind: 'building',
      name: `${b}号楼`,
      code: `sub-b${b}`,
    });
    const entrances =
      b === BUILDINGS
        ? [
            await insertChildPlace(db, building, { kind: 'entrance', name: '1单元', code: `sub-b${b}e1` }),
            await insertChildPlace(db, building, { kind: 'entrance', name: '2单元', code: `sub-b${b}e2` }),
          ]
        : [null];
    for (const entrance of entrances) {
      for (let floor = 1; floor <= FLOORS; floor += 1) {
        for (let door = 1; door <= DOORS_PER_FLOOR; door += 1) {
          await insertHousehold(db, {
            communityId: community.id,
            buildingId: building.id,
            entranceId: entrance?.id ?? null,
            floor,
            room: `${floor}${String(door).padStart(2, '0')}`,
          });
          doors += 1;
        }
      }
    }
  }

  await services.auth.createAccount(null, {
    username: 'bench-secretary',
    displayName: '社区书记',
    password: PASSWORD,
    role: 'community_secretary',
    scopePlaceId: community.id,
  });
  await services.auth.createAccount(null, {
    username: 'bench-district',
    displayName: '区级干部',
    password: PASSWORD,
    role: 'district_officer',
    scopePlaceId: districtId,
  });
  const secretary = await login(app, 'bench-secretary', PASSWORD);
  const officer = await login(app, 'bench-district', PASSWORD);
  const poster = await app.inject({
    method: 'POST',
    url: '/api/posters',
    headers: { cookie: secretary },
    payload: { placeId: community.id },
  });
  if (poster.statusCode !== 201) throw new Error(`POST /api/posters: ${poster.statusCode} ${poster.body}`);
  const token = (poster.json() as { poster: { token: string } }).poster.token;
  const area = await app.inject({
    method: 'POST',
    url: '/api/risk-areas',
    headers: { cookie: officer },
    payload: {
      regionCode: RISK_REGION.code,
      regionName: RISK_REGION.name,
      level: 'high',
      validFrom: addDays(beijingToday(), -20),
    },
  });
  if (area.statusCode !== 201) throw new Error(`POST /api/risk-areas: ${area.statusCode} ${area.body}`);

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  console.log(`${READY}${JSON.stringify({ port: address.port, token, doors, database: database.kind })}`);

  process.once('SIGTERM', () => {
    void (async () => {
      try {
        await app.close();
        const count = async (sql: string) => (await pool.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
        const statuses = await pool.query<{ status: string; n: number }>(
          'select status, count(*)::int as n from person_status group by status order by n desc',
        );
        const summary = {
          residents: await count('select count(*)::int as n from residents'),
          unverified: await count('select count(*)::int as n from residents where not verified'),
          declarations: await count('select count(*)::int as n from declarations'),
          households: await count('select count(*)::int as n from households'),
          history: await count('select count(*)::int as n from status_history'),
          statuses: Object.fromEntries(statuses.rows.map((r) => [r.status, r.n])),
        };
        console.log(`${SUMMARY}${JSON.stringify(summary)}`);
        await database.close();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      }
    })();
  });
}

const mode = process.env.BENCH_SERVER;
(mode === 'bare'
  ? bare()
  : mode === 'dashu'
    ? dashu()
    : Promise.reject(new Error(`BENCH_SERVER=${mode}?`))
).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
