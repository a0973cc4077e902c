import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { residentIdCheckChar } from '../src/shared/identity';
import { launchBrowser } from './browser';

let browser: Browser;
let page: Page;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
});

/** A synthetic resident ID the demo cannot already hold (random sequence, a birth date the demo avoids). */
function freshId(): string {
  const sequence = String(100 + Math.floor(Math.random() * 800)).padStart(3, '0');
  const first17 = `110108193303030${sequence.slice(1)}`;
  return first17 + residentIdCheckChar(first17);
}

describe('the registry in a browser', () => {
  it('signs in, walks to a household, adds a person after fixing a wrong ID, and finds them', async () => {
    const id = freshId();
    const wrong = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    const name = `测${id.slice(-3).replace(/\D/g, '')}试`;

    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel('用户名').fill('gongyun');
    await page.getByLabel('密码').fill('dashu-demo');
    await page.getByTestId('login-submit').click();
    // The secretary opens on her community's dashboard (her work); the registry is one click away.
    await page.waitForURL(/\/admin\/dashboards\/\d+$/);
    await page.goto(`${baseUrl}/admin/places`);
    await page.getByTestId('place-children').waitFor();
    expect(await page.getByTestId('place-name').textContent()).toContain('工运社区');

    // Community → compound → building → entrance → the first door.
    for (const step of ['43号院', '1号楼', '1单元']) {
      await page.getByTestId('place-children').getByRole('link', { name: step, exact: true }).click();
      await page.getByTestId('place-name').filter({ hasText: step }).waitFor();
    }
    await page.getByTestId('household-list').getByRole('link').first().click();
    await page.getByTestId('household-label').waitFor();
    const address = await page.getByTestId('household-label').textContent();
    expect(address).toContain('1号楼');

    await page.getByTestId('add-resident').click();
    await page.getByLabel('姓名').fill(name);
    await page.getByLabel('证件号码').fill(wrong);
    const form = page.getByTestId('resident-form');
    await form.getByText(/校验/).first().waitFor();
    expect(await page.getByTestId('resident-save').isDisabled()).toBe(true);

    await page.getByLabel('证件号码').fill(id);
    await expect.poll(async () => form.getByText(/校验/).count()).toBe(0);
    await page.getByLabel('手机号').fill('13900001234');
    if ((await page.getByTestId('resident-relationToHead').textContent())?.includes('请选择') !== false) {
      await page.getByTestId('resident-relationToHead').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle('配偶').click();
    }
    await page.getByTestId('resident-save').click();
    await page.getByTestId('residents-table').getByText(name).waitFor();
    // Shown masked (region and check character only) with the age, never the birth date beside it.
    const row = page.getByTestId('residents-table').locator('tr', { hasText: name });
    expect(await row.textContent()).toContain(`${id.slice(0, 6)}***********${id.slice(-1)}`);
    expect(await row.textContent()).not.toContain(id);
    expect(await row.textContent()).toMatch(/9\d 岁/);

    await page.getByTestId('side-menu').getByText('查找居民').click();
    const searchBox = page.getByPlaceholder('姓名、手机尾号后四位或证件号码');
    await searchBox.fill(name);
    await searchBox.press('Enter');
    await page.getByRole('link', { name }).first().waitFor();
    await page.getByRole('link', { name }).first().click();
    await page.getByTestId('resident-name').filter({ hasText: name }).waitFor();
    expect(await page.getByTestId('resident-household-link').textContent()).toContain('1号楼');
    const details = page.locator('.ant-descriptions');
    expect(await details.textContent()).toContain('见证件号码');
    expect(await details.textContent()).not.toContain('1933-03-03');
    await page.screenshot({ path: '.e2e-artifacts/resident-detail.png' });

    // Editing still works without the birth date: the field is locked, the stored date kept.
    await page.getByTestId('edit-resident').click();
    expect(await page.getByTestId('resident-birthDate').isDisabled()).toBe(true);
    await page.getByTestId('resident-notes').fill('核对过');
    await page.getByTestId('resident-save').click();
    await page.getByTestId('resident-drawer').waitFor({ state: 'hidden' });
    await details.getByText('核对过').waitFor();
    expect(await details.textContent()).toMatch(/9\d 岁/);
  });
});
