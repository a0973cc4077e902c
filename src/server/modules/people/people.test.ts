import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;
let secretary: string;

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
});
afterAll(() => t.close());

const person = (householdId: number, docNumber: string, extra: Record<string, unknown> = {}) => ({
  householdId,
  name: '李秀英',
  docType: 'resident_id',
  docNumber,
  phone: '+86 139 1234 5678',
  relationToHead: 'self',
  residenceType: 'registered',
  tags: ['elderly_alone'],
  ...extra,
});

async function post(url: string, payload: unknown, cookie = secretary) {
  return t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object });
}

describe('residents', () => {
  it('refuses a wrong ID number with a Chinese reason on the field, and writes nothing', async () => {
    const good = syntheticId('19450302', true);
    const bad = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    const res = await post('/api/residents', person(f.a.householdIds[0] as number, bad));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_document', field: 'docNumber' });
    expect(res.json().error.message).toMatch(/校验/);
    const { rows } = await t.services.database.pool.query(
      'select count(*)::int n from residents where community_id = $1',
      [f.a.community.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('saves a person encrypted, answers masked, derives birth date and gender from the ID', async () => {
    const id = syntheticId('19450302', true);
    const res = await post('/api/residents', person(f.a.householdIds[0] as number, id.toLowerCase()));
    expect(res.statusCode).toBe(201);
    const resident = res.json().resident;
    // The birth date is stored (taken from the ID) but not sent beside the mask: the age is.
    expect(resident).toMatchObject({
      name: '李秀英',
      gender: 'female',
      birthDate: null,
      phoneMasked: '139****5678',
    });
    expect(resident.age).toBeGreaterThanOrEqual(80);
    expect(resident.docNumberMasked).toBe(`${id.slice(0, 6)}***********${id.slice(-1)}`);
    expect(res.body).not.toContain(id);
    expect(res.body).not.toContain('19450302');
    expect(res.body).not.toContain('13912345678');
    const raw = await t.services.database.db.execute(
      sql`select doc_cipher, phone_cipher, doc_hash, birth_date from residents where id = ${resident.id}`,
    );
    expect(raw.rows[0]?.birth_date).toBe('1945-03-02');
    const stored = JSON.stringify(raw.rows.map(({ birth_date: _b, ...rest }) => rest));
    expect(stored).not.toContain(id);
    expect(stored).not.toContain('13912345678');
  });

  it('refuses a second person with the same ID number in the community', async () => {
    const id = syntheticId('19800101');
    expect(
      (await post('/api/residents', person(f.a.householdIds[1] as number, id, { name: '张伟' }))).statusCode,
    ).toBe(201);
    const again = await post('/api/residents', person(f.a.householdIds[2] as number, id, { name: '张伟' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'duplicate_document', field: 'docNumber' });
  });

  it('reports a typed birth date that contradicts the ID', async () => {
    const res = await post(
      '/api/residents',
      person(f.a.householdIds[1] as number, syntheticId('19900505'), { birthDate: '1991-05-05' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'identity_mismatch', field: 'birthDate' });
  });

  it('finds people by name prefix, phone tail and whole ID number', async () => {
    const id = syntheticId('19700707');
    await post(
      '/api/residents',
      person(f.a.householdIds[2] as number, id, { name: '欧阳明', phone: '13800001111' }),
    );
    const search = (q: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/residents?q=${encodeURIComponent(q)}`,
        headers: { cookie: secretary },
      });
    expect((await search('欧阳')).json().items.map((r: { name: string }) => r.name)).toEqual(['欧阳明']);
    expect((await search('1111')).json().items[0].name).toBe('欧阳明');
    expect((await search(id)).json().items[0].name).toBe('欧阳明');
    expect((await search('13800001111')).json().items[0].name).toBe('欧阳明');
    expect((await search('查无此人')).json().total).toBe(0);
    await post(
      '/api/residents',
      person(f.a.householdIds[2] as number, 'E12345678', {
        name: 'SMITH John',
        docType: 'passport_foreign',
        tags: [],
      }),
    );
    expect((await search('SMITH')).json().items.map((r: { name: string }) => r.name)).toEqual(['SMITH John']);
    expect((await search('E12345678')).json().items.map((r: { name: string }) => r.name)).toEqual([
      'SMITH John',
    ]);
  });

  it('updates with optimistic locking and keeps the history of moves', async () => {
    const created = (
      await post(
        '/api/residents',
        person(f.a.householdIds[0] as number, syntheticId('19600606'), { name: '赵强', phone: null }),
      )
    ).json().resident;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/residents/${created.id}`,
      headers: { cookie: secretary },
      payload: { version: created.version, notes: '行动不便', phone: '13700002222' },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().resident).toMatchObject({
      notes: '行动不便',
      phoneMasked: '137****2222',
      version: 2,
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/residents/${created.id}`,
      headers: { cookie: secretary },
      payload: { version: 1, notes: '旧' },
    });
    expect(stale.statusCode).toBe(409);
    const moved = await post(`/api/residents/${created.id}/move`, {
      householdId: f.a.householdIds[2],
      reason: '搬到2号楼',
      version: 2,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().history).toHaveLength(2);
    expect(moved.json().history[0].toAt).not.toBeNull();
    expect(moved.json().history[1]).toMatchObject({
      householdId: f.a.householdIds[2],
      reason: '搬到2号楼',
      toAt: null,
    });
  });

  it('reveals a full value only with a reason, to permitted roles, and audits the look', async () => {
    const id = syntheticId('19550505');
    const created = (
      await post('/api/residents', person(f.a.householdIds[1] as number, id, { name: '孙丽' }))
    ).json().resident;
    const noReason = await post(`/api/residents/${created.id}/reveal`, { field: 'docNumber', reason: '' });
    expect(noReason.json().error.code).toBe('reason_required');
    const ok = await post(`/api/residents/${created.id}/reveal`, {
      field: 'docNumber',
      reason: '核实低保申请',
    });
    expect(ok.json()).toEqual({ field: 'docNumber', value: id });
    const volunteer = await login(t, f.a.usernames.volunteer);
    expect(
      (
        await post(
          `/api/residents/${created.id}/reveal`,
          { field: 'docNumber', reason: '看看而已' },
          volunteer,
        )
      ).statusCode,
    ).toBe(403);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/audit?action=reveal&entityId=${created.id}`,
      headers: { cookie: secretary },
    });
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0]).toMatchObject({
      reason: '核实低保申请',
      entity: 'resident',
      detail: { field: 'docNumber' },
    });
  });

  it('shows a volunteer only the households of their buildings, read-only', async () => {
    const volunteer = await login(t, f.a.usernames.volunteer);
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/households/${f.a.householdIds[0]}`,
      headers: { cookie: volunteer },
    });
    expect(own.statusCode).toBe(200);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/households/${f.a.householdIds[2]}`,
      headers: { cookie: volunteer },
    });
    expect(other.statusCode).toBe(404);
    const write = await post(
      '/api/residents',
      person(f.a.householdIds[0] as number, syntheticId()),
      volunteer,
    );
    expect(write.statusCode).toBe(403);
    const place = await t.app.inject({
      method: 'GET',
      url: `/api/places/${f.a.compound.id}`,
      headers: { cookie: volunteer },
    });
    expect(place.json().children.map((c: { id: number }) => c.id)).toEqual([f.a.buildings[0]?.id]);
  });

  it('walks the place tree down to a household list with counts', async () => {
    const root = (
      await t.app.inject({ method: 'GET', url: '/api/places/roots', headers: { cookie: secretary } })
    ).json();
    expect(root.items[0].id).toBe(f.a.community.id);
    const building = (
      await t.app.inject({
        method: 'GET',
        url: `/api/places/${f.a.compound.id}`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(building.children.map((c: { name: string }) => c.name)).toEqual(['1号楼', '2号楼']);
    expect(building.children[0].households).toBe(2);
    const list = (
      await t.app.inject({
        method: 'GET',
        url: `/api/places/${f.a.entrance.id}/households`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(list.items.map((h: { room: string }) => h.room)).toEqual(['101', '102']);
    expect(list.items[0].label).toBe('甲小区 1号楼 1单元 101');
    // A community holds compounds and bungalow areas side by side: each kind counts its own way.
    const bungalow = (
      await post('/api/places', { parentId: f.a.community.id, kind: 'bungalow_area', name: '平房一区' })
    ).json();
    await post('/api/households', { placeId: bungalow.id, room: '1号院' });
    const community = (
      await t.app.inject({
        method: 'GET',
        url: `/api/places/${f.a.community.id}`,
        headers: { cookie: secretary },
      })
    ).json();
    const counts = Object.fromEntries(
      community.children.map((c: { name: string; households: number }) => [c.name, c.households]),
    );
    expect(counts).toEqual({ [f.a.compound.name]: 3, 平房一区: 1 });
  });

  it('adds a household under an entrance and refuses a duplicate door', async () => {
    const res = await post('/api/households', { placeId: f.a.entrance.id, room: '301', floor: 3 });
    expect(res.statusCode).toBe(201);
    expect(res.json().household.label).toBe('甲小区 1号楼 1单元 301');
    expect((await post('/api/households', { placeId: f.a.entrance.id, room: '301' })).json().error.code).toBe(
      'duplicate_door',
    );
    expect((await post('/api/households', { placeId: f.a.compound.id, room: '1' })).json().error.code).toBe(
      'not_a_household_place',
    );
  });
});

describe('bad input', () => {
  it('answers malformed requests with a clear 4xx, never a 500', async () => {
    const cases = [
      {
        method: 'POST' as const,
        url: '/api/residents',
        payload: '{not json',
        headers: { 'content-type': 'application/json' },
      },
      { method: 'POST' as const, url: '/api/residents', payload: { householdId: 'x' } },
      { method: 'POST' as const, url: '/api/residents', payload: { ...person(1, '1'), extra: 1 } },
      {
        method: 'POST' as const,
        url: '/api/residents',
        payload: { ...person(1, '1'), name: 'x'.repeat(51) },
      },
      { method: 'GET' as const, url: '/api/residents/abc' },
      { method: 'GET' as const, url: '/api/residents/99999999999' },
      { method: 'GET' as const, url: '/api/residents?page=0' },
      { method: 'PATCH' as const, url: '/api/residents/1', payload: { notes: 'no version' } },
      {
        method: 'POST' as const,
        url: '/api/residents',
        payload: 'x'.repeat(300_000),
        headers: { 'content-type': 'application/json' },
      },
      { method: 'GET' as const, url: '/api/nothing-here' },
    ];
    for (const c of cases) {
      const res = await t.app.inject({
        ...c,
        headers: { cookie: secretary, ...(c.headers ?? {}) },
      } as InjectOptions);
      expect(res.statusCode, `${c.method} ${c.url}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${c.method} ${c.url}`).toBeLessThan(500);
      expect(res.json().error.code, `${c.method} ${c.url}`).toEqual(expect.any(String));
      expect(res.json().error.message).toEqual(expect.any(String));
    }
  });
});
