import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
    image.data[i + 1] = 90;
    image.data[i + 2] = 160;
    image.data[i + 3] = 255;
  }
  return PNG.sync.write(image);
}

describe('a fire passage check', () => {
  it('secretary edits the checklist, checks a building on a phone with a photo, then re-checks the finding', async () => {
    const phone = await newPhone(browser);
    const page = await phone.newPage();
    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel('用户名').fill('gongyun');
    await page.getByLabel('密码').fill('dashu-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').or(page.getByTestId('open-menu')).first().waitFor();

    await page.goto(`${baseUrl}/admin/campaigns`);
    await page.getByTestId('new-campaign').click();
    await page.getByTestId('campaign-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '消防通道' }).click();
    await page.getByTestId('checklist-editor').waitFor();
    await expect.poll(() => page.getByTestId('checklist-item').count()).toBe(4);
    await page.getByTestId('checklist-item').first().fill('楼道消防通道是否畅通');
    await page.getByTestId('checklist-add').click();
    await page.getByTestId('checklist-item').last().fill('电动自行车是否在楼道充电');
    await page.getByTestId('campaign-name').fill('消防通道检查（测试）');
    await page.screenshot({ path: '.e2e-artifacts/governance-new.png', fullPage: true });
    await page.getByTestId('start-campaign').click();
    await page.getByTestId('campaign-title').waitFor();
    await expect
      .poll(() => page.getByTestId('campaign-checklist').textContent())
      .toContain('电动自行车是否在楼道充电');

    await page.getByTestId('go-check').click();
    await page.getByTestId('gov-building').first().waitFor();
    // The building is checked in a basement corridor without signal: kept on the phone, photo included.
    await setSignal(phone, false);
    await page.getByTestId('check-building').first().click();
    const sheet = page.getByTestId('check-sheet');
    await sheet.getByTestId('check-item-i1').waitFor();
    for (const key of ['i1', 'i2', 'i3', 'i4', 'i5']) {
      await sheet
        .getByTestId(`check-item-${key}`)
        .getByText(key === 'i1' ? '不合格' : '合格', { exact: true })
        .click();
    }
    await sheet.getByTestId('finding-description').fill('一层消防通道停放三辆电动车');
    await sheet.getByTestId('finding-photo-input').setInputFiles([
      { name: 'p1.png', mimeType: 'image/png', buffer: photo() },
      { name: 'p2.png', mimeType: 'image/png', buffer: photo() },
    ]);
    await expect.poll(() => sheet.locator('img[src^="blob:"]').count()).toBe(2);
    await page.screenshot({ path: '.e2e-artifacts/governance-check.png' });
    await sheet.getByTestId('save-check').click();
    await sheet.getByTestId('check-item-i1').waitFor({ state: 'detached' });
    await page.getByTestId('checks-queue-banner').waitFor();
    await page.getByTestId('gov-building').first().getByText('已检查，待发送').waitFor();
    await page.screenshot({ path: '.e2e-artifacts/governance-offline.png', fullPage: true });
    // Back on the network: sent once, with its photo, and the phone forgets it.
    await setSignal(phone, true);
    await page.getByTestId('checks-queue-banner').waitFor({ state: 'detached', timeout: 30_000 });
    const campaignIdNow = Number(new URL(page.url()).pathname.split('/').pop());
    const stored = await page.evaluate(async (id) => {
      const items = (await (await fetch(`/api/campaigns/${id}/findings`)).json()).items;
      return items.map((f: { photoIds: number[] }) => f.photoIds.length);
    }, campaignIdNow);
    expect(stored).toEqual([2]);

    await page.getByText('问题清单', { exact: true }).click();
    const row = page.getByTestId('finding-row').first();
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('一层消防通道停放三辆电动车');
    expect(await row.locator('img[src^="/api/photos/"]').count()).toBe(2);
    // The photos the phone re-encoded passed the server's whole-file check and are served back as images.
    await expect
      .poll(() =>
        row
          .locator('img[src^="/api/photos/"]')
          .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth)),
      )
      .toEqual([320, 320]);
    await page.screenshot({ path: '.e2e-artifacts/governance-findings.png', fullPage: true });
    // The building profile lists the open finding.
    const checksUrl = page.url();
    const campaignId = Number(new URL(checksUrl).pathname.split('/').pop());
    const buildingId = await page.evaluate(
      async (id) =>
        (await (await fetch(`/api/campaigns/${id}/findings?status=open`)).json()).items[0].buildingId,
      campaignId,
    );
    await page.goto(`${baseUrl}/admin/buildings/${buildingId}`);
    const findings = page.getByTestId('building-findings');
    await findings.waitFor();
    await expect.poll(() => findings.textContent()).toContain('一层消防通道停放三辆电动车');
    await page.screenshot({ path: '.e2e-artifacts/governance-profile.png', fullPage: true });
    await page.goto(checksUrl);
    await page.getByText('问题清单', { exact: true }).click();
    await row.waitFor();
    await row.getByTestId('recheck').click();
    await page.getByTestId('recheck-result-choice').getByText('已整改', { exact: true }).click();
    await page.getByTestId('recheck-save').click();
    await expect.poll(() => page.getByTestId('finding-row').count(), { timeout: 5_000 }).toBe(0);
    await page.getByText('已销号', { exact: true }).click();
    await expect.poll(() => page.getByTestId('recheck-result').first().textContent()).toContain('已整改');
    await phone.close();
  });
});
