// The fact sources of observation, requests and care: how the facts job counts their indicators
// (shared/dashboards/module-indicators.ts) per community and day. Set-based, one statement per module.
import { sql } from 'drizzle-orm';
import {
  CARE_INDICATORS,
  OBSERVATION_INDICATORS,
  REQUEST_INDICATORS,
} from '../../../shared/dashboards/module-indicators';
import { OPEN_STATUSES } from '../../../shared/requests';
import type { DbOrTx } from '../../db/database';
import type { FactRow, FactSource } from './indicator-registry';

const ints = (ids: number[]) => sql`${sql.param(ids)}::int[]`;

/** One row per community, one column per indicator → facts. */
async function perCommunity(db: DbOrTx, query: ReturnType<typeof sql>, columns: Record<string, string>) {
  const { rows } = await db.execute<{ community_id: number } & Record<string, number>>(query);
  const out: FactRow[] = [];
  for (const row of rows)
    for (const [column, indicator] of Object.entries(columns))
      out.push({
        communityId: row.community_id,
        buildingId: null,
        indicator,
        value: Number(row[column] ?? 0),
      });
  return out;
}

export const observationFacts: FactSource = {
  owner: 'observation',
  indicators: OBSERVATION_INDICATORS,
  compute: (db, at, ids) =>
    perCommunity(
      db,
      sql`select c.id as community_id,
                 (select count(*)::int from observations o
                  where o.community_id = c.id and o.ended_at is null) as active,
                 (select count(*)::int from observation_alerts a
                  where a.community_id = c.id and a.acknowledged_at is null) as alerts,
                 (select count(*)::int from observation_slots s
                  where s.community_id = c.id and s.day = ${at.day}::date and s.state = 'missed') as missed
          from unnest(${ints(ids)}) as c(id)`,
      { active: 'observation.active', alerts: 'observation.alerts_open', missed: 'observation.slots_missed' },
    ),
};

const openList = sql.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`);

export const requestFacts: FactSource = {
  owner: 'requests',
  indicators: REQUEST_INDICATORS,
  compute: (db, at, ids) =>
    perCommunity(
      db,
      sql`select community_id,
                 (count(*) filter (where received_at >= ${at.dayStart} and received_at < ${at.dayEnd}))::int as received,
                 (count(*) filter (where status in ${openList}))::int as open,
                 (count(*) filter (where status in ${openList} and resolve_deadline < now()))::int as overdue
          from requests
          where community_id = any(${ints(ids)})
            and (status in ${openList} or (received_at >= ${at.dayStart} and received_at < ${at.dayEnd}))
          group by community_id`,
      { received: 'requests.received', open: 'requests.open', overdue: 'requests.overdue' },
    ),
};

export const careFacts: FactSource = {
  owner: 'helpers',
  indicators: CARE_INDICATORS,
  compute: (db, at, ids) =>
    perCommunity(
      db,
      sql`select community_id,
                 (count(*) filter (where status in ('offered', 'accepted', 'escalated')))::int as open,
                 (count(*) filter (where done_at >= ${at.dayStart} and done_at < ${at.dayEnd}))::int as done
          from care_tasks
          where community_id = any(${ints(ids)})
            and (status in ('offered', 'accepted', 'escalated') or (done_at >= ${at.dayStart} and done_at < ${at.dayEnd}))
          group by community_id`,
      { open: 'care.tasks_open', done: 'care.tasks_done' },
    ),
};
