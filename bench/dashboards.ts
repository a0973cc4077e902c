// Dashboards (issue 17) through the real HTTP stack (app.inject) on the embedded database, or on PostgreSQL
// when DATABASE_URL is set: 100 communities in 3 districts (bench/lib/registry-sql.ts: 2,000 buildings,
// 400,000 households) with residents in a share of them and a day of declarations; prints the time to
// compute every community's facts, the community, sub-district and district dashboards' p50/p95, and the
// time to freeze a daily report for every community.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app';
import { beijingToday } from '../src/shared/time/beijing';
import { benchConfig, openStack } from './lib/app';
import { login } from './lib/http';
import { buildTree, insertHouseholds, insertResidentsOf } from './lib/registry-sql';
import { heading, int, millis, onExit, percentile, result, runMain, seconds } from './lib/report';

const RESIDENT_HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 120_000);
const MEASURED = 200;
const WARMUP = 20;
const PASSWORD = 'bench-password-1';

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work();
  console.log(`  ${label}: ${seconds(performance.now() - started)}`);
  return value;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-bench-dash-'));
  onExit(() => rmSync(dataDir, { recursive: true, force: true }));
  const stack = await openStack(benchConfig(dataDir, process.env.DATABASE_URL));
  const { database, services } = stack;
  const { app } = await buildApp({ config: stack.config, database, services });
  heading(`dashboards on the ${database.kind} database`);
  const tree = await timed(
    'place tree (3 districts, 10 sub-districts, 100 communities, 2,000 buildings)',
    () => buildTree(database),
  );
  const households = await timed('households', () => insertHouseholds(database));
  const firstId = (await database.pool.query<{ id: number }>('select min(id)::int as id from households'))
    .rows[0]?.id as number;
  const people = await timed(`residents of ${int(RESIDENT_HOUSEHOLDS)} households`, () =>
    insertResidentsOf(database, firstId, firstId + RESIDENT_HOUSEHOLDS),
  );
  const declarations = await timed('a day of declarations (one in ten residents)', async () => {
    const r = await database.pool.query(
      `insert into declarations (community_id, resident_id, channel, left_city, status, purge_after, declared_at)
       select community_id, id, 'public', false, 'normal', current_date + 30, now() - (id % 600) * interval '1 minute'
       from residents where id % 10 = 0`,
    );
    return r.rowCount ?? 0;
  });
  console.log(`  ${int(households)} households, ${int(people)} residents, ${int(declarations)} declarations`);
  await database.pool.query('analyze');

  const today = beijingToday();
  const refreshMs: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    await services.dashboards.refresh(today);
    refreshMs.push(performance.now() - started);
  }
  result('facts of every community (the job, each minute)', millis(refreshMs.sort((a, b) => a - b)[1] ?? 0), {
    text: '≤ 60 s behind',
    met: (refreshMs[1] ?? 0) < 60_000,
  });

  const community = tree.communities[0];
  const district = tree.districts[0];
  const sub = (
    await database.pool.query<{ id: number }>('select parent_id as id from places where id = $1', [
      community?.id,
    ])
  ).rows[0]?.id;
  if (!community || !district || !sub) throw new Error('no tree');
  const account = async (
    username: string,
    role: 'community_secretary' | 'subdistrict_officer' | 'district_officer',
    place: number,
  ) => {
    await services.auth.createAccount(null, {
      username,
      displayName: username,
      password: PASSWORD,
      role,
      scopePlaceId: place,
    });
    return login(app, username, PASSWORD);
  };
  const levels = [
    {
      label: 'community',
      place: community.id,
      cookie: await account('bench-sec', 'community_secretary', community.id),
      target: 50,
    },
    {
      label: 'sub-district (10 communities)',
      place: sub,
      cookie: await account('bench-sub', 'subdistrict_officer', sub),
      target: 300,
    },
    {
      label: `district (${tree.communitiesOfDistrict[0]?.length} communities)`,
      place: district.id,
      cookie: await account('bench-dis', 'district_officer', district.id),
      target: 300,
    },
  ];
  for (const level of levels) {
    const times: number[] = [];
    for (let i = 0; i < WARMUP + MEASURED; i += 1) {
      const started = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: `/api/dashboards/places/${level.place}`,
        headers: { cookie: level.cookie },
      });
      if (res.statusCode !== 200) throw new Error(`${level.label}: ${res.statusCode} ${res.body}`);
      if (i >= WARMUP) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    result(
      `${level.label} dashboard p50 / p95`,
      `${millis(percentile(times, 50))} / ${millis(percentile(times, 95))}`,
      {
        text: `p95 ≤ ${level.target} ms`,
        met: percentile(times, 95) <= level.target,
      },
    );
  }

  for (const d of tree.districts)
    await database.pool.query(
      `insert into report_templates (place_id, name, cutoff, columns) values ($1, '基准日报', '00:00', $2::jsonb)`,
      [
        d.id,
        JSON.stringify([
          { indicator: 'people.residents', group: '人口' },
          { indicator: 'declarations.today', group: '登记' },
        ]),
      ],
    );
  const started = performance.now();
  const frozen = await services.reports.freezeDue(new Date());
  result(`freezing the daily report (${int(frozen)} communities)`, millis(performance.now() - started), {
    text: '3,000 communities ≤ 60 s',
    met: performance.now() - started < 60_000,
  });
  await app.close();
  await database.close();
}

runMain(main);
