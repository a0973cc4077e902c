import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIT_MINUTES } from '../../../shared/helpers';
import type { HoursSummary } from '../../../shared/helpers/helpers-responses';
import { createFixture, type Fixture, login } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;
let secretary: string;
let otherSecretary: string;
let accountId: number;
let helperId: number;

const api = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const query = (text: string, params: unknown[]) => t.services.database.pool.query(text, params);

/** A gate duty shift of the account, `hoursAgo` .. `hoursAgo - length` before now. */
async function shift(communityId: number, hoursAgo: number, length: number, checkedIn: boolean) {
  await query(
    `insert into gate_shifts (community_id, gate_id, account_id, starts_at, ends_at, checked_in_at, created_by)
     values ($1, 0, $2, now() - make_interval(hours => $3), now() - make_interval(hours => $3) + make_interval(hours => $4),
             case when $5::bool then now() - make_interval(hours => $3) end, $2)`,
    [communityId, accountId, hoursAgo, length, checkedIn],
  );
}

async function visits(communityId: number, n: number) {
  const made = await query(
    `insert into campaigns (community_id, name, kind, starts_on, created_by)
     values ($1, '入户排查', 'screening', current_date, $2) returning id`,
    [communityId, accountId],
  );
  for (let i = 0; i < n; i += 1)
    await query(
      `insert into campaign_visits (client_id, campaign_id, community_id, target_id, outcome, visited_by, visited_at)
       values ($1, $2, $3, $4, 'nobody_home', $5, now() - interval '1 minute')`,
      [randomUUID(), made.rows[0].id, communityId, i + 1, accountId],
    );
}

/** This month's line of the helper (shifts and visits are made hours before now). */
async function line(cookie: string, communityId: number) {
  const summary = (
    await api(cookie, 'GET', `/api/helpers/hours?communityId=${communityId}`)
  ).json() as HoursSummary;
  return summary.items.find((i) => i.helperId === helperId);
}

beforeAll(async () => {
  t = await createTestApp({});
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  otherSecretary = await login(t, f.b.usernames.community_secretary);
  const volunteer = await login(t, f.a.usernames.volunteer);
  accountId = (await api(volunteer, 'GET', '/api/auth/me')).json().account.id;
  const helper = await api(secretary, 'POST', '/api/helpers', {
    communityId: f.a.community.id,
    name: '孙志愿',
    teams: ['vanguard'],
    accountId,
  });
  expect(helper.statusCode, helper.body).toBe(201);
  helperId = helper.json().helper.id;
}, 60_000);
afterAll(() => t.close());

describe('hours from duty and visits', () => {
  it('counts ended duty shifts checked in to and screening visits, nothing else', async () => {
    // Start of a Beijing month: shifts a few hours ago might fall in the month before; skip then.
    const beijingHour = (new Date().getUTCHours() + 8) % 24;
    const beijingDay = new Date(Date.now() + 8 * 3600_000).getUTCDate();
    if (beijingDay === 1 && beijingHour < 13) return;
    expect(await line(secretary, f.a.community.id)).toBeUndefined();
    await shift(f.a.community.id, 3, 2, true); // ended, checked in: 120 minutes
    await shift(f.a.community.id, 5, 1, false); // never checked in: nothing
    await shift(f.a.community.id, 1, 4, true); // still going: not yet
    await visits(f.a.community.id, 3);
    const mine = await line(secretary, f.a.community.id);
    expect(mine).toMatchObject({
      dutyMinutes: 120,
      visits: 3,
      approvedMinutes: 120 + 3 * VISIT_MINUTES,
      pendingMinutes: 0,
      tasks: 0,
      active: false,
    });
    // Hours entered by hand still wait for approval, beside the duty.
    const entry = await api(secretary, 'POST', '/api/helpers/hours', {
      helperId,
      workedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      minutes: 60,
    });
    expect(entry.statusCode, entry.body).toBe(201);
    expect(await line(secretary, f.a.community.id)).toMatchObject({
      pendingMinutes: 60,
      approvedMinutes: 120 + 3 * VISIT_MINUTES,
    });
    // Enough duty makes the helper active (≥ 8 h in the month).
    await shift(f.a.community.id, 12, 7, true);
    expect(await line(secretary, f.a.community.id)).toMatchObject({ dutyMinutes: 540, active: true });
  });

  it('counts only what was done in the helper’s own community, and B sees none of it', async () => {
    await shift(f.b.community.id, 3, 2, true);
    await visits(f.b.community.id, 2);
    const mine = await line(secretary, f.a.community.id);
    expect(mine?.visits ?? 0).toBeLessThanOrEqual(3);
    expect(mine?.dutyMinutes ?? 0).toBeLessThanOrEqual(540);
    expect(
      (await api(otherSecretary, 'GET', `/api/helpers/hours?communityId=${f.b.community.id}`)).json().items,
    ).toEqual([]);
    expect(
      (await api(otherSecretary, 'GET', `/api/helpers/hours?communityId=${f.a.community.id}`)).statusCode,
    ).toBeGreaterThanOrEqual(403);
  });
});
