import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './api';
import { launchBrowser, newPhone } from './browser';

let browser: Browser;
let page: Page;
const baseUrl = inject('baseUrl');
const shots = path.resolve('.e2e-artifacts');

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
  page = await browser.newPage({ locale: 'zh-CN', acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
});

interface Resident {
  id: number;
  name: string;
}

describe('home and centralised observation', () => {
  it('persuade task on failed eligibility; a fever from the phone link reaches the board without a reload; the Excel holds it', async () => {
    const secretary = await apiAs(baseUrl, 'gongyun');
    const me = await secretary.get<{ account: { scope: { placeId: number } } }>('/auth/me');
    const communityId = me.account.scope.placeId;
    const residents = await secretary.get<{ items: Resident[] }>(
      `/residents?communityId=${communityId}&pageSize=20`,
    );
    const [first, second] = residents.items as [Resident, Resident];

    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel('用户名').fill('gongyun');
    await page.getByLabel('密码').fill('dashu-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();

    // Home eligibility fails (shared bathroom, an elderly person at home): nothing starts, a task is made.
    await page.goto(`${baseUrl}/admin/residents/${first.id}`);
    await page.getByTestId('start-observation').click();
    const checklist = page.getByTestId('start-checklist');
    for (const item of [
      '有独立房间',
      '同住有老人、儿童、孕妇或慢性病人',
      '电话可随时联系',
      '本人同意居家观察',
    ])
      await checklist.getByText(item).click();
    await page.getByTestId('start-observation-save').click();
    await page
      .getByTestId('start-answer')
      .getByText(/劝导集中观察/)
      .waitFor();

    // Another person is in home observation; their personal link goes to their phone.
    const started = await secretary.post<{ observation: { id: number } }>('/observation/observations', {
      residentId: second.id,
      kind: 'home',
      reason: 'returnee',
      eligibility: {
        ownRoom: true,
        ownBathroom: true,
        livesWithVulnerable: false,
        reachableByPhone: true,
        consent: true,
      },
    });
    const { path: linkPath } = await secretary.post<{ path: string }>(
      `/observation/observations/${started.observation.id}/link`,
      {},
    );

    await page.goto(`${baseUrl}/admin/observation`);
    await page
      .getByTestId('observation-tasks')
      .getByText(/共用卫生间/)
      .first()
      .waitFor();
    await page.getByTestId('observation-list').getByText('居家观察').first().waitFor();
    const alertsBefore = await page.getByTestId('observation-alerts').getByText('37.8 °C').count();

    const phone = await newPhone(browser);
    const own = await phone.newPage();
    await own.goto(`${baseUrl}${linkPath}`);
    await own.getByTestId('oc-temperature').fill('37.8');
    await own.getByTestId('oc-submit').click();
    await own.getByTestId('oc-done').waitFor();
    const acknowledgedAt = Date.now();
    await own.screenshot({ path: path.join(shots, 'observation-phone.png') });

    // The board polls: the alert appears without a reload, well within the 5 s the issue allows (+ margin).
    await expect
      .poll(async () => page.getByTestId('observation-alerts').getByText('37.8 °C').count(), {
        timeout: 12_000,
        interval: 250,
      })
      .toBeGreaterThan(alertsBefore);
    const seenAfterMs = Date.now() - acknowledgedAt;
    console.log(
      `observation e2e: fever alert visible on the board ${seenAfterMs} ms after the server answered`,
    );
    await page.screenshot({ path: path.join(shots, 'observation-board.png'), fullPage: true });

    // The day-by-day workbook downloads and holds the reading.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('observation-export').click(),
    ]);
    const file = await download.path();
    const { default: Excel } = await import('exceljs');
    const book = new Excel.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.getWorksheet('逐日记录')?.eachRow((row) => {
      cells.push(JSON.stringify(row.values));
    });
    expect(cells.join('\n')).toContain('37.8');

    // The 居家观察告知书 of a ticked row: one A4 page with the door and the masked name.
    await page.goto(`${baseUrl}/admin/observation`);
    await page.locator(`[data-row-key="${started.observation.id}"] input[type="checkbox"]`).check();
    await page.getByTestId('notice-print-menu').hover();
    await page.getByRole('menuitem', { name: '已勾选的 1 人' }).first().click();
    const notices = page.getByTestId('notice-pages');
    await notices.getByText('居家观察告知书').waitFor();
    expect(await notices.getAttribute('data-count')).toBe('1');
    await notices.getByText(/\*/).first().waitFor();
    await page.screenshot({ path: path.join(shots, 'observation-notice.png'), fullPage: true });
    await phone.close();
  });
});
