import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, beijingToday } from '../src/shared/time/beijing';
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

const daysAgo = (n: number) => addDays(beijingToday(), -n);

async function desk(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('dashu-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
  return page;
}

/** Opens an antd select and picks the option whose text contains `text` (typed to filter first). */
async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option', { hasText: text }).first().click();
}

describe('rules and risk areas belong to a place', () => {
  it('a district officer sees the city’s risk areas read-only and adds one for a sub-district', async () => {
    // The city (the root account) lists Sanya as medium risk for the whole installation.
    const root = await apiAs(baseUrl, 'admin');
    const city = await root.post<{ riskArea: { id: number } }>('/risk-areas', {
      regionCode: '460200',
      regionName: '海南省三亚市',
      level: 'medium',
      validFrom: daysAgo(10),
    });

    const page = await desk('haidian');
    await page.goto(`${baseUrl}/admin/risk-areas`);
    const table = page.getByTestId('risk-areas-table');
    const cityRow = table.locator('tr', { hasText: '海南省三亚市' });
    await cityRow.getByText('上级设定').waitFor();
    await expect.poll(() => cityRow.getByText('北京市').count()).toBe(1);
    expect(await page.getByTestId(`edit-risk-area-${city.riskArea.id}`).count()).toBe(0);

    // Haidian adds Qiongzhong as high risk for Ganjiakou sub-district only.
    await page.getByTestId('add-risk-area').click();
    await pick(page, 'risk-area-place', '甘家口');
    await page.getByTestId('risk-area-region').click();
    await page.keyboard.type('琼中');
    await page.locator('.ant-cascader-menu-item', { hasText: '琼中' }).first().click();
    await page.getByTestId('risk-area-level').getByText('高风险').click();
    await page.getByTestId('risk-area-save').click();
    await page.getByText('已保存，相关居民的状态已重新判定').waitFor();
    const own = table.locator('tr', { hasText: '琼中' });
    await own.getByText('甘家口街道').waitFor();
    expect(await own.getByRole('button', { name: '调整' }).count()).toBe(1);

    // The same area again is refused, in words.
    await page.getByTestId('add-risk-area').click();
    await pick(page, 'risk-area-place', '甘家口');
    await page.getByTestId('risk-area-region').click();
    await page.keyboard.type('琼中');
    await page.locator('.ant-cascader-menu-item', { hasText: '琼中' }).first().click();
    await page.getByTestId('risk-area-level').getByText('高风险').click();
    await page.getByTestId('risk-area-save').click();
    await page.getByText('甘家口街道已设有相同的风险地区').waitFor();
    await page.screenshot({ path: '.e2e-artifacts/risk-areas-by-place.png', fullPage: true });
    await page.close();
  });

  it('a district officer sets rules for a sub-district; its community reads who set them', async () => {
    const page = await desk('haidian');
    await page.goto(`${baseUrl}/admin/status-rules`);
    await page.getByTestId('rules-inherited').waitFor();
    await pick(page, 'rules-place', '甘家口');
    await page.getByTestId('rules-edit').filter({ hasText: '为甘家口街道制定规则' }).click();
    await page.getByTestId('rules-save').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await page.getByTestId('rules-saved').waitFor();
    await page.getByTestId('rules-set-at').filter({ hasText: '由甘家口街道设定' }).waitFor();
    await page.screenshot({ path: '.e2e-artifacts/status-rules-by-place.png', fullPage: true });
    await page.close();

    // Gongyun (under Ganjiakou) reads the sub-district's set; Ziluoyuan (Chaoyang) still the defaults.
    const gongyun = await desk('gongyun');
    await gongyun.goto(`${baseUrl}/admin/status-rules`);
    await gongyun.getByTestId('rules-set-at').filter({ hasText: '由甘家口街道设定' }).waitFor();
    expect(await gongyun.getByTestId('rules-edit').count()).toBe(0);
    await gongyun.close();
    const ziluoyuan = await desk('ziluoyuan');
    await ziluoyuan.goto(`${baseUrl}/admin/status-rules`);
    await ziluoyuan.getByTestId('rules-default').waitFor();
    await ziluoyuan.close();
  });
});
