// Re-evaluation after a risk-area change, on PostgreSQL: 100,000 residents with one recent declaration each
// (health answers sealed with the app's vault, as the service writes them), ~20% back from districts of one
// city; then a district officer designates that city high-risk for the district through
// services.riskAreas.create, which re-evaluates the district's residents who declared in the last 28 days
// before it returns.

import os from 'node:os';
import path from 'node:path';
import type { Services } from '../src/server/http/types';
import * as declarationsRepo from '../src/server/modules/declarations/declarations.repo';
import type { SealedAnswers } from '../src/server/modules/declarations/declarations.service';
import { recordStatusChanges, type StatusChangeRequest } from '../src/server/modules/status/status.service';
import {
  DEFAULT_RULES,
  type DeclarationFacts,
  evaluateStatus,
  type RiskArea,
} from '../src/shared/declarations';
import { addDays, beijingDayStart, beijingToday } from '../src/shared/time/beijing';
import { benchConfig, createCommunity, openStack } from './lib/app';
import { answerKind, answersFor, RISK_REGION } from './lib/declaration-input';
import { ADMIN_URL, withScratchDatabase } from './lib/pg-admin';
import { heading, int, result, runMain, seconds } from './lib/report';
import { createRng } from './lib/synthetic';

const RESIDENTS = Number(process.env.BENCH_REEVALUATE_RESIDENTS || 100_000);
const TARGET_MS = 10_000;
const BATCH = 5_000;
const PASSWORD = 'bench-password-1';

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work();
  console.log(`  ${label}: ${seconds(performance.now() - started)}`);
  return value;
}

/**
 * The phases of reevaluate(), run one by one with the same repository calls (the writes on a sample, in a
 * transaction that is rolled back), to show where the time goes.
 */
async function whereTheTimeGoes(
  services: Services,
  communityId: number,
  today: string,
  totalMs: number,
  changes: number,
) {
  heading('where the time goes (phases of reevaluate() re-run one by one)');
  const { db, pool } = services.database;
  const since = beijingDayStart(addDays(today, -30));
  const phase = async <T>(label: string, work: () => Promise<T> | T): Promise<[T, number]> => {
    const started = performance.now();
    const value = await work();
    const ms = performance.now() - started;
    console.log(`  ${label}: ${seconds(ms)}`);
    return [value, ms];
  };
  const [, idsMs] = await phase('declaration ids behind the statuses (person_status join declarations)', () =>
    pool.query(
      `select d.id, s.status as current_status, s.source as current_source, s.community_id,
         (d.recorded_by is not null or coalesce(r.state = 'confirmed', false)) as by_staff
       from person_status s join declarations d on d.id = s.declaration_id
       left join declaration_reviews r on r.declaration_id = d.id
       where s.community_id = any($2::int[]) and d.declared_at >= $1`,
      [since, [communityId]],
    ),
  );
  const [latest, latestMs] = await phase(
    'latestDeclarationsWithStatus() in all (the above + the rows by id)',
    () => declarationsRepo.latestDeclarationsWithStatus(db, since, [communityId]),
  );
  console.log(
    `    of which fetching ${int(latest.length)} rows by id: ${seconds(Math.max(0, latestMs - idsMs))}`,
  );
  const { rules, areas } = await services.declarations.basis(communityId);
  const [, decryptMs] = await phase('decrypt + JSON.parse of every answers_cipher (Node)', () => {
    for (const row of latest) if (row.answersCipher) JSON.parse(services.vault.decrypt(row.answersCipher));
  });
  const [, evaluateMs] = await phase('the above + evaluateStatus() for every row (Node)', () => {
    for (const row of latest) {
      const answers = row.answersCipher
        ? (JSON.parse(services.vault.decrypt(row.answersCipher)) as SealedAnswers)
        : null;
      const facts: DeclarationFacts = {
        leftCity: row.leftCity,
        originRegion: row.originRegion,
        returnDate: row.returnDate,
        riskRegionsVisited: answers?.riskRegionsVisited ?? [],
        contactConfirmedCase: answers?.contactConfirmedCase ?? false,
        contactRiskAreaPeople: answers?.contactRiskAreaPeople ?? false,
        symptoms: answers?.symptoms ?? [],
        temperature: answers?.temperature ?? null,
        homeConditionsMet: answers?.homeConditionsMet ?? null,
      };
      evaluateStatus(facts, rules, areas, today, beijingToday(row.declaredAt));
    }
  });
  // The writes: as many changes as the risk-area change made, in the service's slices of 5,000, rolled back.
  const reason = { zh: '基准', en: 'bench' };
  const fake: StatusChangeRequest[] = latest.slice(0, changes).map((row) => ({
    residentId: row.residentId,
    communityId: row.communityId,
    declarationId: row.id,
    status: 'to_verify',
    source: 'staff',
    reevaluation: true,
    cause: 'risk_area_change',
    ruleId: null,
    observationUntil: null,
    reason,
  }));
  let writeMs = 0;
  try {
    await db.transaction(async (tx) => {
      const started = performance.now();
      for (let i = 0; i < fake.length; i += 5000) await recordStatusChanges(tx, fake.slice(i, i + 5000));
      writeMs = performance.now() - started;
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  console.log(`  recordStatusChanges() for ${int(fake.length)} changes (rolled back): ${seconds(writeMs)}`);
  console.log(
    `  reads ${seconds(latestMs)} + decrypt ${seconds(decryptMs)} + evaluate ${seconds(Math.max(0, evaluateMs - decryptMs))} ` +
      `+ writes ${seconds(writeMs)} ≈ ${seconds(latestMs + evaluateMs + writeMs)}; measured ${seconds(totalMs)}`,
  );
}

class RolledBack extends Error {}

async function main() {
  await withScratchDatabase('dashu_bench_reeval', async (scratch) => {
    let close: (() => Promise<void>) | undefined;
    try {
      heading(`Re-evaluation after a risk-area change: ${int(RESIDENTS)} residents on PostgreSQL`);
      console.log(`scratch database ${scratch.name} on ${new URL(ADMIN_URL).host} (dropped at the end)`);
      const config = benchConfig(path.join(os.tmpdir(), 'dashu-bench-reevaluate'), scratch.url);
      const { database, services } = await openStack(config);
      close = () => database.close();
      const { pool } = database;
      const today = beijingToday();

      console.log('generating:');
      const community = await createCommunity(services, 'rev', '基准');
      const districtId = Number(community.path.split('/')[1]);
      const buildings = Math.ceil(RESIDENTS / 2 / 500);
      await timed(
        `${buildings} buildings, ${int(RESIDENTS / 2)} households, ${int(RESIDENTS)} residents (SQL)`,
        async () => {
          await pool.query(
            `insert into places (parent_id, kind, name, code, path, depth, community_id, sort_key)
         select c.id, 'building', g || '号楼', c.code || 'b' || g, c.path || c.id || '/', c.depth + 1, c.id, g
         from places c cross join generate_series(1, $2::int) g where c.id = $1`,
            [community.id, buildings],
          );
          await pool.query(
            `insert into households (community_id, building_id, floor, room)
         select b.community_id, b.id, (g - 1) / 20 + 1, (((g - 1) / 20 + 1) * 100 + (g - 1) % 20 + 1)::text
         from places b cross join generate_series(1, 500) g where b.kind = 'building' and b.community_id = $1
         order by b.id, g limit $2`,
            [community.id, Math.ceil(RESIDENTS / 2)],
          );
          // Identity columns are placeholders (re-evaluation never reads them); the hashes are unique.
          await pool.query(
            `insert into residents (community_id, household_id, name, gender, doc_type, doc_cipher, doc_hash,
           doc_masked, relation_to_head, residence_type)
         select h.community_id, h.id, '居民' || (h.id * 2 + m), case when m = 0 then 'male' else 'female' end,
           'resident_id', 'v1:bench:' || (h.id * 2 + m), md5('doc:' || (h.id * 2 + m)) || md5('x' || h.id),
           '110105***********' || ((h.id * 2 + m) % 10)::text,
           case when m = 0 then 'self' else 'spouse' end, 'registered'
         from households h cross join generate_series(0, 1) m where h.community_id = $1`,
            [community.id],
          );
        },
      );

      const ids = (
        await pool.query<{ id: number }>('select id from residents where community_id = $1 order by id', [
          community.id,
        ])
      ).rows.map((r) => r.id);
      const area: RiskArea = {
        regionCode: RISK_REGION.code,
        level: 'high',
        validFrom: addDays(today, -30),
        validTo: null,
      };
      let regional = 0;
      let expectedChanges = 0;
      const rng = createRng(11);
      await timed(
        `${int(ids.length)} declarations with answers sealed by the app's vault + current statuses`,
        async () => {
          for (let from = 0; from < ids.length; from += BATCH) {
            const cols = {
              id: [] as number[],
              resident: [] as number[],
              declaredAt: [] as string[],
              leftCity: [] as boolean[],
              origin: [] as Array<string | null>,
              returnDate: [] as Array<string | null>,
              transport: [] as Array<string | null>,
              cipher: [] as string[],
              status: [] as string[],
              rule: [] as Array<string | null>,
              purge: [] as string[],
              reason: [] as string[],
              until: [] as Array<string | null>,
            };
            for (const [offset, residentId] of ids.slice(from, from + BATCH).entries()) {
              const n = from + offset;
              // 20% back from the city about to be designated; the rest the usual mix, minus that city.
              let kind = n % 5 === 0 ? 'risk_area' : answerKind(rng());
              if (kind === 'risk_area' && n % 5 !== 0) kind = 'travel';
              const a = answersFor(kind, rng, today);
              if (kind === 'risk_area') regional += 1;
              const sealed: SealedAnswers = {
                riskRegionsVisited: [],
                contactConfirmedCase: a.contactConfirmedCase,
                contactRiskAreaPeople: a.contactRiskAreaPeople,
                symptoms: a.symptoms,
                temperature: a.temperature,
                homeConditionsMet: a.homeConditionsMet,
                transportNumber: a.transportNumber ?? null,
                seat: a.seat ?? null,
                extra: {},
                companions: a.companions ?? null,
              };
              // Declared in the last 12 days, and never before the return date.
              const daysAgo = Math.floor(rng() * 12);
              const declaredOn =
                a.returnDate && a.returnDate > addDays(today, -daysAgo)
                  ? a.returnDate
                  : addDays(today, -daysAgo);
              const facts: DeclarationFacts = {
                leftCity: a.leftCity,
                originRegion: a.originRegion ?? null,
                returnDate: a.returnDate ?? null,
                ...sealed,
              };
              const before = evaluateStatus(facts, DEFAULT_RULES, [], today, declaredOn);
              const after = evaluateStatus(facts, DEFAULT_RULES, [area], today, declaredOn);
              if (before.status !== after.status) expectedChanges += 1;
              cols.id.push(n + 1);
              cols.resident.push(residentId);
              // Noon Beijing time (04:00 UTC) on the declaration day.
              cols.declaredAt.push(
                new Date(Date.parse(`${declaredOn}T04:00:00Z`) + (n % 3600) * 1000).toISOString(),
              );
              cols.leftCity.push(a.leftCity);
              cols.origin.push(a.originRegion ?? null);
              cols.returnDate.push(a.returnDate ?? null);
              cols.transport.push(a.transport ?? null);
              cols.cipher.push(services.vault.encrypt(JSON.stringify(sealed)));
              cols.status.push(before.status);
              cols.rule.push(before.ruleId);
              cols.purge.push(addDays(declaredOn, 28));
              cols.reason.push(JSON.stringify(before.reason));
              cols.until.push(before.observationUntil);
            }
            await pool.query(
              `insert into declarations (id, community_id, resident_id, channel, declared_at, left_city, origin_region,
               return_date, transport, answers_cipher, status, rule_id, purge_after)
             overriding system value
             select d.id, $1, d.resident, 'self', d.at, d.left_city, d.origin, d.ret, d.transport, d.cipher, d.status,
               d.rule, d.purge
             from unnest($2::int[], $3::int[], $4::timestamptz[], $5::bool[], $6::text[], $7::date[], $8::text[],
               $9::text[], $10::text[], $11::text[], $12::date[])
               as d(id, resident, at, left_city, origin, ret, transport, cipher, status, rule, purge)`,
              [
                community.id,
                cols.id,
                cols.resident,
                cols.declaredAt,
                cols.leftCity,
                cols.origin,
                cols.returnDate,
                cols.transport,
                cols.cipher,
                cols.status,
                cols.rule,
                cols.purge,
              ],
            );
            await pool.query(
              `insert into person_status (resident_id, community_id, status, rule_id, reason, observation_until,
               declaration_id, updated_at)
             select s.resident, $1, s.status, s.rule, s.reason, s.until, s.id, s.at
             from unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::jsonb[], $7::date[], $8::timestamptz[])
               as s(id, resident, status, rule, reason, until, at)`,
              [
                community.id,
                cols.id,
                cols.resident,
                cols.status,
                cols.rule,
                cols.reason,
                cols.until,
                cols.declaredAt,
              ],
            );
          }
          await pool.query(
            "select setval(pg_get_serial_sequence('declarations', 'id'), (select max(id) from declarations))",
          );
        },
      );
      await timed('vacuum analyze', () => pool.query('vacuum analyze'));
      console.log(
        `  ${int(regional)} back from districts of ${RISK_REGION.name} (${RISK_REGION.code}), declared within 12 days`,
      );

      await services.auth.createAccount(null, {
        username: 'bench-district',
        displayName: '区级干部',
        password: PASSWORD,
        role: 'district_officer',
        scopePlaceId: districtId,
      });
      const session = await services.auth.login('bench-district', PASSWORD, '127.0.0.1');
      const actor = await services.auth.authenticate(session.token, '127.0.0.1', 'zh');
      if (!actor) throw new Error('could not sign the district officer in');

      heading('re-evaluation');
      let started = performance.now();
      const idle = await services.declarations.reevaluate(
        { zh: '基准：无变化', en: 'bench: nothing changed' },
        'risk_area_change',
        districtId,
      );
      const idleMs = performance.now() - started;
      result(
        'reevaluate() with nothing changed (examine only)',
        `${seconds(idleMs)} · examined ${int(idle.examined)}, changed ${int(idle.changed)} (expected 0)`,
      );

      started = performance.now();
      await services.riskAreas.create(actor, {
        regionCode: RISK_REGION.code,
        regionName: RISK_REGION.name,
        level: 'high',
        validFrom: area.validFrom,
      });
      const createMs = performance.now() - started;
      const changed = await pool.query<{ n: number }>(
        "select count(*)::int as n from status_history where cause = 'risk_area_change'",
      );
      const statuses = await pool.query<{ status: string; n: number }>(
        'select status, count(*)::int as n from person_status group by status order by n desc',
      );
      result(
        `riskAreas.create(${RISK_REGION.name} high) incl. its reevaluate()`,
        `${seconds(createMs)} · examined ${int(idle.examined)}, changed ${int(changed.rows[0]?.n ?? 0)} ` +
          `(expected ${int(expectedChanges)})`,
        { text: `≤ ${seconds(TARGET_MS)}`, met: createMs <= TARGET_MS },
      );
      console.log(`  statuses now: ${statuses.rows.map((r) => `${r.status} ${int(r.n)}`).join(', ')}`);
      if (createMs > TARGET_MS || process.env.BENCH_PROFILE === '1')
        await whereTheTimeGoes(services, community.id, today, createMs, changed.rows[0]?.n ?? 0);
    } finally {
      await close?.();
    }
  });
}

runMain(main);
