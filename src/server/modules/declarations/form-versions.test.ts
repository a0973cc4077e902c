import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, FIXTURE_PASSWORD, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let f: Fixture;
let officer: string;
let secretary: string;
let token: string;

const questions = [
  { key: 'q1', label: { zh: '工作单位', en: 'Employer' }, kind: 'text', required: true },
  {
    key: 'q2',
    label: { zh: '是否已复工', en: 'Back at work?' },
    kind: 'single',
    required: true,
    options: ['是', '否'],
  },
  {
    key: 'q3',
    label: { zh: '需要的帮助', en: 'Help needed' },
    kind: 'multiple',
    required: false,
    options: ['买菜', '取药'],
  },
];

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  await t.services.auth.createAccount(null, {
    username: `${f.tag}-district`,
    displayName: '区级干部',
    password: FIXTURE_PASSWORD,
    role: 'district_officer',
    scopePlaceId: f.district.id,
  });
  officer = await login(t, `${f.tag}-district`);
  secretary = await login(t, f.a.usernames.community_secretary);
  token = (
    await t.app.inject({
      method: 'POST',
      url: '/api/posters',
      headers: { cookie: secretary },
      payload: { placeId: f.a.compound.id },
    })
  ).json().poster.token;
});
afterAll(() => t.close());

const publish = (body: object, cookie = officer) =>
  t.app.inject({ method: 'POST', url: '/api/form-versions', headers: { cookie }, payload: body });
const posterForm = async () =>
  (await t.app.inject({ method: 'GET', url: `/api/public/posters/${token}` })).json().form;
const submit = (docNumber: string, extra: object | undefined, formVersionId?: number | null) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/declarations',
    payload: {
      token,
      person: { name: '郑新', docType: 'resident_id', docNumber, phone: '13812340000' },
      address: { buildingId: f.a.buildings[0]?.id, entranceId: f.a.entrance.id, room: '302' },
      leftCity: false,
      contactConfirmedCase: false,
      contactRiskAreaPeople: false,
      symptoms: [],
      consent: true,
      clientId: randomUUID(),
      ...(extra ? { extra } : {}),
      ...(formVersionId !== undefined ? { formVersionId } : {}),
    },
  });

async function revealLatest(): Promise<{ formVersionId: number | null; extra: object[] }> {
  const list = (
    await t.app.inject({
      method: 'GET',
      url: `/api/declarations?communityId=${f.a.community.id}`,
      headers: { cookie: secretary },
    })
  ).json();
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/declarations/${list.items[0].id}/reveal`,
    headers: { cookie: secretary },
    payload: { reason: '核实复工情况' },
  });
  expect(res.statusCode).toBe(200);
  return res.json().answers;
}

describe('questions a district officer adds to the form', () => {
  it('starts with the core form only', async () => {
    expect(await posterForm()).toEqual({ versionId: null, questions: [] });
  });

  it('is published by district officers only, with Chinese reasons for bad questions', async () => {
    expect((await publish({ questions }, secretary)).statusCode).toBe(403);
    const bad = await publish({
      questions: [{ key: 'q1', label: { zh: '' }, kind: 'text', required: false }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('第1题：请填写问题');
    const res = await publish({ questions });
    expect(res.statusCode).toBe(201);
    const form = await posterForm();
    expect(form.versionId).toBe(res.json().version.id);
    expect(form.questions.map((q: { key: string }) => q.key)).toEqual(['q1', 'q2', 'q3']);
  });

  it('asks residents the required questions and keeps the answers sealed with their version', async () => {
    const { versionId } = await posterForm();
    const missing = await submit(syntheticId('19850505'), { q2: '是' }, versionId);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ field: 'extra.q1' });
    expect(missing.json().error.message).toContain('工作单位');
    const wrong = await submit(syntheticId('19850505'), { q1: '医院', q2: '也许' }, versionId);
    expect(wrong.json().error.field).toBe('extra.q2');

    const ok = await submit(syntheticId('19850505'), { q1: ' 朝阳医院 ', q2: '否', q3: ['取药'] }, versionId);
    expect(ok.statusCode).toBe(201);
    const stored = await t.services.database.pool.query(
      'select answers_cipher, form_version_id from declarations where community_id = $1 order by id desc limit 1',
      [f.a.community.id],
    );
    expect(stored.rows[0].form_version_id).toBe(versionId);
    expect(stored.rows[0].answers_cipher).not.toContain('朝阳医院');
    const answers = await revealLatest();
    expect(answers.formVersionId).toBe(versionId);
    expect(answers.extra).toEqual([
      { key: 'q1', label: questions[0]?.label, value: '朝阳医院' },
      { key: 'q2', label: questions[1]?.label, value: '否' },
      { key: 'q3', label: questions[2]?.label, value: ['取药'] },
    ]);
  });

  it('still takes a form opened before the questions changed, on the version it was opened with', async () => {
    const { versionId: first } = await posterForm();
    const changed = [
      questions[0],
      { key: 'q4', label: { zh: '家中老人人数', en: 'Elderly at home' }, kind: 'number', required: true },
    ];
    const second = (await publish({ questions: changed })).json().version.id;
    expect(second).toBeGreaterThan(first);
    expect((await posterForm()).versionId).toBe(second);

    const late = await submit(syntheticId('19770707'), { q1: '学校', q2: '是' }, first);
    expect(late.statusCode).toBe(201);
    expect((await revealLatest()).formVersionId).toBe(first);
    // Without a version the current one applies, and its required number must be there.
    expect((await submit(syntheticId('19770708'), { q1: '学校' })).json().error.field).toBe('extra.q4');
    expect((await submit(syntheticId('19770708'), { q1: '学校', q4: '2' })).statusCode).toBe(201);
    // A version that does not apply to this community is refused.
    expect((await submit(syntheticId('19770709'), { q1: '学校' }, 999_999)).json().error.field).toBe(
      'formVersionId',
    );
  });

  it('keeps a key’s meaning: a question cannot change kind under the same key', async () => {
    const res = await publish({
      questions: [{ key: 'q1', label: { zh: '工作单位', en: '' }, kind: 'number', required: false }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不能改题型');
    const history = (
      await t.app.inject({ method: 'GET', url: '/api/form-versions', headers: { cookie: officer } })
    ).json();
    expect(history.versions).toHaveLength(2);
    expect(history.usedKeys.sort()).toEqual(['q1', 'q2', 'q3', 'q4']);
  });

  it('gives staff the form in force for a community in their scope only', async () => {
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/form-versions/in-force?communityId=${f.a.community.id}`,
      headers: { cookie: secretary },
    });
    expect(own.json().questions.map((q: { key: string }) => q.key)).toEqual(['q1', 'q4']);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/form-versions/in-force?communityId=${f.b.community.id}`,
      headers: { cookie: secretary },
    });
    expect(other.statusCode).toBe(404);
  });
});
