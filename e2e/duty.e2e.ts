import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './api';
import { launchBrowser, newPhone } from './browser';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A Beijing wall-clock day and time `minutes` from now. */
function beijing(minutes: number): { day: string; time: string } {
  const iso = new Date(Date.now() + 8 * 3_600_000 + minutes * 60_000).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

function photo(): Buffer {
  const image = new PNG({ width: 200, height: 150 });
  for (let i = 0; i < image.data.length; i += 4) {
    image.data[i] = 40;
    image.data[i + 1] = (i / 4) % 255;
    image.data[i + 2] = 90;
    image.data[i + 3] = 255;
  }
  return PNG.sync.write(image);
}

describe('gate duty', () => {
  it('the secretary rosters a guard, the guard checks in from the gate app, the secretary inspects the gate', async () => {
    const office = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await office.request.post(`${baseUrl}/api/auth/login`, {
      data: { username: 'gongyun', password: 'dashu-demo' },
    });
    const page = await office.newPage();
    await page.goto(`${baseUrl}/admin/access/duty`);
    const gateSelect = page.getByTestId('duty-gate');
    await gateSelect.waitFor();
    await gateSelect.click();
    await page.locator('.ant-select-item-option', { hasText: '43号院大门' }).click();

    // A shift that covers now: from two minutes ago for three hours (checking in now is on time).
    const secretary = await apiAs(baseUrl, 'gongyun');
    const gates = await secretary.get<{ items: Array<{ id: number; name: string; compoundName: string }> }>(
      '/access/gates',
    );
    const gate = gates.items.find((g) => `${g.compoundName}${g.name}`.includes('43号院大门')) as {
      id: number;
    };
    const people = await secretary.get<{ items: Array<{ id: number; displayName: string }> }>(
      `/access/shifts/accounts?gateId=${gate.id}`,
    );
    const guard = people.items.find((p) => p.displayName === '工运社区 门岗 马志刚');
    expect(guard).toBeDefined();
    const start = beijing(-2);
    const end = beijing(175);
    const form = page.getByTestId('shift-form');
    await form.locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: '马志刚' }).last().click();
    const dates = form.locator('input[type=date]');
    await dates.nth(0).fill(start.day);
    await dates.nth(1).fill(start.day);
    const times = form.locator('input[type=time]');
    await times.nth(0).fill(start.time);
    await times.nth(1).fill(end.time);
    await form.getByRole('button', { name: '每天排这个班' }).click();
    await page.getByText('已排 1 个班次').waitFor();
    const grid = page.getByTestId('duty-grid');
    await grid.waitFor();

    // The guard, on the gate app.
    const phone = await newPhone(browser);
    const gateApp = await phone.newPage();
    await gateApp.goto(`${baseUrl}/gate/`);
    await gateApp.getByTestId('g-username').fill('gy-gate1');
    await gateApp.getByTestId('g-password').fill('dashu-demo');
    await gateApp.getByTestId('g-login').click();
    await gateApp.getByRole('button', { name: /43号院大门/ }).click();
    await gateApp.getByTestId('g-check-in').click();
    await gateApp.getByTestId('g-checked-in').waitFor();
    await gateApp.screenshot({ path: '.e2e-artifacts/duty-check-in.png' });
    await phone.close();

    // The roster shows the guard on time; the secretary walks by and records an inspection with a photo.
    await page.reload();
    await gateSelect.click();
    await page.locator('.ant-select-item-option', { hasText: '43号院大门' }).click();
    await expect
      .poll(() => page.getByText(/已签到 \d\d:\d\d/).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const inspection = page.getByTestId('inspection-form');
    for (const item of ['有人值守', '体温计正常']) await inspection.getByText(item, { exact: true }).click();
    await inspection.locator('textarea').fill('夜班两人在岗，登记本记录完整');
    await inspection
      .locator('input[type=file]')
      .setInputFiles({ name: 'gate.png', mimeType: 'image/png', buffer: photo() });
    await inspection.getByRole('button', { name: '保存巡查记录' }).click();
    await page.getByText('夜班两人在岗，登记本记录完整').last().waitFor();
    await expect.poll(() => page.getByText('查看照片').count()).toBeGreaterThan(0);
    const photoUrl = await page.getByText('查看照片').first().getAttribute('href');
    const served = await page.evaluate(async (url) => {
      const res = await fetch(url as string);
      return [res.status, res.headers.get('content-type'), res.headers.get('x-content-type-options')];
    }, photoUrl);
    expect(served).toEqual([200, 'image/jpeg', 'nosniff']);
    // The form is empty again, the photo included.
    expect(await inspection.locator('input[type=file]').inputValue()).toBe('');
    await page.screenshot({ path: '.e2e-artifacts/duty-console.png', fullPage: true });
    await office.close();
  });
});
