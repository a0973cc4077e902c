import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { createFixture, FIXTURE_PASSWORD, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { loadWorkbook, xlsxBuffer } from '../imports/roster/test-fixtures';

let t: TestApp;
let f: Fixture;
let secretary: string;
let officer: string;
const today = beijingToday();
// A region code no other test file uses, so changing its risk level re-evaluates only these people.
const REGION = '659001';

beforeAll(async () => {
  t = await createTestApp();
  f = await createFixture(t.services);
  secretary = await login(t, f.a.usernames.community_secretary);
  await t.services.auth.createAccount(null, {
    username: `${f.tag}-district`,
    displayName: '区级干部',
    password: FIXTURE_PASSWORD,
    role: 'district_officer',
    scopePlaceId: f.district.id,
  });
  officer = await login(t, `${f.tag}-district`);
});
afterAll(() => t.close());

async function newResident(householdIndex = 0) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/residents',
    headers: { cookie: secretary },
    payload: {
      householdId: f.a.householdIds[householdIndex],
      name: '钱多多',
      docType: 'resident_id',
      docNumber: syntheticId('19850505'),
      relationToHead: 'other',
      residenceType: 'floating',
    },
  });
  return res.json().resident.id as number;
}

const healthy = {
  leftCity: false,
  contactConfirmedCase: false,
  contactRiskAreaPeople: false,
  symptoms: [] as string[],
};

async function declare(residentId: number, answers: Record<string, unknown>, cookie = secretary) {
  return t.app.inject({
    method: 'POST',
    url: '/api/declarations',
    headers: { cookie },
    payload: { residentId, channel: 'door_to_door', ...healthy, ...answers },
  });
}

describe('declarations turn into statuses', () => {
  it('refers a person with 37.6 °C to the clinic and keeps the health answers encrypted', async () => {
    const id = await newResident();
    const res = await declare(id, { temperature: 37.6 });
    expect(res.statusCode).toBe(201);
    expect(res.json().declaration.status).toBe('referred_to_clinic');
    const raw = await t.services.database.pool.query(
      'select answers_cipher from declarations where resident_id = $1',
      [id],
    );
    expect(raw.rows[0].answers_cipher).not.toContain('37.6');
    const status = (
      await t.app.inject({
        method: 'GET',
        url: `/api/residents/${id}/status`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(status.status.status).toBe('referred_to_clinic');
    expect(status.history).toHaveLength(1);
  });

  it('puts someone back from a high-risk area in home observation, and releases them when the area is lifted', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/risk-areas',
      headers: { cookie: officer },
      payload: {
        regionCode: REGION,
        regionName: '测试高风险区',
        level: 'high',
        validFrom: addDays(today, -30),
      },
    });
    expect(created.statusCode).toBe(201);
    const id = await newResident(1);
    const returned = addDays(today, -3);
    const res = await declare(id, {
      leftCity: true,
      originRegion: REGION,
      returnDate: returned,
      transport: 'rail',
      transportNumber: 'G502',
    });
    expect(res.json().declaration).toMatchObject({
      status: 'home_observation',
      observationUntil: addDays(returned, 14),
    });

    const lifted = await t.app.inject({
      method: 'DELETE',
      url: `/api/risk-areas/${created.json().riskArea.id}`,
      headers: { cookie: officer },
    });
    expect(lifted.statusCode).toBe(204);
    const status = (
      await t.app.inject({
        method: 'GET',
        url: `/api/residents/${id}/status`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(status.status.status).toBe('normal');
    expect(status.history[0]).toMatchObject({
      fromStatus: 'home_observation',
      toStatus: 'normal',
      cause: 'risk_area_change',
    });
    expect(status.history[0].reason.zh).toContain('测试高风险区');
    const changes = (
      await t.app.inject({ method: 'GET', url: '/api/status-changes', headers: { cookie: secretary } })
    ).json();
    expect(changes.items[0]).toMatchObject({
      residentId: id,
      fromStatus: 'home_observation',
      toStatus: 'normal',
      cause: 'risk_area_change',
    });
    const listed = (
      await t.app.inject({
        method: 'GET',
        url: '/api/declarations?status=normal',
        headers: { cookie: secretary },
      })
    ).json();
    expect(listed.items.find((d: { residentId: number }) => d.residentId === id)).toMatchObject({
      status: 'home_observation',
      currentStatus: 'normal',
    });
  });

  it('lists declarations with filters, only inside the scope', async () => {
    const list = (
      await t.app.inject({
        method: 'GET',
        url: `/api/declarations?status=referred_to_clinic`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(list.items.length).toBeGreaterThanOrEqual(1);
    expect(list.items.every((d: { status: string }) => d.status === 'referred_to_clinic')).toBe(true);
    expect(JSON.stringify(list)).not.toContain('37.6');
    const other = await login(t, f.b.usernames.community_secretary);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/declarations', headers: { cookie: other } })).json()
        .total,
    ).toBe(0);
  });

  it('exports the list as Excel, masked and audited, only inside the scope', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/declarations/export',
      headers: { cookie: secretary },
    });
    expect(res.statusCode).toBe(200);
    const sheet = (await loadWorkbook(res.rawPayload)).worksheets[0];
    expect(sheet?.getRow(1).values).toContain('当前状态');
    expect((sheet?.rowCount ?? 0) - 1).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(sheet?.getSheetValues())).not.toMatch(/\d{17}[\dX]|37\.6/);
    // The door names its compound before the building: several compounds each have a "1号楼".
    const header = sheet?.getRow(1).values as unknown[];
    const firstRow = sheet?.getRow(2);
    expect(String(firstRow?.getCell(header.indexOf('住址')).value)).toMatch(
      new RegExp(`^${f.a.compound.name} \\d号楼`),
    );
    const other = await login(t, f.b.usernames.community_secretary);
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/api/declarations/export?communityId=${f.a.community.id}`,
      headers: { cookie: other },
    });
    expect((await loadWorkbook(theirs.rawPayload)).worksheets[0]?.rowCount).toBe(1);
    const audit = (
      await t.app.inject({ method: 'GET', url: '/api/audit?action=export', headers: { cookie: secretary } })
    ).json();
    expect(audit.items.some((a: { entity: string }) => a.entity === 'declaration')).toBe(true);
  });

  it('lets a volunteer record at the door in their buildings only, and refuses bad answers', async () => {
    const volunteer = await login(t, f.a.usernames.volunteer);
    const own = await newResident(0);
    expect((await declare(own, { temperature: 36.5 }, volunteer)).statusCode).toBe(201);
    const elsewhere = await newResident(2);
    expect((await declare(elsewhere, {}, volunteer)).statusCode).toBe(404);
    expect((await declare(own, { temperature: 73 })).statusCode).toBe(400);
    expect((await declare(own, { leftCity: true })).json().error.field).toBe('returnDate');
    expect((await declare(own, { returnDate: addDays(today, 2), leftCity: true })).statusCode).toBe(400);
  });

  it('imports a risk-area list from Excel whole, or reports every bad row', async () => {
    const upload = async (rows: unknown[][]) => {
      const body = await xlsxBuffer((wb) => {
        const ws = wb.addWorksheet('风险地区');
        ws.addRow(['地区代码', '地区名称', '风险等级', '开始日期', '结束日期']);
        for (const row of rows) ws.addRow(row);
      });
      const boundary = 'dashuboundary';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="risk.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        body,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: '/api/risk-areas/import',
        headers: { cookie: officer, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    };
    const bad = await upload([
      ['65900', '测试', '高', today],
      ['659002', '测试二', '极高', 'yesterday'],
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('第2行');
    expect(bad.json().error.message).toContain('第3行');
    const good = await upload([
      ['659003', '测试三', '中', today],
      ['659004', '测试四', '低风险', today, addDays(today, 7)],
    ]);
    expect(good.json()).toEqual({ imported: 2, unchanged: 0 });
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/risk-areas', headers: { cookie: secretary } })
    ).json();
    expect(
      list.items.filter((a: { regionCode: string }) => ['659003', '659004'].includes(a.regionCode)),
    ).toHaveLength(2);
  });

  it('takes a new version of the rules from a district officer and re-judges people by it', async () => {
    const current = (
      await t.app.inject({ method: 'GET', url: '/api/status-rules', headers: { cookie: secretary } })
    ).json();
    expect(current.rules.length).toBeGreaterThan(3);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/status-rules',
      headers: { cookie: officer },
      payload: { rules: [{ id: 'x' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/第1条规则/);
    // Stricter clinic threshold: 36.5 °C now counts as a fever.
    const stricter = current.rules.map((rule: { id: string; when: unknown }) =>
      rule.id === current.rules[0].id ? { ...rule, when: { temperatureAtLeast: 36.5 } } : rule,
    );
    const id = await newResident(1);
    expect((await declare(id, { temperature: 36.6 })).json().declaration.status).toBe('normal');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/status-rules',
      headers: { cookie: officer },
      payload: { rules: stricter },
    });
    expect(res.statusCode).toBe(200);
    const status = (
      await t.app.inject({
        method: 'GET',
        url: `/api/residents/${id}/status`,
        headers: { cookie: secretary },
      })
    ).json();
    expect(status.status.status).toBe('referred_to_clinic');
    expect(status.history[0]).toMatchObject({ cause: 'rule_change' });
    // Back to the defaults, so other test files see the usual rules.
    await t.app.inject({
      method: 'PUT',
      url: '/api/status-rules',
      headers: { cookie: officer },
      payload: { rules: current.rules },
    });
  });

  it('deletes health answers once their purge date has passed, keeping the outline', async () => {
    const id = await newResident(0);
    const made = (await declare(id, { temperature: 36.8 })).json().declaration;
    await t.services.database.pool.query(
      `update declarations set purge_after = current_date - 1 where id = $1`,
      [made.id],
    );
    expect(await t.services.declarations.purgeDue()).toBeGreaterThanOrEqual(1);
    const row = await t.services.database.pool.query(
      'select answers_cipher, status from declarations where id = $1',
      [made.id],
    );
    expect(row.rows[0]).toEqual({ answers_cipher: null, status: 'normal' });
  });

  it('lets only district officers change risk areas', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/risk-areas',
      headers: { cookie: secretary },
      payload: { regionCode: '110101', regionName: '东城区', level: 'low', validFrom: today },
    });
    expect(res.statusCode).toBe(403);
  });
});
