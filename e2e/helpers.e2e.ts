import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { VISIT_MINUTES } from '../src/shared/helpers';
import type {
  CareTaskList,
  CoverageMatrix,
  HelperAnswer,
  HoursSummary,
} from '../src/shared/helpers/helpers-responses';
import { apiAs } from './api';
import { launchBrowser, newPhone, setSignal } from './browser';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function photo(): Buffer {
  const image = new PNG({ width: 320, height: 240 });
  for (let i = 0; i < image.data.length; i += 4) {
    image.data[i] = (i / 4) % 255;
    image.data[i + 1] = 140;
    image.data[i + 2] = 60;
    image.data[i + 3] = 255;
  }
  return PNG.sync.write(image);
}

async function signIn(page: import('playwright-core').Page, username: string) {
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('dashu-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').or(page.getByTestId('open-menu')).first().waitFor();
}

describe('people who help', () => {
  it('covers every building from the matrix, and a care task is delivered once from a phone that went offline', async () => {
    // Set-up through the API: Gongyun's helpers, every building covered but the elderly resident's,
    // which has no Party contact.
    const office = await apiAs(baseUrl, 'gongyun');
    const me = await office.get<{ account: { scope: { placeId: number } } }>('/auth/me');
    const communityId = me.account.scope.placeId;
    const volunteerAccount = (
      await (await apiAs(baseUrl, 'gy-vol1')).get<{ account: { id: number } }>('/auth/me')
    ).account.id;
    const elderly = await office.get<{ items: Array<{ id: number; name: string; householdId: number }> }>(
      `/residents?communityId=${communityId}&tag=elderly_alone&pageSize=1`,
    );
    const resident = elderly.items[0];
    expect(resident).toBeDefined();
    const household = await office.get<{ household: { buildingId: number; buildingName: string } }>(
      `/households/${resident?.householdId}`,
    );
    const target = household.household.buildingId;
    const helper = async (body: object) =>
      (await office.post<HelperAnswer>('/helpers', { communityId, ...body })).helper.id;
    const volunteer = await helper({
      name: '吴秀兰',
      teams: ['vanguard'],
      verified: true,
      accountId: volunteerAccount,
    });
    const lead = await helper({ name: '郑楼长', teams: ['building_leads'], verified: true });
    await helper({ name: '孙党员', partyKind: 'community', verified: true });
    const partyContact = await helper({ name: '周党员', partyKind: 'retired', verified: true });
    const matrix = await office.get<CoverageMatrix>(`/helpers/coverage?communityId=${communityId}`);
    for (const row of matrix.rows) {
      await office.post('/helpers/coverage/assignments', {
        buildingId: row.buildingId,
        role: 'building_lead',
        helperId: lead,
      });
      await office.post('/helpers/coverage/assignments', {
        buildingId: row.buildingId,
        role: 'volunteer',
        helperId: volunteer,
      });
      if (row.buildingId !== target)
        await office.post('/helpers/coverage/assignments', {
          buildingId: row.buildingId,
          role: 'party_contact',
          helperId: partyContact,
        });
    }
    await office.put('/care/needs', { residentId: resident?.id, tags: ['elderly_alone'] });

    // The secretary sees the one gap first and fills it from the matrix.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await desk.newPage();
    await signIn(page, 'gongyun');
    await page.goto(`${baseUrl}/admin/helpers`);
    await page.getByTestId('coverage-share').waitFor();
    expect(await page.getByTestId('coverage-share').textContent()).not.toContain('100%');
    const gap = page.getByTestId('coverage-row').first();
    expect(await gap.getAttribute('data-covered')).toBe('false');
    expect(await gap.textContent()).toContain(household.household.buildingName);
    await page.screenshot({ path: '.e2e-artifacts/helpers-coverage-gap.png', fullPage: true });
    await gap.getByTestId('assign-party_contact').click();
    await page.locator('.ant-select-item-option', { hasText: '孙党员' }).click();
    await expect.poll(() => page.getByTestId('coverage-share').textContent()).toContain('100%');
    await page.screenshot({ path: '.e2e-artifacts/helpers-coverage-full.png', fullPage: true });

    // The helpers tab lists them; adding one can link a volunteer account of the community.
    await page.getByRole('tab', { name: '志愿者/党员' }).click();
    await page.getByRole('cell', { name: '周党员', exact: true }).waitFor();
    await page.getByRole('button', { name: '添加志愿者' }).click();
    await page.locator('.ant-modal').getByText('关联账号').waitFor();
    await page.screenshot({ path: '.e2e-artifacts/helpers-add.png', fullPage: true });
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });

    // A delivery for the elderly resident living alone, sent from the care tab.
    await page.getByRole('tab', { name: '关怀对象与任务' }).click();
    await page.getByTestId('new-care-task').first().click();
    await page.getByTestId('care-task-what').fill('一袋米、十个鸡蛋');
    await page.getByTestId('create-care-task').click();
    await page.getByTestId('care-task-row').first().waitFor();

    // The building's volunteer, on a phone: offered, accepted, then delivered without signal.
    const phone = await newPhone(browser);
    const mobile = await phone.newPage();
    await signIn(mobile, 'gy-vol1');
    await mobile.goto(`${baseUrl}/admin/care`);
    const card = mobile.getByTestId('care-task').filter({ hasText: '一袋米、十个鸡蛋' });
    await card.waitFor();
    expect(await card.textContent()).not.toContain(resident?.name ?? '?');
    await card.getByTestId('accept-task').click();
    await card.getByTestId('complete-task').waitFor();
    await mobile.screenshot({ path: '.e2e-artifacts/helpers-phone-accepted.png' });
    await setSignal(phone, false);
    await mobile.getByTestId('offline-banner').waitFor();
    await card.getByTestId('complete-task').click();
    await mobile.getByTestId('outcome-left_at_door').click();
    await mobile
      .getByTestId('care-photo-input')
      .setInputFiles([{ name: 'door.png', mimeType: 'image/png', buffer: photo() }]);
    await mobile.locator('.ant-drawer img').first().waitFor();
    await mobile.getByTestId('save-completion').click();
    await mobile.getByTestId('care-queue-banner').waitFor();
    await mobile.screenshot({ path: '.e2e-artifacts/helpers-phone-offline.png' });
    // The page reopens without signal, the completion still on the phone.
    await mobile.reload();
    await mobile.getByTestId('care-queue-banner').waitFor();
    await setSignal(phone, true);
    await mobile.getByTestId('care-queue-banner').waitFor({ state: 'detached', timeout: 30_000 });

    // Delivered once, with its photo; a replay from the phone changes nothing; the hours are counted.
    const done = await office.get<CareTaskList>(`/care/tasks?communityId=${communityId}&status=done`);
    expect(done.items).toHaveLength(1);
    expect(done.items[0]).toMatchObject({ outcome: 'left_at_door', helperName: '吴秀兰' });
    expect(done.items[0]?.photoId).toBeTruthy();
    const again = await (await apiAs(baseUrl, 'gy-vol1')).post<{ duplicate: boolean }>(
      `/care/tasks/${done.items[0]?.id}/complete`,
      { clientId: crypto.randomUUID(), outcome: 'delivered' },
    );
    expect(again.duplicate).toBe(true);
    const hours = await office.get<HoursSummary>(`/helpers/hours?communityId=${communityId}`);
    // The delivery's 30 minutes, on top of what gy-vol1's visits and duty in other browser tests count.
    const mine = hours.items.find((h) => h.helperId === volunteer);
    expect(mine).toMatchObject({ tasks: 1 });
    expect(
      (mine?.approvedMinutes ?? 0) - (mine?.dutyMinutes ?? 0) - (mine?.visits ?? 0) * VISIT_MINUTES,
    ).toBe(30);
    await page.getByRole('tab', { name: '服务时长' }).click();
    await page.getByTestId('hours-row').first().waitFor();
    expect(await page.getByTestId('hours-row').first().textContent()).toContain('吴秀兰');
    await page.getByRole('tab', { name: '关怀对象与任务' }).click();
    await page.getByTestId('care-outcome').first().waitFor();
    await page.screenshot({ path: '.e2e-artifacts/helpers-care-done.png', fullPage: true });
    await phone.close();
    await desk.close();
  });
});
