import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { residentIdCheckChar } from '../src/shared/identity';
import { apiAs } from './api';
import { launchBrowser } from './browser';

// Issue 13: a roster with a conflicting name and an unknown header is previewed, the conflict and the
// unrecognised column shown, and nothing is written until confirmed.

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

/** A synthetic ID the demo cannot hold (a birth date the demo avoids, a random sequence). */
function freshId(): string {
  const sequence = String(100 + Math.floor(Math.random() * 800));
  const first17 = `11010819320404${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

async function upload(csv: string) {
  await page
    .getByTestId('import-upload')
    .locator('input[type=file]')
    .setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

async function search(q: string) {
  const api = await apiAs(baseUrl, 'gongyun');
  return (await api.get<{ items: Array<{ name: string }> }>(`/residents?q=${encodeURIComponent(q)}`)).items;
}

describe('the roster preview in a browser', () => {
  it('shows the conflict and the unknown column, and writes only after the confirmation', async () => {
    const id = freshId();
    const header = '姓名,证件号码,楼栋,单元,门牌号,与户主关系';
    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel('用户名').fill('gongyun');
    await page.getByLabel('密码').fill('dashu-demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/admin\/dashboards\/\d+$/);
    await page.goto(`${baseUrl}/admin/imports`);

    // First the person, imported through a preview with nothing to decide.
    await upload(`${header}\n预览甲,${id},99号楼,1,101,户主\n`);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('preview-new').textContent()).toContain('1');
    expect(await search(id)).toEqual([]);
    await page.getByTestId('import-confirm').click();
    await page.locator('[data-testid=import-progress][data-status=done]').waitFor();
    expect((await search(id)).map((r) => r.name)).toEqual(['预览甲']);

    // Then the same ID under another name, with a column nobody recognises.
    await upload(`${header},籍贯\n预览乙,${id},99号楼,1,101,户主,北京\n`);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('preview-unrecognised').textContent()).toContain('籍贯');
    expect(await page.getByTestId('preview-conflict').textContent()).toContain('1');
    await page.getByTestId('import-preview').getByText('姓名为“预览甲”').waitFor();
    await page.screenshot({ path: '.e2e-artifacts/roster-preview.png' });
    expect((await search(id)).map((r) => r.name)).toEqual(['预览甲']);

    // Confirmed without choosing the conflict: it stays unimported.
    await page.getByTestId('import-confirm').click();
    await page.locator('[data-testid=import-progress][data-status=done]').waitFor();
    expect(await page.getByTestId('import-conflicts').textContent()).toContain('1');
    expect((await search(id)).map((r) => r.name)).toEqual(['预览甲']);
  });
});
