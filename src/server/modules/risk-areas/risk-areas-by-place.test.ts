import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { addResident, type City, createCity, declareFor, statusOf } from '../../test/city-fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { xlsxBuffer } from '../imports/roster/test-fixtures';

let t: TestApp;
let c: City;
const today = beijingToday();
// Region codes of Xinjiang's county-level cities: no other test file uses them.
const CY_REGION = '659002';
const SHARED_REGION = '659003';
const CITY_REGION = '659004';

beforeAll(async () => {
  t = await createTestApp();
  c = await createCity(t);
});
afterAll(() => t.close());

const area = (regionCode: string, extra: object = {}) => ({
  regionCode,
  regionName: `测试地区${regionCode}`,
  level: 'high',
  validFrom: addDays(today, -30),
  ...extra,
});
const call = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const backFrom = (region: string) => ({
  leftCity: true,
  originRegion: region,
  returnDate: addDays(today, -3),
  transport: 'rail',
  transportNumber: 'G1',
});

async function importFile(cookie: string, rows: unknown[][], placeId?: number) {
  const body = await xlsxBuffer((wb) => {
    const ws = wb.addWorksheet('风险地区');
    ws.addRow(['地区代码', '地区名称', '风险等级', '开始日期', '结束日期']);
    for (const row of rows) ws.addRow(row);
  });
  const boundary = 'dashuboundary';
  return t.app.inject({
    method: 'POST',
    url: `/api/risk-areas/import${placeId ? `?placeId=${placeId}` : ''}`,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="risk.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

describe('risk areas belong to a place', () => {
  let cyAreaId: number;

  it('keeps Haidian off Chaoyang’s areas: no edit, lift, import or create there', async () => {
    const created = await call(c.chaoyang.officer, 'POST', '/api/risk-areas', area(CY_REGION));
    expect(created.statusCode).toBe(201);
    cyAreaId = created.json().riskArea.id;

    const hd = c.haidian.officer;
    expect(
      (await call(hd, 'PUT', `/api/risk-areas/${cyAreaId}`, area(CY_REGION, { level: 'low' }))).statusCode,
    ).toBe(404);
    expect((await call(hd, 'DELETE', `/api/risk-areas/${cyAreaId}`)).statusCode).toBe(404);
    expect(created.json().riskArea.placeId).toBe(c.chaoyang.district.id);
    const placed = { ...area(CY_REGION, { level: 'medium' }), placeId: c.chaoyang.district.id };
    expect((await call(hd, 'POST', '/api/risk-areas', placed)).statusCode).toBe(404);
    expect(
      (await importFile(hd, [[CY_REGION, '测试', '低', today]], c.chaoyang.district.id)).statusCode,
    ).toBe(404);
    expect((await call(hd, 'GET', `/api/risk-areas?placeId=${c.chaoyang.district.id}`)).statusCode).toBe(404);
    // Haidian's own list does not carry it; Chaoyang's area is still current at its level.
    const own = (await call(hd, 'GET', '/api/risk-areas')).json().items;
    expect(own.some((a: { id: number }) => a.id === cyAreaId)).toBe(false);
    const theirs = (await call(c.chaoyang.local.secretary, 'GET', '/api/risk-areas')).json().items;
    expect(theirs.find((a: { id: number }) => a.id === cyAreaId)).toMatchObject({
      level: 'high',
      placeName: '朝阳区',
      editable: false,
    });
  });

  it('re-judges only the residents under the place that changed', async () => {
    const hd = await addResident(t, c.haidian.local);
    const cy = await addResident(t, c.chaoyang.local);
    expect(await declareFor(t, c.haidian.local, hd, backFrom(SHARED_REGION))).toBe('normal');
    expect(await declareFor(t, c.chaoyang.local, cy, backFrom(SHARED_REGION))).toBe('normal');
    const created = await call(c.haidian.officer, 'POST', '/api/risk-areas', area(SHARED_REGION));
    expect(created.statusCode).toBe(201);
    expect((await statusOf(t, c.haidian.local, hd)).status?.status).toBe('home_observation');
    const untouched = await statusOf(t, c.chaoyang.local, cy);
    expect(untouched.status?.status).toBe('normal');
    expect(untouched.history.map((h) => h.cause)).toEqual(['declaration']);
    // A Chaoyang resident back from Chaoyang's own high-risk region is judged by it.
    const cyBack = await addResident(t, c.chaoyang.local);
    expect(await declareFor(t, c.chaoyang.local, cyBack, backFrom(CY_REGION))).toBe('home_observation');
    // …and Chaoyang lifting it re-judges that resident, not Haidian's.
    expect((await call(c.chaoyang.officer, 'DELETE', `/api/risk-areas/${cyAreaId}`)).statusCode).toBe(204);
    expect((await statusOf(t, c.chaoyang.local, cyBack)).status?.status).toBe('normal');
    expect((await statusOf(t, c.haidian.local, hd)).history).toHaveLength(2);
  });

  it('gives a community the areas of every place above it; those above read-only', async () => {
    const city = await call(c.rootOfficer, 'POST', '/api/risk-areas', area(CITY_REGION, { level: 'medium' }));
    expect(city.statusCode).toBe(201);
    expect(city.json().riskArea.placeId).toBe(c.city.id);
    const resident = await addResident(t, c.chaoyang.local);
    expect(await declareFor(t, c.chaoyang.local, resident, backFrom(CITY_REGION))).toBe('to_verify');

    const seen = (await call(c.haidian.officer, 'GET', '/api/risk-areas')).json().items;
    const byRegion = (code: string) => seen.find((a: { regionCode: string }) => a.regionCode === code);
    expect(byRegion(CITY_REGION)).toMatchObject({ placeName: c.city.name, editable: false });
    expect(byRegion(SHARED_REGION)).toMatchObject({ placeName: '海淀区', editable: true });
    // What is set above is not the district's to change.
    const cityId = city.json().riskArea.id;
    expect((await call(c.haidian.officer, 'DELETE', `/api/risk-areas/${cityId}`)).statusCode).toBe(404);
    // The root officer sees the districts' own areas below it and may change them.
    const all = (await call(c.rootOfficer, 'GET', '/api/risk-areas')).json().items;
    expect(all.filter((a: { editable: boolean }) => a.editable).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses an identical area (same place, region and level, overlapping dates) in Chinese', async () => {
    const hd = c.haidian.officer;
    const ended = area('659008', { validFrom: addDays(today, -30), validTo: addDays(today, -10) });
    expect((await call(hd, 'POST', '/api/risk-areas', ended)).statusCode).toBe(201);
    const overlapping = area('659008', { validFrom: addDays(today, -12) });
    const again = await call(hd, 'POST', '/api/risk-areas', overlapping);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'duplicate_risk_area', field: 'regionCode' });
    expect(again.json().error.message).toContain('海淀区已设有相同的风险地区');
    // Dates that do not overlap, another level, or another place: not the same area.
    expect(
      (await call(hd, 'POST', '/api/risk-areas', area('659008', { validFrom: addDays(today, -9) })))
        .statusCode,
    ).toBe(201);
    const low = await call(hd, 'POST', '/api/risk-areas', { ...ended, level: 'low' });
    expect(low.statusCode).toBe(201);
    const sub = { ...ended, placeId: c.haidian.subdistrict.id };
    expect((await call(hd, 'POST', '/api/risk-areas', sub)).statusCode).toBe(201);
    // Changing one into a copy of another is refused too.
    expect((await call(hd, 'PUT', `/api/risk-areas/${low.json().riskArea.id}`, ended)).statusCode).toBe(409);
    // A list naming the same area twice says which rows.
    const twice = await importFile(hd, [
      ['659005', '测试五', '高', today],
      ['659005', '测试五', '高风险', addDays(today, 1)],
    ]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toContain('第3行：与第2行重复');
  });

  it('imports a list for the officer’s place or a place under it; the same list again changes nothing', async () => {
    const rows = [
      ['659006', '测试六', '中', today],
      ['659007', '测试七', '低', today, addDays(today, 7)],
    ];
    const first = await importFile(c.haidian.officer, rows, c.haidian.subdistrict.id);
    expect(first.json()).toEqual({ imported: 2, unchanged: 0 });
    expect((await importFile(c.haidian.officer, rows, c.haidian.subdistrict.id)).json()).toEqual({
      imported: 0,
      unchanged: 2,
    });
    const list = (await call(c.haidian.subOfficer, 'GET', '/api/risk-areas')).json().items;
    const imported = list.filter((a: { regionCode: string }) => ['659006', '659007'].includes(a.regionCode));
    expect(imported).toHaveLength(2);
    expect(imported.every((a: { placeName: string }) => a.placeName === '海淀街道')).toBe(true);
    // Read by the sub-district officer, whose role does not set risk areas.
    expect(imported.every((a: { editable: boolean }) => !a.editable)).toBe(true);
    const chaoyang = (await call(c.chaoyang.local.secretary, 'GET', '/api/risk-areas')).json().items;
    expect(chaoyang.some((a: { regionCode: string }) => a.regionCode === '659006')).toBe(false);
  });
});
