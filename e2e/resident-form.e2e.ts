import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { residentIdCheckChar } from '../src/shared/identity';
import { addDays, beijingToday } from '../src/shared/time/beijing';
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

const daysAgo = (n: number) => addDays(beijingToday(), -n);

describe('the resident registration form on a phone', () => {
  it('a resident back from a high-risk area with 37.6 °C is referred, and the secretary sees why', async () => {
    // Set-up as staff would do it: Wuchang (Wuhan) is high-risk; Gongyun prints a poster for No. 43 courtyard.
    const officer = await apiAs(baseUrl, 'haidian');
    await officer.post('/risk-areas', {
      regionCode: '420106',
      regionName: '湖北省武汉市武昌区',
      level: 'high',
      validFrom: daysAgo(30),
    });
    const secretary = await apiAs(baseUrl, 'gongyun');
    const roots = await secretary.get<{ items: Array<{ id: number }> }>('/places/roots');
    const community = await secretary.get<{ children: Array<{ id: number; name: string }> }>(
      `/places/${roots.items[0]?.id}`,
    );
    const courtyard = community.children.find((c) => c.name === '43号院');
    const { poster } = await secretary.post<{ poster: { path: string } }>('/posters', {
      placeId: courtyard?.id,
    });

    const phone = await newPhone(browser);
    const page = await phone.newPage();
    await page.goto(`${baseUrl}${poster.path}`);
    const first17 = `42010619850315${String(100 + Math.floor(Math.random() * 800))}`;
    const id = first17 + residentIdCheckChar(first17);
    const name = `返京${id.slice(-3)}`;
    await page.getByTestId('rf-name').fill(name);
    await page.getByTestId('rf-docNumber').fill(id);
    await page.getByTestId('rf-phone').fill('13800138000');
    await page.getByTestId('rf-building').selectOption({ label: '1号楼' });
    await page.getByTestId('rf-entrance').selectOption({ index: 1 });
    await page.getByTestId('rf-room').fill('1101');
    await page.getByTestId('rf-left-yes').click();
    await page.getByTestId('rf-province').selectOption('420000');
    await page.getByTestId('rf-city').selectOption('420100');
    await page.getByTestId('rf-county').selectOption('420106');
    await page.getByTestId('rf-return-date').fill(daysAgo(3));
    await page.getByTestId('rf-transport-rail').click();
    await page.getByTestId('rf-contact-confirmed-no').click();
    await page.getByTestId('rf-contact-risk-no').click();
    await page.getByTestId('rf-symptom-none').click();
    await page.getByTestId('rf-temperature').fill('37.6');
    await page.getByTestId('rf-home-yes').click();
    await page.getByTestId('rf-consent').check();
    await page.getByTestId('rf-submit').click();
    await page
      .getByTestId('receipt')
      .waitFor({ timeout: 15_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: '.e2e-artifacts/resident-form-failed.png', fullPage: true });
        throw error;
      });
    expect(await page.getByTestId('receipt-status').textContent()).toContain('转诊');
    expect(await page.getByTestId('receipt-reason').textContent()).toContain('37.3');
    await page.screenshot({ path: '.e2e-artifacts/resident-receipt.png', fullPage: true });
    await phone.close();

    // The secretary's console: the person is referred, with the reason.
    const desk = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
    await desk.goto(`${baseUrl}/admin/`);
    await desk.getByLabel('用户名').fill('gongyun');
    await desk.getByLabel('密码').fill('dashu-demo');
    await desk.getByTestId('login-submit').click();
    await desk.waitForURL(/\/admin\/dashboards\/\d+$/);
    await desk.goto(`${baseUrl}/admin/declarations`);
    const row = desk.getByTestId('declarations-table').locator('tr', { hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('转诊');
    await row.getByRole('link', { name }).click();
    // The card's title shows before its data: wait for the status itself.
    await desk.getByTestId('status-current').filter({ hasText: '转诊' }).waitFor();
    const card = await desk.getByTestId('status-card').textContent();
    expect(card).toContain('37.3');
    await desk.screenshot({ path: '.e2e-artifacts/secretary-status.png', fullPage: true });
    await desk.close();
  });
});
