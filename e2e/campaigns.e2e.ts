import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './api';
import { launchBrowser, setSignal } from './browser';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, username: string) {
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('dashu-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').or(page.getByTestId('open-menu')).first().waitFor();
}

async function recordVisit(page: Page, index: number, outcome: string) {
  const row = page.getByTestId('household-row').nth(index);
  const room = await row.getAttribute('data-room');
  await row.click();
  const sheet = page.getByTestId('visit-form');
  await sheet.waitFor();
  await sheet.getByTestId('visit-outcome').getByText(outcome, { exact: true }).click();
  await sheet.getByTestId('visit-notes').fill('夜间排查');
  if (outcome === '入户排查') await page.screenshot({ path: '.e2e-artifacts/campaign-visit-sheet.png' });
  await sheet.getByTestId('visit-save').click();
  await sheet.waitFor({ state: 'detached' });
  return room;
}

describe('a night screening sweep', () => {
  it('secretary starts and assigns, the volunteer records on a phone (also offline), progress updates live', async () => {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const office = await desk.newPage();
    await signIn(office, 'gongyun');
    await office.goto(`${baseUrl}/admin/campaigns`);
    await office.getByTestId('new-campaign').click();
    await office.getByTestId('campaign-name').fill('1月23日夜间入户排查');
    await office.getByTestId('start-campaign').click();
    await office.getByTestId('campaign-title').waitFor();
    const campaignId = Number(new URL(office.url()).pathname.split('/').pop());
    expect(campaignId).toBeGreaterThan(0);

    // Two buildings to the volunteer who covers them, in one go.
    await office.getByRole('tab', { name: '分派楼栋' }).click();
    for (const building of ['2号楼', '3号楼']) {
      await office
        .getByRole('row')
        .filter({ has: office.locator('b', { hasText: new RegExp(`^${building}$`) }) })
        .getByRole('checkbox')
        .check();
    }
    await office.getByTestId('assign-person').click();
    await office.locator('.ant-select-item-option', { hasText: '吴秀兰' }).click();
    await office.getByTestId('assign-selected').click();
    await expect.poll(() => office.getByTestId('assignee').count()).toBe(2);
    await office.screenshot({ path: '.e2e-artifacts/campaign-assign.png', fullPage: true });
    await office.getByRole('tab', { name: '实时进度' }).click();
    await office.getByTestId('campaign-progress').waitFor();

    // The volunteer, on a phone.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const mobile = await phone.newPage();
    await signIn(mobile, 'gy-vol1');
    await mobile.goto(`${baseUrl}/admin/visits`);
    await mobile.getByTestId('my-campaign').filter({ hasText: '1月23日夜间入户排查' }).click();
    await mobile.getByTestId('household-row').first().waitFor();
    const before = await mobile.getByTestId('visits-left').textContent();

    await recordVisit(mobile, 0, '入户排查');
    await recordVisit(mobile, 0, '电话排查');
    const nobodyRoom = await recordVisit(mobile, 0, '无人在家');
    await expect.poll(() => mobile.getByTestId('queue-banner').count()).toBe(0);
    expect(await mobile.getByTestId('visits-left').textContent()).not.toBe(before);
    await mobile.screenshot({ path: '.e2e-artifacts/campaign-phone.png' });

    // The secretary's page follows without a reload.
    const counts = async () =>
      Promise.all(
        ['door', 'phone', 'nobody_home'].map((o) => office.getByTestId(`count-${o}`).textContent()),
      );
    await expect.poll(counts, { timeout: 15_000 }).toEqual(['入户排查：1', '电话排查：1', '无人在家：1']);
    await office.screenshot({ path: '.e2e-artifacts/campaign-progress.png', fullPage: true });
    await office.getByRole('tab', { name: '电话随访' }).click();
    const queue = office.getByTestId('phone-queue');
    await queue.getByRole('row').nth(1).waitFor();
    expect(await queue.getByRole('row').count()).toBe(2);
    expect(await queue.textContent()).toContain(nobodyRoom ?? '?');

    // Weak signal: the visit stays on the phone, then goes exactly once.
    await setSignal(phone, false);
    await mobile.getByTestId('offline-banner').waitFor();
    await recordVisit(mobile, 1, '空置房');
    await mobile.getByTestId('queue-banner').waitFor();
    await mobile.screenshot({ path: '.e2e-artifacts/campaign-offline.png' });
    // The page reopens with no signal (service worker, lists kept on the phone), the visit still waiting.
    await mobile.reload();
    await mobile.getByTestId('queue-banner').waitFor();
    await mobile.getByTestId('visits-left').waitFor();
    await setSignal(phone, true);
    await mobile.getByTestId('queue-banner').waitFor({ state: 'detached', timeout: 30_000 });

    const volunteer = await apiAs(baseUrl, 'gy-vol1');
    const mine = await volunteer.get<{ items: Array<{ id: number; outcome: string | null }> }>(
      `/campaigns/${campaignId}/my-households`,
    );
    const vacant = mine.items.filter((h) => h.outcome === 'vacant');
    expect(vacant).toHaveLength(1);
    const visits = await volunteer.get<{ items: unknown[] }>(
      `/campaigns/${campaignId}/targets/${vacant[0]?.id}/visits`,
    );
    expect(visits.items).toHaveLength(1);
    const progress = await (await apiAs(baseUrl, 'gongyun')).get<{
      byOutcome: Record<string, number>;
      byHour: Array<{ visits: number }>;
    }>(`/campaigns/${campaignId}/progress`);
    expect(progress.byOutcome).toMatchObject({ door: 1, phone: 1, nobody_home: 1, vacant: 1 });
    expect(progress.byHour.reduce((n, h) => n + h.visits, 0)).toBe(4);

    // The building grid, coloured by this sweep, leads to the building's profile.
    await office.goto(`${baseUrl}/admin/buildings`);
    await office.getByTestId('grid-measure').getByText('排查完成率').click();
    await office.getByTestId('building-tile').first().waitFor();
    await office.screenshot({ path: '.e2e-artifacts/building-grid.png', fullPage: true });
    await office
      .getByTestId('building-tile')
      .filter({ hasText: /^2号楼/ })
      .click();
    await office.getByTestId('building-profile').waitFor();
    expect(await office.getByTestId('building-profile').textContent()).toContain('1月23日夜间入户排查');
    expect(await office.getByTestId('building-profile').textContent()).toContain('吴秀兰');
    await office.screenshot({ path: '.e2e-artifacts/building-profile.png', fullPage: true });
    await phone.close();
    await desk.close();
  });
});

describe('compounds in 紫萝园 (five compounds, each with its own 1号楼)', () => {
  it('the building grid shows five compound groups; a compound and the edited suggested split are assigned', async () => {
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const office = await desk.newPage();
    const option = (text: string) => office.locator('.ant-select-item-option:visible', { hasText: text });
    await signIn(office, 'ziluoyuan');
    await office.goto(`${baseUrl}/admin/buildings`);
    await office.getByTestId('compound-group').first().waitFor();
    const titles = await office.getByTestId('compound-title').allTextContents();
    expect(titles.map((t) => t.replace(/\d+ 栋$/, ''))).toEqual([
      '紫萝园小区',
      '东风苑',
      '将台路南里',
      '驼房营西里',
      '芳园里',
    ]);
    await office.screenshot({ path: '.e2e-artifacts/building-grid-compounds.png', fullPage: true });
    await office.getByTestId('compound-filter').click();
    await option('东风苑').click();
    await expect.poll(() => office.getByTestId('compound-group').count()).toBe(1);
    expect(await office.getByTestId('building-tile').count()).toBe(10);

    await office.goto(`${baseUrl}/admin/campaigns`);
    await office.getByTestId('new-campaign').click();
    await office.getByTestId('campaign-name').fill('紫萝园分小区排查');
    await office.getByTestId('start-campaign').click();
    await office.getByTestId('campaign-title').waitFor();
    const campaignId = Number(new URL(office.url()).pathname.split('/').pop());
    await office.getByRole('tab', { name: '分派楼栋' }).click();
    const api = await apiAs(baseUrl, 'ziluoyuan');
    const assigned = async () =>
      (await api.get<{ assignments: Array<{ displayName: string }> }>(`/campaigns/${campaignId}/assignments`))
        .assignments;

    // 东风苑 1–4号楼 to the social worker in one go.
    await office.getByTestId('assign-compound').click();
    await option('东风苑').click();
    await office.getByPlaceholder('从几号楼').fill('1');
    await office.getByPlaceholder('到几号楼').fill('4');
    await office.getByTestId('assign-compound-person').click();
    await option('陈晓燕').click();
    await office.getByTestId('assign-compound-submit').click();
    await expect.poll(async () => (await assigned()).length).toBe(4);

    // The suggested split as a table: one row changed by hand, then applied in one action.
    await office.getByTestId('suggest-people').click();
    await option('陈晓燕').click();
    await option('张敏').click();
    await office.keyboard.press('Escape');
    await office.getByTestId('suggest-run').click();
    const table = office.getByTestId('suggestion-table');
    await table.waitFor();
    expect(await table.locator('.ant-table-row').first().textContent()).toContain('紫萝园小区');
    await table.getByTestId('suggestion-person').first().click();
    await option('陈晓燕').click();
    await office.screenshot({ path: '.e2e-artifacts/campaign-suggestion-table.png', fullPage: true });
    await office.getByTestId('apply-suggestion').click();
    await expect.poll(async () => (await assigned()).length).toBe(54);
    await desk.close();
  });
});
