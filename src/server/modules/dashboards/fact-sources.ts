// Every module's fact source, in one list (the registration point; see indicator-registry.ts).
import { sql } from 'drizzle-orm';
import { DONE_OUTCOMES } from '../../../shared/campaigns';
import { CORE_INDICATORS } from '../../../shared/dashboards/indicators';
import type { DbOrTx } from '../../db/database';
import { currentStatusesSql } from '../status/status.repo';
import { createIndicatorRegistry, type FactRow, type FactSource } from './indicator-registry';
import { careFacts, observationFacts, requestFacts } from './module-fact-sources';

const ownedBy = (owner: string) => CORE_INDICATORS.filter((i) => i.owner === owner);
const ints = (ids: number[]) => sql`${sql.param(ids)}::int[]`;

type Grouped = { community_id: number; building_id: number | null; total: number } & Record<string, number>;

/** Turns rows grouped by (community) and (community, building) into facts, one per named column. */
async function grouped(db: DbOrTx, query: ReturnType<typeof sql>, columns: Record<string, string>) {
  const { rows } = await db.execute<Grouped & { whole: number }>(query);
  const out: FactRow[] = [];
  for (const row of rows) {
    const buildingId = row.whole === 1 ? null : row.building_id;
    if (row.whole !== 1 && buildingId === null) continue;
    for (const [column, indicator] of Object.entries(columns))
      out.push({ communityId: row.community_id, buildingId, indicator, value: Number(row[column] ?? 0) });
  }
  return out;
}

const peopleFacts: FactSource = {
  owner: 'people',
  indicators: ownedBy('people'),
  async compute(db, _at, ids) {
    const households = await grouped(
      db,
      sql`select community_id, building_id, count(*)::int as households, grouping(building_id) as whole
          from households where community_id = any(${ints(ids)})
          group by grouping sets ((community_id), (community_id, building_id))`,
      { households: 'people.households' },
    );
    const residents = await grouped(
      db,
      sql`select r.community_id, h.building_id, count(*)::int as residents,
                 (count(*) filter (where r.residence_type = 'registered'))::int as registered,
                 (count(*) filter (where r.residence_type = 'long_term_renter'))::int as renter,
                 (count(*) filter (where r.residence_type = 'floating'))::int as floating,
                 grouping(h.building_id) as whole
          from residents r left join households h on h.id = r.household_id
          where r.community_id = any(${ints(ids)}) and r.moved_out_at is null
          group by grouping sets ((r.community_id), (r.community_id, h.building_id))`,
      {
        residents: 'people.residents',
        registered: 'people.residents.registered',
        renter: 'people.residents.long_term_renter',
        floating: 'people.residents.floating',
      },
    );
    return [...households, ...residents];
  },
};

const statusFacts: FactSource = {
  owner: 'status',
  indicators: ownedBy('status'),
  async compute(db, _at, ids) {
    const { rows } = await db.execute<{
      community_id: number;
      building_id: number | null;
      status: string;
      n: number;
      whole: number;
    }>(sql`
      select r.community_id, h.building_id, s.status, count(*)::int as n, grouping(h.building_id) as whole
      from ${currentStatusesSql} s join residents r on r.id = s.resident_id and r.moved_out_at is null
      left join households h on h.id = r.household_id
      where s.community_id = any(${ints(ids)})
      group by grouping sets ((r.community_id, s.status), (r.community_id, h.building_id, s.status))`);
    return rows
      .filter((r) => r.whole === 1 || r.building_id !== null)
      .map((r) => ({
        communityId: r.community_id,
        buildingId: r.whole === 1 ? null : r.building_id,
        indicator: `status.${r.status}`,
        value: r.n,
      }));
  },
};

const declarationFacts: FactSource = {
  owner: 'declarations',
  indicators: ownedBy('declarations'),
  async compute(db, at, ids) {
    const { rows } = await db.execute<{ community_id: number; n: number }>(sql`
      select community_id, count(*)::int as n from declarations
      where community_id = any(${ints(ids)}) and declared_at >= ${at.dayStart} and declared_at < ${at.dayEnd}
      group by community_id`);
    return rows.map((r) => ({
      communityId: r.community_id,
      buildingId: null,
      indicator: 'declarations.today',
      value: r.n,
    }));
  },
};

const accessFacts: FactSource = {
  owner: 'access',
  indicators: ownedBy('access'),
  async compute(db, at, ids) {
    return grouped(
      db,
      sql`select community_id, null::int as building_id, 1 as whole,
                 (count(*) filter (where direction = 'in' and not refused))::int as checks_in,
                 (count(*) filter (where direction = 'out' and not refused))::int as checks_out,
                 (count(*) filter (where refused))::int as refused,
                 (count(*) filter (where fever))::int as fevers
          from gate_checks
          where community_id = any(${ints(ids)}) and checked_at >= ${at.dayStart} and checked_at < ${at.dayEnd}
          group by community_id`,
      { checks_in: 'gate.in', checks_out: 'gate.out', refused: 'gate.refused', fevers: 'gate.fevers' },
    );
  },
};

const doneList = sql.raw(`(${DONE_OUTCOMES.map((o) => `'${o}'`).join(',')})`);

const campaignFacts: FactSource = {
  owner: 'campaigns',
  indicators: ownedBy('campaigns'),
  async compute(db, at, ids) {
    const screening = await grouped(
      db,
      sql`select t.community_id, t.building_id, count(*)::int as targets,
                 (count(*) filter (where t.outcome in ${doneList}))::int as reached,
                 grouping(t.building_id) as whole
          from campaign_targets t join campaigns c on c.id = t.campaign_id
          where t.community_id = any(${ints(ids)}) and c.kind = 'screening' and c.status = 'active'
          group by grouping sets ((t.community_id), (t.community_id, t.building_id))`,
      { targets: 'screening.targets', reached: 'screening.reached' },
    );
    const findings = await grouped(
      db,
      sql`select community_id, building_id, count(*)::int as open,
                 (count(*) filter (where deadline < ${at.day}::date))::int as overdue,
                 grouping(building_id) as whole
          from campaign_findings
          where community_id = any(${ints(ids)}) and status = 'open'
          group by grouping sets ((community_id), (community_id, building_id))`,
      { open: 'findings.open', overdue: 'findings.overdue' },
    );
    return [...screening, ...findings];
  },
};

/** The registration point: one line per module that counts something. */
export const FACT_SOURCES: FactSource[] = [
  peopleFacts,
  declarationFacts,
  statusFacts,
  campaignFacts,
  accessFacts,
  observationFacts,
  requestFacts,
  careFacts,
];

export const indicators = createIndicatorRegistry(FACT_SOURCES);
