// Issue 17's browser test, as far as built: a sub-district officer's dashboard (her communities side by
// side), drill-down from one community's "referred to clinic" to the masked rows, a tile changing without
// a reload, the big-screen link opened without signing in showing the same totals, and the daily report
// frozen by its job downloaded as Excel (today's: the test cannot wait for yesterday's cut-off).
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './api';
import { launchBrowser } from './browser';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const symptoms = { leftCity: false, contactConfirmedCase: false, contactRiskAreaPeople: false };

describe('dashboards', () => {
  it('sub-district officer: side by side, drill-down, live tile, big screen, daily report', async () => {
    const secretary = await apiAs(baseUrl, 'gongyun');
    const officer = await apiAs(baseUrl, 'ganjiakou');
    const me = await secretary.get<{ account: { scope: { placeId: number } } }>('/auth/me');
    const gongyun = me.account.scope.placeId;
    const people = await secretary.get<{ items: { id: number }[] }>('/residents?pageSize=5');
    const [first, second] = people.items;
    if (!first || !second) throw new Error('no demo residents');
    await secretary.post('/declarations', {
      residentId: first.id,
      channel: 'phone',
      ...symptoms,
      symptoms: ['fever'],
    });

    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel('用户名').fill('ganjiakou');
    await page.getByLabel('密码').fill('dashu-demo');
    await page.getByTestId('login-submit').click();
    // Her landing page is her sub-district's dashboard, her communities side by side.
    await page.waitForURL(/\/admin\/dashboards\/\d+$/);
    const cell = page.getByTestId(`cell-${gongyun}-status.referred_to_clinic`);
    // The facts job runs at start and every minute: the number arrives without a reload.
    await expect
      .poll(async () => Number(await cell.textContent()), { timeout: 150_000, interval: 2_000 })
      .toBeGreaterThan(0);
    await page.getByTestId('as-of').waitFor();
    await page.screenshot({ path: '.e2e-artifacts/dashboards-subdistrict.png', fullPage: true });

    // A declaration submitted meanwhile changes the tile without a reload.
    const tile = page.getByTestId('tile-declarations.today').getByTestId('tile-value');
    const before = Number.parseInt((await tile.textContent()) ?? '0', 10);
    await secretary.post('/declarations', {
      residentId: second.id,
      channel: 'phone',
      ...symptoms,
      symptoms: [],
    });
    await expect
      .poll(async () => Number.parseInt((await tile.textContent()) ?? '0', 10), {
        timeout: 150_000,
        interval: 2_000,
      })
      .toBeGreaterThan(before);

    // Drill-down: the masked list behind the number, with breadcrumbs back.
    await cell.click();
    await page.waitForURL(/\/rows\/status\.referred_to_clinic$/);
    const rows = page.getByTestId('drill-rows');
    await rows.locator('tbody tr.ant-table-row').first().waitFor();
    const text = (await rows.textContent()) ?? '';
    expect(text).toMatch(/\*{4,}/);
    await page.screenshot({ path: '.e2e-artifacts/dashboards-rows.png', fullPage: true });
    await page.locator('.ant-breadcrumb a').first().click();
    await page.waitForURL(/\/admin\/dashboards\/\d+$/);
    const residentsTile = Number.parseInt(
      (await page.getByTestId('tile-people.residents').getByTestId('tile-value').textContent()) ?? '',
      10,
    );
    const subdistrict = Number(page.url().split('/').at(-1));

    // The big screen: a link the officer makes on her 数据大屏 page (shown once), opened on a wall without
    // signing in, the same totals.
    await page.getByTestId('side-menu').getByText('数据大屏').click();
    await page.getByTestId('screen-form').getByLabel('名称').fill('指挥中心');
    await page
      .getByTestId('screen-form')
      .getByRole('button', { name: /生成链接/ })
      .click();
    const shown = (await page.getByTestId('screen-link').textContent()) ?? '';
    const made = { token: shown.split('/admin/screen/')[1]?.trim() ?? '' };
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await page.getByRole('button', { name: '我已保存' }).click();
    await page.getByTestId('screen-links').getByText('指挥中心').waitFor();
    const wall = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const screen = await wall.newPage();
    await screen.goto(`${baseUrl}/admin/screen/${made.token}`);
    const wallResidents = screen.getByTestId('screen-tile-people.residents').getByTestId('screen-value');
    await wallResidents.waitFor();
    expect(Number.parseInt((await wallResidents.textContent()) ?? '', 10)).toBe(residentsTile);
    await screen.screenshot({ path: '.e2e-artifacts/dashboards-big-screen.png' });
    await wall.close();

    // The daily report: a template with a cut-off already passed is frozen by its job within a minute.
    const template = await officer.post<{ template: { id: number } }>('/reports/templates', {
      placeId: subdistrict,
      name: '防控日报',
      cutoff: '00:00',
      columns: [
        { indicator: 'people.residents', group: '人口' },
        { indicator: 'status.referred_to_clinic', group: '健康' },
        { indicator: 'declarations.today', group: '登记' },
      ],
    });
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const reportUrl = `/reports/templates/${template.template.id}/days/${day}?placeId=${subdistrict}`;
    await expect
      .poll(
        async () =>
          (await officer.get<{ rows: { state: string }[] }>(reportUrl)).rows.every(
            (r) => r.state !== 'waiting',
          ),
        { timeout: 150_000, interval: 3_000 },
      )
      .toBe(true);
    const file = await page.request.get(
      `${baseUrl}/api/reports/templates/${template.template.id}/days/${day}/export?placeId=${subdistrict}`,
    );
    expect(file.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await file.body()) as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    book.worksheets[0]?.eachRow((row) => cells.push(...(row.values as unknown[])));
    expect(cells).toContain('工运社区');
    expect(cells).toContain('合计');
    expect(cells).toContain('较前日变化');
    await context.close();
  }, 600_000);
});
