import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentenceText } from '../../../shared/audit/audit-parts';
import type { AuditEntry } from '../../../shared/audit/audit-responses';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { passes } from '../access/access.table';
import { loadWorkbook } from '../imports/roster/test-fixtures';

// Issue 13 item 2: each audit entry reads as a sentence with named, linked objects — masked names,
// doors with their compound, codes as names — filtered by person, place, kind and account, in scope.
let t: TestApp;
let f: Fixture;
let secretaryA: string;
let secretaryB: string;
let officer: string;
let residentId: number;
let otherId: number;

async function call(cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function entries(cookie: string, query: string): Promise<AuditEntry[]> {
  const res = await call(cookie, 'GET', `/api/audit?pageSize=200&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

const zh = (e: AuditEntry | undefined) => sentenceText(e?.sentence ?? [], 'zh');
const en = (e: AuditEntry | undefined) => sentenceText(e?.sentence ?? [], 'en');

async function register(cookie: string, householdId: number, name: string) {
  const res = await call(cookie, 'POST', '/api/residents', {
    householdId,
    name,
    docType: 'resident_id',
    docNumber: syntheticId('19850505'),
    relationToHead: 'other',
    residenceType: 'registered',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().resident.id as number;
}

async function declare(cookie: string, resident: number, contactConfirmedCase: boolean) {
  const res = await call(cookie, 'POST', '/api/declarations', {
    residentId: resident,
    channel: 'door_to_door',
    leftCity: false,
    contactConfirmedCase,
    contactRiskAreaPeople: false,
    symptoms: [],
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretaryA = await login(t, f.a.usernames.community_secretary);
  secretaryB = await login(t, f.b.usernames.community_secretary);
  officer = await login(t, f.officer);
  residentId = await register(secretaryA, f.a.householdIds[0] as number, '王小明');
  otherId = await register(secretaryA, f.a.householdIds[2] as number, '李其他');
  await declare(secretaryA, residentId, false);
  await declare(secretaryA, residentId, true);
  await declare(secretaryA, otherId, false);
});
afterAll(() => t.close());

describe('sentences', () => {
  it('a status change names the person masked, her door with its compound, both statuses and the reason', async () => {
    const rows = await entries(secretaryA, `action=create&residentId=${residentId}`);
    const declared = rows.filter((r) => r.entity === 'declaration');
    expect(declared).toHaveLength(2);
    const [second, first] = declared;
    expect(zh(first)).toMatch(/^王\*明（甲小区 1号楼 1单元 101）申报（入户登记），状态定为 正常，原因：.+$/);
    expect(zh(second)).toMatch(
      /^王\*明（甲小区 1号楼 1单元 101）申报（入户登记），状态由 正常 改为 \S+，原因：.+/,
    );
    expect(en(second)).toMatch(
      /^王\*明 \(甲小区 1号楼 1单元 101\) declared \(Door-to-door visit\), status changed from Normal to .+, because: .+/,
    );
    // The person opens her page, the door its household.
    expect(second?.sentence[0]).toMatchObject({ zh: '王*明', link: { kind: 'resident', id: residentId } });
    expect(second?.sentence[2]).toMatchObject({ link: { kind: 'household', id: f.a.householdIds[0] } });
    // No code is left in the sentence.
    expect(zh(second)).not.toMatch(/[a-z_]{4,}/);
  });

  it('registering and revealing read as sentences; the full name is in no part of the answer', async () => {
    const reveal = await call(secretaryA, 'POST', `/api/residents/${residentId}/reveal`, {
      field: 'phone',
      reason: '联系本人核实',
    });
    expect([200, 404, 409, 422]).toContain(reveal.statusCode);
    const shown = await call(secretaryA, 'POST', `/api/residents/${residentId}/reveal`, {
      field: 'docNumber',
      reason: '核对证件号码',
    });
    expect(shown.statusCode).toBe(200);
    const rows = await entries(secretaryA, `residentId=${residentId}`);
    const revealed = rows.find((r) => r.action === 'reveal' && r.detail?.field === 'docNumber');
    expect(zh(revealed)).toBe('查看了完整证件号码：王*明（甲小区 1号楼 1单元 101），理由：核对证件号码');
    expect(en(revealed)).toBe(
      'Viewed the full document number of 王*明 (甲小区 1号楼 1单元 101); reason: 核对证件号码',
    );
    const created = rows.find((r) => r.action === 'create' && r.entity === 'resident');
    expect(zh(created)).toBe('登记了居民 王*明（甲小区 1号楼 1单元 101）');
    const body = (await call(secretaryA, 'GET', `/api/audit?pageSize=200&residentId=${residentId}`)).body;
    expect(body).not.toContain('王小明');
  });

  it('issuing and revoking passes name the compound and the door', async () => {
    const issued = await call(secretaryA, 'POST', '/api/access/passes/issue', {
      compoundId: f.a.compound.id,
      validUntil: addDays(beijingToday(), 30),
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const [pass] = await t.services.database.db
      .select()
      .from(passes)
      .where(eq(passes.householdId, f.a.householdIds[2] as number));
    const revoked = await call(secretaryA, 'POST', `/api/access/passes/${pass?.id}/revoke`, {
      reason: '已搬走',
    });
    expect(revoked.statusCode, revoked.body).toBe(204);
    const rows = await entries(secretaryA, 'entity=pass');
    const issue = rows.find((r) => r.action === 'create');
    expect(zh(issue)).toMatch(/^为 甲小区 发放出入证 \d+ 张（按(户|人)），有效期至 \d{4}-\d\d-\d\d$/);
    const revoke = rows.find((r) => r.action === 'update');
    expect(zh(revoke)).toMatch(/^作废了 (李\*他（)?甲小区 2号楼 201(）)? ?的出入证 \d+，理由：已搬走$/);
  });

  it('account changes say what changed, in names: role, scope, enabled', async () => {
    const created = await call(secretaryA, 'POST', '/api/accounts', {
      username: `${f.tag}-helper`,
      displayName: '赵志愿',
      role: 'volunteer',
      scopePlaceId: f.a.community.id,
      scopeBuildingIds: [f.a.buildings[0]?.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().account.id as number;
    expect(
      (
        await call(secretaryA, 'PATCH', `/api/accounts/${id}`, {
          role: 'social_worker',
          scopeBuildingIds: null,
        })
      ).statusCode,
    ).toBe(200);
    expect((await call(secretaryA, 'POST', `/api/accounts/${id}/disable`)).statusCode).toBe(200);
    const rows = await entries(secretaryA, `entity=account&entityId=${id}`);
    const text = (action: string) => zh(rows.find((r) => r.action === action));
    expect(text('account_create')).toBe(
      `新建了账号 赵志愿（${f.tag}-helper），角色：志愿者/楼门长，范围：甲社区（楼栋：甲小区 1号楼）`,
    );
    expect(text('account_update')).toBe(
      `修改了账号 赵志愿（${f.tag}-helper）：角色由 志愿者/楼门长 改为 社工；楼栋由 甲小区 1号楼 改为 全部楼栋`,
    );
    expect(text('account_disable')).toBe(`停用了账号 赵志愿（${f.tag}-helper）`);
    expect(rows.find((r) => r.action === 'account_create')?.sentence[1]).toMatchObject({
      link: { kind: 'account', id },
    });
  });
});

describe('filters and scope', () => {
  it('by person: her own rows and her declarations, not her neighbour’s', async () => {
    const rows = await entries(secretaryA, `residentId=${residentId}`);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => zh(r).includes('王*明'))).toBe(true);
  });

  it('by place: a building holds the rows of the people behind its doors; a community all of its own', async () => {
    const b2 = f.a.buildings[1]?.id as number;
    const inB2 = await entries(secretaryA, `placeId=${b2}`);
    expect(inB2.some((r) => zh(r).includes('李*他'))).toBe(true);
    expect(inB2.some((r) => zh(r).includes('王*明'))).toBe(false);
    const inA = await entries(secretaryA, `placeId=${f.a.community.id}&entity=declaration`);
    expect(inA.length).toBeGreaterThanOrEqual(3);
    expect(inA.every((r) => r.communityId === f.a.community.id)).toBe(true);
  });

  it('by kind and by account', async () => {
    const me = (await call(secretaryA, 'GET', '/api/auth/me')).json();
    const accountId = (me.account?.id ?? me.id) as number;
    const mine = await entries(secretaryA, `accountId=${accountId}&action=reveal`);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.accountId === accountId && r.action === 'reveal')).toBe(true);
  });

  it('another community sees none of it, even asking by person or place; the officer above sees it', async () => {
    expect(await entries(secretaryB, `residentId=${residentId}`)).toEqual([]);
    expect(await entries(secretaryB, `placeId=${f.a.community.id}`)).toEqual([]);
    expect(await entries(secretaryB, `placeId=${f.a.buildings[0]?.id}`)).toEqual([]);
    const seen = await entries(officer, `residentId=${residentId}`);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.communityId === f.a.community.id)).toBe(true);
  });
});

describe('the log as Excel', () => {
  async function cells(cookie: string, query: string) {
    const res = await call(cookie, 'GET', `/api/audit/export?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const book = await loadWorkbook(res.rawPayload);
    const out: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => out.push(JSON.stringify(row.values))));
    return out.join('\n');
  }

  it('reads as the console does, masked, and is itself in the log', async () => {
    const text = await cells(secretaryA, `residentId=${residentId}`);
    expect(text).toContain('王*明（甲小区 1号楼 1单元 101）申报（入户登记），状态由 正常 改为');
    expect(text).not.toContain('王小明');
    const exported = await entries(secretaryA, 'action=export&entity=audit');
    expect(zh(exported[0])).toMatch(/^导出了 甲社区 操作记录 \d+ 条/);
  });

  it('another community’s export has none of it', async () => {
    const text = await cells(secretaryB, `residentId=${residentId}`);
    expect(text).not.toContain('王*明');
  });
});
