import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPhone } from './browser';

let browser: Browser;
let page: Page;
const baseUrl = inject('baseUrl');
const shots = path.resolve('.e2e-artifacts');

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
});

describe('the accounts page', () => {
  it('the Ziluoyuan secretary creates a volunteer with a sign-in slip, and the volunteer signs in', async () => {
    const username = `e2e-vol-${Math.random().toString(36).slice(2, 8)}`;
    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel('用户名').fill('ziluoyuan');
    await page.getByLabel('密码').fill('dashu-demo');
    await page.getByTestId('login-submit').click();
    // She opens on her community's dashboard (her work), not the place tree; the menu is used once the
    // sign-in's own navigation is over, else a click would be overtaken by it.
    await page.waitForURL(/\/admin\/dashboards\/\d+$/);
    // The menu's badges: the people who registered themselves, as the server counts them in her scope.
    const waiting = await page.evaluate(async () => (await fetch('/api/waiting')).json());
    expect(waiting).toEqual({
      selfRegistrations: expect.any(Number),
      declarationReviews: expect.any(Number),
      requestsOverdue: expect.any(Number),
    });
    await expect
      .poll(() => page.getByTestId('menu-residents-count').textContent())
      .toBe(badgeText(waiting.selfRegistrations));
    await page.screenshot({ path: path.join(shots, 'landing-secretary-dashboard.png') });
    // The side menu folds to its icons, and unfolds.
    await page.getByTestId('collapse-menu').click();
    await expect.poll(async () => (await page.locator('.ant-layout-sider').boundingBox())?.width).toBe(64);
    await page.screenshot({ path: path.join(shots, 'landing-menu-folded.png') });
    await page.getByTestId('collapse-menu').click();
    await expect.poll(async () => (await page.locator('.ant-layout-sider').boundingBox())?.width).toBe(200);
    await page.getByTestId('menu-accounts').click();
    await page.getByTestId('accounts-table').getByText('zly-vol1').waitFor();

    await page.getByTestId('add-account').click();
    const drawer = page.getByTestId('account-drawer');
    await drawer.getByTestId('account-username').fill(username);
    await drawer.getByTestId('account-name').fill('紫萝园 新志愿者');
    // Volunteer is offered first, scoped to her own community; she takes the first building offered.
    expect(await drawer.getByTestId('account-role').textContent()).toContain('志愿者');
    expect(await drawer.getByTestId('account-place').textContent()).toContain('紫萝园');
    await drawer.getByTestId('account-buildings').click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const building = (await option.textContent()) ?? '';
    expect(building).toMatch(/号楼/);
    await option.click();
    await page.locator('.ant-drawer-title').click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await drawer.getByTestId('account-save').click();

    const slip = page.getByTestId('sign-in-slip');
    await slip.waitFor();
    expect(await slip.getByTestId('slip-username').textContent()).toBe(username);
    const password = (await slip.getByTestId('slip-password').textContent()) ?? '';
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(await slip.getByTestId('slip-address').textContent()).toContain(`${baseUrl}/admin/`);
    expect(await slip.getByTestId('slip-qr').locator('path').getAttribute('d')).toBeTruthy();
    // The test server is 127.0.0.1 and no public address is set: the slip says phones may not reach it.
    await page.getByTestId('local-address-warning').waitFor();
    await page.getByTestId('slip-close').click();
    const row = page.getByTestId('accounts-table').locator('tr', { hasText: username });
    await row.waitFor();
    expect(await row.textContent()).toContain(building.trim());

    const phone = await newPhone(browser);
    const mobile = await phone.newPage();
    await mobile.goto(`${baseUrl}/admin/`);
    await mobile.getByLabel('用户名').fill(username);
    await mobile.getByLabel('密码').fill(password);
    await mobile.getByTestId('login-submit').click();
    // Straight to her tasks, with no stop on the way: none assigned yet, so the page says so (not a
    // refusal, not the place tree, not the sign-in page).
    await mobile.waitForURL((url) => url.pathname === '/admin/visits');
    await mobile.locator('.ant-empty').waitFor();
    // The phone header is one line: the menu button and her name, which opens the user menu.
    const header = await mobile.locator('.ant-layout-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(72);
    await mobile.getByTestId('account-info').click();
    expect(await mobile.getByTestId('account-details').textContent()).toContain('紫萝园 新志愿者');
    await mobile.getByTestId('logout').waitFor();
    await mobile.screenshot({ path: path.join(shots, 'landing-volunteer-tasks.png') });
    await mobile.keyboard.press('Escape');
    // At /admin/ too she lands on her tasks.
    await mobile.goto(`${baseUrl}/admin/`);
    await mobile.waitForURL((url) => url.pathname === '/admin/visits');
    const me = await mobile.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.account).toMatchObject({ username, role: 'volunteer' });
    expect(me.account.scope.buildingIds).toHaveLength(1);
    await phone.close();
  });
});

/** What an antd badge shows for a count: nothing for none, 99+ past 99. */
function badgeText(count: number): string {
  if (count === 0) return '';
  return count > 99 ? '99+' : String(count);
}
