import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database';
import { observationCheckins } from './observation.table';

export async function findCheckinByClientId(db: DbOrTx, clientId: string) {
  const rows = await db
    .select()
    .from(observationCheckins)
    .where(eq(observationCheckins.clientId, clientId))
    .limit(1);
  return rows[0];
}

export interface CheckinWrite {
  observationId: number;
  communityId: number;
  clientId: string;
  channel: string;
  readingCipher: string;
  alarming: boolean;
  temperature: number;
  recordedBy: number | null;
  recordedByName: string | null;
  recordedAt: Date;
  followUp: boolean;
  purgeAfter: string;
  /** The Beijing day of `recordedAt`: the slot it answers is that day's. */
  day: string;
}

export interface CheckinWritten {
  clientId: string;
  id: number;
  day: string | null;
  part: string | null;
}

/**
 * Readings in one statement (atomic, one round trip, any number of rows: one array per column): for each,
 * the due slot of its day whose window has opened (latest first), the check-in (a client id stored before
 * is skipped), the slot marked done, an alert when alarming. Answers the new rows; a duplicate is absent.
 * Client ids must be distinct within a call (the caller keeps the first).
 */
export async function writeCheckins(db: DbOrTx, rows: CheckinWrite[]): Promise<CheckinWritten[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof CheckinWrite>(key: K) => sql.param(rows.map((r) => r[key]));
  const result = await db.execute<{
    client_id: string;
    id: number;
    day: string | null;
    part: string | null;
  }>(sql`
    with input as (
      select * from unnest(${col('observationId')}::int[], ${col('communityId')}::int[], ${col('clientId')}::text[],
             ${col('channel')}::text[], ${col('readingCipher')}::text[], ${col('alarming')}::bool[],
             ${sql.param(rows.map((r) => r.temperature.toFixed(1)))}::numeric[], ${col('recordedBy')}::int[],
             ${col('recordedByName')}::text[], ${sql.param(rows.map((r) => r.recordedAt.toISOString()))}::timestamptz[],
             ${col('followUp')}::bool[], ${col('purgeAfter')}::date[], ${col('day')}::date[])
        as i(observation_id, community_id, client_id, channel, reading_cipher, alarming, temperature, recorded_by,
             recorded_by_name, recorded_at, follow_up, purge_after, day)
    ),
    slot as (
      select distinct on (i.client_id) i.client_id, s.id, s.day, s.part
        from input i join observation_slots s
          on s.observation_id = i.observation_id and s.state = 'due' and s.day = i.day
         and s.opens_at <= i.recorded_at and not i.follow_up
       order by i.client_id, s.opens_at desc
    ),
    ins as (
      insert into observation_checkins (observation_id, community_id, slot_id, client_id, channel, reading_cipher,
             alarming, recorded_by, recorded_by_name, recorded_at, follow_up, purge_after)
      select i.observation_id, i.community_id, slot.id, i.client_id, i.channel, i.reading_cipher, i.alarming,
             i.recorded_by, i.recorded_by_name, i.recorded_at, i.follow_up, i.purge_after
        from input i left join slot on slot.client_id = i.client_id
      on conflict (community_id, client_id) do nothing
      returning id, slot_id, client_id, observation_id, community_id, alarming
    ),
    done as (
      update observation_slots s set state = 'done', checkin_id = x.id
        from (select distinct on (slot_id) slot_id, id from ins where slot_id is not null order by slot_id, id) x
       where s.id = x.slot_id and s.state = 'due'
    ),
    alert as (
      insert into observation_alerts (observation_id, community_id, checkin_id, temperature)
      select ins.observation_id, ins.community_id, ins.id, i.temperature
        from ins join input i on i.client_id = ins.client_id where ins.alarming
    )
    select ins.client_id, ins.id, slot.day::text as day, slot.part
      from ins left join slot on slot.client_id = ins.client_id`);
  return result.rows.map((r) => ({ clientId: r.client_id, id: r.id, day: r.day, part: r.part }));
}
