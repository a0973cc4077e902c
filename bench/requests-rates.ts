// 接诉即办 rates and working lists with generated requests, through the real HTTP stack (app.inject):
// a district's monthly ranking and a period's rates (district account), a community's working lists
// (community account), and the lag between a step and the rates showing it.
// Embedded database by default; `DATABASE_URL=postgres://… npx tsx bench/requests-rates.ts` for PostgreSQL.
// Scale: REQUESTS_BENCH_ROWS (default 100,000 embedded / 1,000,000 on PostgreSQL) over
// REQUESTS_BENCH_COMMUNITIES (default 100 / 500), received over the last year.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { insertChildPlace } from '../src/server/modules/places/places.repo';
import { beijingToday } from '../src/shared/time/beijing';
import { benchConfig, openStack } from './lib/app';
import { login } from './lib/http';
import { heading, int, millis, percentile, result, runMain, seconds } from './lib/report';

const PASSWORD = 'bench-password-1';
const MEASURED = Number(process.env.REQUESTS_BENCH_RUNS ?? 60);
const WARMUP = 5;

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  const pg = Boolean(databaseUrl);
  const rows = Number(process.env.REQUESTS_BENCH_ROWS ?? (pg ? 1_000_000 : 100_000));
  const communities = Number(process.env.REQUESTS_BENCH_COMMUNITIES ?? (pg ? 500 : 100));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-bench-requests-'));
  const config = benchConfig(dataDir, databaseUrl);
  const { database, services } = await openStack(config);
  const { db } = database;
  try {
    heading(
      `${int(rows)} requests over a year across ${int(communities)} communities (${pg ? 'PostgreSQL' : 'embedded'})`,
    );
    const tag = Math.random().toString(36).slice(2, 8);
    let started = performance.now();
    const district = await insertChildPlace(db, null, {
      kind: 'district',
      name: '基准区',
      code: `rq-${tag}-d`,
    });
    const ids: number[] = [];
    const subs = Math.max(1, Math.round(communities / 25));
    for (let s = 0; s < subs; s++) {
      const sub = await insertChildPlace(db, district, {
        kind: 'subdistrict',
        name: `基准街道${s}`,
        code: `rq-${tag}-s${s}`,
      });
      for (let c = s; c < communities; c += subs) {
        const community = await insertChildPlace(db, sub, {
          kind: 'community',
          name: `基准社区${c}`,
          code: `rq-${tag}-c${c}`,
        });
        ids.push(community.id);
      }
    }
    const categories = (
      await db.execute<{ id: number }>(sql`select id from request_categories order by sort_key`)
    ).rows.map((r) => r.id);
    // One statement per 50,000 rows: statuses spread as a real year would have them (most closed). The
    // community and the status both follow g, so each community gets one status: the measured community
    // (the first) has all its ~2,000 requests open and overdue — the worst case for the working lists.
    const chunk = 50_000;
    for (let from = 0; from < rows; from += chunk) {
      const n = Math.min(chunk, rows - from);
      await db.execute(sql`
        insert into requests (community_id, requester_name, category_id, text, channel, status, received_at,
          contact_deadline, resolve_deadline, contacted_at, finished_at, closed_at, callback_at, callback_resolved,
          satisfaction, outcome)
        select c, '居民', ${sql.raw(`(ARRAY[${categories.join(',')}]::int[])`)}[1 + (g % ${sql.raw(String(categories.length))})], '基准诉求', 'phone',
          case when g % 20 = 0 then 'in_progress' when g % 20 = 1 then 'resolved' else 'closed' end,
          r, r + interval '24 hours', r + interval '7 days',
          r + (random() * interval '30 hours'),
          case when g % 20 = 0 then null else r + (random() * interval '9 days') end,
          case when g % 20 < 2 then null else r + interval '9 days' end,
          case when g % 20 < 2 then null else r + interval '8 days' end,
          case when g % 20 < 2 then null else g % 7 <> 0 end,
          case when g % 20 < 2 then null when g % 5 = 0 then 'basic' when g % 11 = 0 then 'unsatisfied' else 'satisfied' end,
          case when g % 20 = 0 then null else 'resolved' end
        from generate_series(${sql.raw(String(from + 1))}, ${sql.raw(String(from + n))}) g,
          lateral (select ${sql.raw(`(ARRAY[${ids.join(',')}]::int[])`)}[1 + (g % ${sql.raw(String(ids.length))})] as c,
                          now() - random() * interval '365 days' as r) x`);
    }
    // Steady state: autovacuum (its insert threshold) marks a loaded table's pages all-visible, which lets
    // the working lists count from their indexes alone; a bare ANALYZE would leave every count visiting rows.
    await db.execute(sql`vacuum analyze requests`);
    result('generated', seconds(performance.now() - started));

    await services.auth.createAccount(null, {
      username: `rq-${tag}-district`,
      displayName: '区级干部',
      password: PASSWORD,
      role: 'district_officer',
      scopePlaceId: district.id,
    });
    await services.auth.createAccount(null, {
      username: `rq-${tag}-sec`,
      displayName: '社区书记',
      password: PASSWORD,
      role: 'community_secretary',
      scopePlaceId: ids[0] as number,
    });
    const app = (await buildApp({ config, database, services })).app;
    const officer = await login(app, `rq-${tag}-district`, PASSWORD);
    const secretary = await login(app, `rq-${tag}-sec`, PASSWORD);

    const timed = async (label: string, cookie: string, url: string, target?: number) => {
      const times: number[] = [];
      for (let i = 0; i < WARMUP + MEASURED; i++) {
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (i >= WARMUP) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      result(
        label,
        `p50 ${millis(percentile(times, 50))} · p95 ${millis(p95)}`,
        target ? { text: `p95 ≤ ${target} ms`, met: p95 <= target } : undefined,
      );
    };
    const today = beijingToday();
    const month = today.slice(0, 7);
    heading('district account (HTTP, session and serialisation included)');
    await timed(`monthly ranking ${month}`, officer, `/api/requests/ranking?month=${month}`, 300);
    await timed(
      'rates of the last 12 months',
      officer,
      `/api/requests/rates?from=${Number(today.slice(0, 4)) - 1}${today.slice(4)}&to=${today}`,
      300,
    );
    heading('community account: working lists');
    for (const list of ['due_soon', 'overdue', 'callback', 'mine', 'all'])
      await timed(`list ${list}`, secretary, `/api/requests?list=${list}&pageSize=50`, 50);

    heading('lag between a step and the rates');
    const made = await app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: { cookie: secretary },
      payload: {
        communityId: ids[0],
        requesterName: '居民',
        categoryId: categories[0],
        text: '基准',
        channel: 'phone',
      },
    });
    const id = made.json().request.id as number;
    const before = await app.inject({
      method: 'GET',
      url: `/api/requests/rates?from=${today}&to=${today}&placeId=${ids[0]}`,
      headers: { cookie: secretary },
    });
    const contacted = before.json().total.counts.contactedInTime as number;
    started = performance.now();
    await app.inject({
      method: 'POST',
      url: `/api/requests/${id}/steps`,
      headers: { cookie: secretary },
      payload: { step: 'contact' },
    });
    const after = await app.inject({
      method: 'GET',
      url: `/api/requests/rates?from=${today}&to=${today}&placeId=${ids[0]}`,
      headers: { cookie: secretary },
    });
    const lag = performance.now() - started;
    if (after.json().total.counts.contactedInTime !== contacted + 1)
      throw new Error('the rates did not show the step');
    result('step → rates showing it (computed live, no cache)', millis(lag), {
      text: '≤ 60 s',
      met: lag <= 60_000,
    });
    await app.close();
  } finally {
    await database.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

runMain(main);
