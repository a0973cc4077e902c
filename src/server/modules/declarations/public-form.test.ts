import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { receiptNumber } from './declaration-receipt';

let t: TestApp;
let f: Fixture;
let secretary: string;
let token: string;
let posterId: number;

beforeAll(async () => {
  t = await createTestApp({ DASHU_PUBLIC_RATE_LIMIT: '15' });
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/posters',
    headers: { cookie: secretary },
    payload: { placeId: f.a.compound.id },
  });
  expect(created.statusCode).toBe(201);
  token = created.json().poster.token;
  posterId = created.json().poster.id;
});
afterAll(() => t.close());

const idNumber = syntheticId('19900909', true);
const form = (overrides: Record<string, unknown> = {}) => ({
  token,
  person: { name: '吴晓燕', docType: 'resident_id', docNumber: idNumber, phone: '13512345678' },
  address: { buildingId: f.a.buildings[0]?.id, entranceId: f.a.entrance.id, room: '101' },
  leftCity: false,
  contactConfirmedCase: false,
  contactRiskAreaPeople: false,
  symptoms: [],
  consent: true,
  clientId: randomUUID(),
  ...overrides,
});
const submit = (body: object) =>
  t.app.inject({ method: 'POST', url: '/api/public/declarations', payload: body });

describe('the resident form behind a poster', () => {
  it('shows the poster’s community and the buildings to choose from', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/public/posters/${token}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().poster).toMatchObject({
      communityName: f.a.community.name,
      placeName: f.a.compound.name,
    });
    expect(res.json().buildings.map((b: { name: string }) => b.name)).toEqual(['1号楼', '2号楼']);
    expect(res.json().buildings[0].entrances).toEqual([{ id: f.a.entrance.id, name: '1单元' }]);
  });

  it('registers a new person as unverified and answers with a receipt', async () => {
    const res = await submit(form({ temperature: 37.6, symptoms: ['cough'] }));
    expect(res.statusCode).toBe(201);
    const receipt = res.json().receipt;
    expect(receipt).toMatchObject({ status: 'referred_to_clinic', statusLabel: { zh: expect.any(String) } });
    expect(receipt.advice.zh.length).toBeGreaterThan(5);
    expect(receipt.receiptNo).toMatch(/^\d{8}-\d{6}$/);
    const found = (
      await t.app.inject({
        method: 'GET',
        url: `/api/residents?q=${idNumber}`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({
      name: '吴晓燕',
      verified: false,
      address: '甲小区 1号楼 1单元 101',
      gender: 'female',
    });
  });

  it('updates the same person when they declare again, never duplicates them', async () => {
    const res = await submit(form({ temperature: 36.4 }));
    expect(res.json().receipt.status).toBe('normal');
    const found = (
      await t.app.inject({
        method: 'GET',
        url: `/api/residents?q=${idNumber}`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(found.total).toBe(1);
    const status = (
      await t.app.inject({
        method: 'GET',
        url: `/api/residents/${found.items[0].id}/status`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(status.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'normal',
      'referred_to_clinic',
    ]);
  });

  it('lists the people who registered themselves for staff to confirm, and confirms them', async () => {
    const list = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/residents?unverified=true&communityId=${f.a.community.id}`,
          headers: { cookie: secretary },
        })
      ).json();
    const before = await list();
    const person = before.items.find((r: { name: string }) => r.name === '吴晓燕');
    expect(person).toMatchObject({ verified: false });
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/residents/${person.id}/verify`,
      headers: { cookie: secretary },
      payload: { version: person.version + 1 },
    });
    expect(stale.statusCode).toBe(409);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/residents/${person.id}/verify`,
      headers: { cookie: secretary },
      payload: { version: person.version },
    });
    expect(ok.json()).toEqual({ verified: true });
    expect((await list()).items.map((r: { id: number }) => r.id)).not.toContain(person.id);
  });

  it('answers bad input clearly, in Chinese, naming the field', async () => {
    const badId = await submit(
      form({
        person: {
          name: '王五',
          docType: 'resident_id',
          docNumber: '110105199009091234',
          phone: '13512345678',
        },
      }),
    );
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.field).toBe('person.docNumber');
    const noConsent = await submit(form({ consent: false }));
    expect(noConsent.json().error.code).toBe('consent_required');
    const wrongBuilding = await submit(
      form({
        person: {
          name: '赵六',
          docType: 'resident_id',
          docNumber: syntheticId('19700101'),
          phone: '13512340000',
        },
        address: { buildingId: f.b.buildings[0]?.id, room: '1' },
      }),
    );
    expect(wrongBuilding.json().error.field).toBe('address.buildingId');
  });

  it('answers a double-tapped submit of a new person without a server error and keeps one person', async () => {
    const docNumber = syntheticId('19660606');
    const body = form({
      person: { name: '孙双击', docType: 'resident_id', docNumber, phone: '13600006666' },
      address: { buildingId: f.a.buildings[1]?.id, room: '888' },
    });
    const answers = await Promise.all([submit(body), submit(body), submit(body), submit(body)]);
    for (const res of answers) expect([201, 409]).toContain(res.statusCode);
    expect(answers.some((res) => res.statusCode === 201)).toBe(true);
    const found = (
      await t.app.inject({
        method: 'GET',
        url: `/api/residents?q=${docNumber}`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(found.total).toBe(1);
  });

  it('refuses an unknown or revoked poster with a clear message', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/api/public/posters/AAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('poster_unknown');
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/posters/${posterId}`,
          headers: { cookie: secretary },
        })
      ).statusCode,
    ).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: `/api/public/posters/${token}` });
    expect(revoked.statusCode).toBe(410);
    expect(revoked.json().error.message).toContain('已停用');
    expect((await submit(form())).statusCode).toBe(410);
  });

  it('limits how often one address may use the public form', async () => {
    let limited = false;
    for (let i = 0; i < 20 && !limited; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/api/public/posters/BBBBBBBBBBBBBBBBBBBBBB' });
      if (res.statusCode === 429) {
        limited = true;
        expect(res.json().error.code).toBe('rate_limited');
      }
    }
    expect(limited).toBe(true);
  });
});

describe('the receipt number', () => {
  it('carries the Beijing date, also between midnight and 8 am when UTC is still on the day before', () => {
    expect(receiptNumber({ id: 42, declaredAt: '2026-11-29T19:40:00.000Z' })).toBe('20261130-000042');
    expect(receiptNumber({ id: 7, declaredAt: '2026-11-29T15:59:59.000Z' })).toBe('20261129-000007');
  });
});
