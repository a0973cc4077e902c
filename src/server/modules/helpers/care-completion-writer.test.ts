import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARE_PHOTO_PURPOSE } from '../../../shared/helpers';
import type { Db } from '../../db/database';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { phoneJpeg, uploadPhoto } from '../photos/test-jpegs';
import { createCareCompletionWriter, rounds } from './care-completion-writer';
import type { Completion } from './care-completions.repo';

let t: TestApp;
let f: Fixture;
let secretary: string;
let volunteer: string;
let otherSecretary: string;
let volunteerAccount: number;
let residentId: number;
let otherResidentId: number;
const photoDir = mkdtempSync(path.join(os.tmpdir(), 'dashu-care-writer-'));

const api = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function resident(cookie: string, householdId: number, birth: string) {
  const res = await api(cookie, 'POST', '/api/residents', {
    householdId,
    name: '赵爷爷',
    docType: 'resident_id',
    docNumber: syntheticId(birth),
    phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    relationToHead: 'self',
    residenceType: 'registered',
    tags: ['elderly_alone'],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().resident.id as number;
}

/** `n` tasks for the resident, accepted by the volunteer's phone. */
async function acceptedTasks(n: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const made = await api(secretary, 'POST', '/api/care/tasks', { residentId, kind: 'groceries' });
    const id = made.json().task.id as number;
    const taken = await api(volunteer, 'POST', `/api/care/tasks/${id}/accept`, {});
    expect(taken.statusCode, taken.body).toBe(200);
    ids.push(id);
  }
  return ids;
}

const count = async (sql: string, params: unknown[]) =>
  (await t.services.database.pool.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0;

beforeAll(async () => {
  t = await createTestApp({ DASHU_PHOTO_DIR: photoDir });
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  volunteer = await login(t, f.a.usernames.volunteer);
  otherSecretary = await login(t, f.b.usernames.community_secretary);
  residentId = await resident(secretary, f.a.householdIds[0] as number, '19380202');
  otherResidentId = await resident(otherSecretary, f.b.householdIds[0] as number, '19390303');
  volunteerAccount = (await api(volunteer, 'GET', '/api/auth/me')).json().account.id;
  const helper = await api(secretary, 'POST', '/api/helpers', {
    communityId: f.a.community.id,
    name: '周志愿',
    teams: ['vanguard'],
    accountId: volunteerAccount,
  });
  expect(helper.statusCode, helper.body).toBe(201);
  const assigned = await api(secretary, 'POST', '/api/helpers/coverage/assignments', {
    buildingId: f.a.buildings[0]?.id,
    role: 'volunteer',
    helperId: helper.json().helper.id,
  });
  expect(assigned.statusCode, assigned.body).toBeLessThan(300);
}, 60_000);
afterAll(() => t.close());

describe('rounds', () => {
  const item = (taskId: number, clientId: string, photo: string | null = null) =>
    ({ taskId, clientId, photoPublicId: photo }) as Completion;

  it('keeps a batch whole when nothing repeats, and puts each copy after the one before', () => {
    expect(rounds([item(1, 'a'), item(2, 'b'), item(3, 'c')])).toEqual([[0, 1, 2]]);
    // The same task twice, a client id on two tasks, one photo on two tasks.
    expect(rounds([item(1, 'a'), item(1, 'a'), item(2, 'a'), item(3, 'c', 'p'), item(4, 'd', 'p')])).toEqual([
      [0, 3],
      [1, 4],
      [2],
    ]);
  });
});

describe('care completion writer', () => {
  it('completes concurrent completions together, each answered; resends and a second phone are done once', async () => {
    const tasks = await acceptedTasks(12);
    const sends = tasks.map((id) => ({ id, clientId: randomUUID() }));
    // Every completion sent twice at once (the outbox resending), and the first task from another phone.
    const all = [...sends, ...sends, { id: tasks[0] as number, clientId: randomUUID() }];
    const answers = await Promise.all(
      all.map((s) =>
        api(volunteer, 'POST', `/api/care/tasks/${s.id}/complete`, {
          clientId: s.clientId,
          outcome: 'delivered',
          minutes: 20,
        }),
      ),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    for (const id of tasks) {
      const mine = answers.filter((a) => a.json().task.id === id);
      expect(mine.filter((a) => a.json().duplicate === false)).toHaveLength(1);
      expect(mine.every((a) => a.json().task.status === 'done')).toBe(true);
    }
    const ids = `{${tasks.join(',')}}`;
    const q = 'select count(*)::int as n from';
    expect(await count(`${q} helper_hours where task_id = any($1::int[])`, [ids])).toBe(12);
    expect(
      await count(
        `${q} audit_log where entity = 'care_task' and entity_id = any($1::int[]) and detail ? 'outcome'`,
        [ids],
      ),
    ).toBe(12);
    expect(await count(`${q} care_tasks where id = any($1::int[]) and status = 'done'`, [ids])).toBe(12);
  });

  it('refuses a bad completion alone: the others in the burst are kept', async () => {
    const tasks = await acceptedTasks(5);
    const other = await api(otherSecretary, 'POST', '/api/care/tasks', {
      residentId: otherResidentId,
      kind: 'medicine',
    });
    const otherTask = other.json().task.id as number;
    const photo = await uploadPhoto(
      t,
      volunteer,
      { communityId: f.a.community.id, purpose: CARE_PHOTO_PURPOSE },
      phoneJpeg(),
    );
    const photoId = photo.json().photo.id as string;
    const shared = randomUUID();
    const send = (id: number, body: object) =>
      api(volunteer, 'POST', `/api/care/tasks/${id}/complete`, { clientId: randomUUID(), ...body });
    const [good1, outOfScope, unknownPhoto, withPhoto, sharedA, sharedB] = await Promise.all([
      send(tasks[0] as number, { outcome: 'delivered' }),
      send(otherTask, { outcome: 'delivered' }),
      send(tasks[1] as number, { outcome: 'left_at_door', photoId: 'no-such-photo' }),
      send(tasks[2] as number, { outcome: 'left_at_door', photoId }),
      // One client id on two tasks: the first one written keeps it, the other is refused.
      send(tasks[3] as number, { outcome: 'nobody_home', clientId: shared }),
      send(tasks[4] as number, { outcome: 'refused', clientId: shared }),
    ]);
    expect(good1?.statusCode, good1?.body).toBe(200);
    expect(outOfScope?.statusCode).toBe(404);
    expect(unknownPhoto?.statusCode).toBe(400);
    expect(withPhoto?.statusCode, withPhoto?.body).toBe(200);
    expect([sharedA?.statusCode, sharedB?.statusCode].sort()).toEqual([200, 400]);
    const done = await count(
      "select count(*)::int as n from care_tasks where id = any($1::int[]) and status = 'done'",
      [`{${tasks.join(',')}}`],
    );
    expect(done).toBe(3);
    expect(
      await count('select count(*)::int as n from photos where public_id = $1 and attached_to = $2', [
        photoId,
        tasks[2],
      ]),
    ).toBe(1);
    // B's task was not touched.
    expect(
      (await api(otherSecretary, 'GET', `/api/care/tasks?communityId=${f.b.community.id}`)).json().items[0],
    ).toMatchObject({ id: otherTask, status: 'offered' });
  });

  it('writes a burst in a few statements, and a statement that fails is retried so only its bad item fails', async () => {
    const tasks = await acceptedTasks(6);
    const db = t.services.database.db;
    let statements = 0;
    const counting = new Proxy(db, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop === 'execute')
          return (...args: Parameters<Db['execute']>) => {
            statements += 1;
            return target.execute(...args);
          };
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Db;
    const writer = createCareCompletionWriter(counting);
    const item = (taskId: number, clientId: string): Completion => ({
      taskId,
      clientId,
      outcome: 'delivered',
      photoPublicId: null,
      notes: null,
      doneAt: new Date(),
      day: new Date().toISOString().slice(0, 10),
      minutes: 30,
      reached: true,
      refused: false,
      staff: false,
      communityIds: [f.a.community.id],
      accountId: volunteerAccount,
      accountName: '周志愿',
      ip: '127.0.0.1',
    });
    const results = await Promise.allSettled(
      tasks.map((id, i) => writer.add(item(id, i === 3 ? 'not-a-uuid' : randomUUID()))),
    );
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    for (const r of results)
      if (r.status === 'fulfilled') expect(r.value).toMatchObject({ verdict: 'go', completed: true });
    // The first alone, the other five together (failed), then one by one: 7, not 6 × 4 as before.
    expect(statements).toBeLessThanOrEqual(7);
    const quick = createCareCompletionWriter(counting);
    const more = await acceptedTasks(8);
    statements = 0;
    await Promise.all(more.map((id) => quick.add(item(id, randomUUID()))));
    expect(statements).toBeLessThanOrEqual(2);
  });
});
