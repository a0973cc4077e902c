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

/** A reading to write; what depends on the observation's current state is read in the same statement. */
export interface CheckinWrite {
  observationId: number;
  communityId: number;
  /**
   * The personal link it came through (null for staff): the reading is written only if the observation
   * still carries this link, so a link withdrawn or an observation ended on any instance refuses it at once.
   */
  token: string | null;
  clientId: string;
  channel: string;
  readingCipher: string;
  alarming: boolean;
  temperature: number;
  recordedBy: number | null;
  recordedByName: string | null;
  recordedAt: Date;
  /** The Beijing day of `recordedAt`: the slot it answers is that day's. */
  day: string;
}

export type CheckinWritten =
  /** The observation does not take it (the link no longer its own, the observation gone). */
  | { clientId: string; outcome: 'refused' }
  /** Its client id was stored before: nothing written. */
  | { clientId: string; outcome: 'duplicate' }
  | {
      clientId: string;
      outcome: 'written';
      id: number;
      day: string | null;
      part: string | null;
      /** The observation's planned end and whether it had ended, as the statement saw them. */
      plannedEnd: string;
      followUp: boolean;
    };

/**
 * Readings in one statement (atomic, one round trip, any number of rows: one array per column): for each,
 * the observation as it is now (a link reading only while the link is still the observation's and it has
 * not ended; after the end a staff reading is a follow-up), the due slot of its day whose window has opened
 * (latest first), the check-in (a client id stored before is skipped), the slot marked done, an alert when
 * alarming. Answers every row, in order. Client ids must be distinct within a call (the caller keeps the
 * first).
 */
export async function writeCheckins(
  db: DbOrTx,
  rows: CheckinWrite[],
  retentionDays: number,
): Promise<CheckinWritten[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof CheckinWrite>(key: K) => sql.param(rows.map((r) => r[key]));
  const result = await db.execute<{
    client_id: string;
    accepted: boolean;
    id: number | null;
    day: string | null;
    part: string | null;
    planned_end: string | null;
    follow_up: boolean | null;
  }>(sql`
    with input as (
      select * from unnest(${col('observationId')}::int[], ${col('communityId')}::int[], ${col('token')}::text[],
             ${col('clientId')}::text[], ${col('channel')}::text[], ${col('readingCipher')}::text[],
             ${col('alarming')}::bool[], ${sql.param(rows.map((r) => r.temperature.toFixed(1)))}::numeric[],
             ${col('recordedBy')}::int[], ${col('recordedByName')}::text[],
             ${sql.param(rows.map((r) => r.recordedAt.toISOString()))}::timestamptz[], ${col('day')}::date[])
        as i(observation_id, community_id, token, client_id, channel, reading_cipher, alarming, temperature,
             recorded_by, recorded_by_name, recorded_at, day)
    ),
    checked as (
      select i.*, o.planned_end, o.ended_at is not null as follow_up,
             o.planned_end + ${retentionDays}::int as purge_after
        from input i join observations o on o.community_id = i.community_id and o.id = i.observation_id
       where i.token is null or (o.link_token = i.token and o.ended_at is null)
    ),
    candidate as (
      select distinct on (i.client_id) i.client_id, i.recorded_at, s.id, s.day, s.part
        from checked i join observation_slots s
          on s.observation_id = i.observation_id and s.state = 'due' and s.day = i.day
         and s.opens_at <= i.recorded_at and not i.follow_up
       where not exists (select 1 from observation_checkins c
                          where c.community_id = i.community_id and c.client_id = i.client_id)
       order by i.client_id, s.opens_at desc
    ),
    -- Two readings of one slot in a batch: the earlier answers it, the other is a reading of the day
    -- outside any slot (as it would be a batch later), so none is lost from the record or the workbook.
    slot as (
      select distinct on (id) client_id, id, day, part from candidate order by id, recorded_at, client_id
    ),
    ins as (
      insert into observation_checkins (observation_id, community_id, slot_id, client_id, channel, reading_cipher,
             alarming, recorded_by, recorded_by_name, recorded_at, follow_up, purge_after)
      select i.observation_id, i.community_id, slot.id, i.client_id, i.channel, i.reading_cipher, i.alarming,
             i.recorded_by, i.recorded_by_name, i.recorded_at, i.follow_up, i.purge_after
        from checked i left join slot on slot.client_id = i.client_id
      on conflict (community_id, client_id) do nothing
      returning id, slot_id, client_id, observation_id, community_id, alarming
    ),
    done as (
      update observation_slots s set state = 'done', checkin_id = x.id
        from ins x where x.slot_id is not null and s.id = x.slot_id and s.state = 'due'
    ),
    alert as (
      insert into observation_alerts (observation_id, community_id, checkin_id, temperature)
      select ins.observation_id, ins.community_id, ins.id, i.temperature
        from ins join input i on i.client_id = ins.client_id where ins.alarming
    )
    select i.client_id, c.client_id is not null as accepted, ins.id, slot.day::text as day, slot.part,
           c.planned_end::text as planned_end, c.follow_up
      from input i left join checked c on c.client_id = i.client_id
      left join ins on ins.client_id = i.client_id
      left join slot on slot.client_id = i.client_id and ins.id is not null`);
  const byClient = new Map(result.rows.map((r) => [r.client_id, r]));
  return rows.map(({ clientId }): CheckinWritten => {
    const r = byClient.get(clientId);
    if (!r?.accepted) return { clientId, outcome: 'refused' };
    if (r.id === null) return { clientId, outcome: 'duplicate' };
    return {
      clientId,
      outcome: 'written',
      id: r.id,
      day: r.day,
      part: r.part,
      plannedEnd: r.planned_end ?? '',
      followUp: r.follow_up === true,
    };
  });
}

/** Readings deleted by one statement of the purge: a backlog goes in steps, none holding locks long. */
const PURGE_STEP = 5_000;

/**
 * Readings past their purge date, and past the retention after the observation's planned end as it is
 * now (a reading kept before an extension stays as long as the later ones): deleted; the slot they
 * answered stays done, and their alert stays as a record without its temperature. Answers how many.
 */
export async function purgeDueReadings(db: DbOrTx, today: string, retentionDays: number): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute<{ n: number }>(sql`
      with gone as (
        delete from observation_checkins c
         where (c.community_id, c.id) in (
           select c2.community_id, c2.id from observation_checkins c2
             join observations o on o.community_id = c2.community_id and o.id = c2.observation_id
            where c2.purge_after < ${today}::date and o.planned_end + ${retentionDays}::int < ${today}::date
            limit ${PURGE_STEP})
        returning c.community_id, c.id
      ),
      slots as (
        update observation_slots s set checkin_id = null
          from gone g where s.community_id = g.community_id and s.checkin_id = g.id
      ),
      alerts as (
        update observation_alerts a set temperature = null
          from gone g where a.community_id = g.community_id and a.checkin_id = g.id
      )
      select count(*)::int as n from gone`);
    const n = result.rows[0]?.n ?? 0;
    total += n;
    if (n < PURGE_STEP) return total;
  }
}
