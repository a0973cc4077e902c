import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { residentIdCheckChar } from '../src/shared/identity';
import { apiAs } from './api';
import { launchBrowser, newPhone } from './browser';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // The other browser tests fill Chaoyang's form too: the officer takes the question off again,
  // whether this test passed or not.
  const officer = await apiAs(baseUrl, 'chaoyang');
  await officer.post('/form-versions', { questions: [] });
});

async function signIn(page: Page, username: string) {
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('dashu-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}

describe('questions a district officer adds to the registration form', () => {
  it('the Chaoyang officer adds a question; a Ziluoyuan resident answers it; the secretary reads the answer', async () => {
    // The district officer adds a required single-choice question in the console, without code.
    const desk = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
    await signIn(desk, 'chaoyang');
    await desk.goto(`${baseUrl}/admin/form-questions`);
    await desk.getByTestId('form-version-current').waitFor();
    await desk.getByTestId('form-versions-add').click();
    const question = desk.locator('[data-testid^="question-q"][data-testid$="-zh"]').last();
    await question.fill('是否需要社区代购生活物资');
    await desk.getByRole('switch').last().click();
    await desk.locator('[data-testid$="-kind"]').last().click();
    await desk.locator('.ant-select-item-option', { hasText: '单选' }).click();
    const options = desk.locator('[data-testid$="-options"] input').last();
    await options.fill('需要');
    await options.press('Enter');
    await options.fill('不需要');
    await options.press('Enter');
    await desk.getByTestId('form-versions-publish').click();
    await desk.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await desk.getByTestId('form-version-current').filter({ hasText: '现行第' }).waitFor();
    await desk.screenshot({ path: '.e2e-artifacts/form-questions.png', fullPage: true });
    await desk.close();

    // A resident of Ziluoyuan scans the community's poster: the new question is on the form.
    const secretary = await apiAs(baseUrl, 'ziluoyuan');
    const roots = await secretary.get<{ items: Array<{ id: number }> }>('/places/roots');
    const { poster } = await secretary.post<{ poster: { path: string } }>('/posters', {
      placeId: roots.items[0]?.id,
    });
    const phone = await newPhone(browser);
    const page = await phone.newPage();
    await page.goto(`${baseUrl}${poster.path}`);
    const first17 = `11010819720211${String(100 + Math.floor(Math.random() * 800))}`;
    const id = first17 + residentIdCheckChar(first17);
    const name = `代购${id.slice(-3)}`;
    await page.getByTestId('rf-name').fill(name);
    await page.getByTestId('rf-docNumber').fill(id);
    await page.getByTestId('rf-phone').fill('13900139000');
    await page.getByTestId('rf-building').selectOption({ index: 1 });
    const entrance = page.getByTestId('rf-entrance');
    if (await entrance.isVisible()) await entrance.selectOption({ index: 1 });
    await page.getByTestId('rf-room').fill('602');
    await page.getByTestId('rf-left-no').click();
    await page.getByTestId('rf-contact-confirmed-no').click();
    await page.getByTestId('rf-contact-risk-no').click();
    await page.getByTestId('rf-symptom-none').click();
    await page.getByTestId('rf-consent').check();
    // Not answered yet: the form points at the new required question and does not send.
    await page.getByTestId('rf-submit').click();
    const extraError = page.locator('[data-testid^="rf-error-extra-"]');
    await extraError.waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: '.e2e-artifacts/form-versions-failed.png', fullPage: true });
      throw error;
    });
    expect(await extraError.textContent()).toContain('必填');
    await page.locator('[data-testid^="rf-extra-q"][data-testid$="-0"]').click();
    await page.getByTestId('rf-submit').click();
    await page.getByTestId('receipt').waitFor({ timeout: 15_000 });
    await phone.close();

    // The secretary opens the answers with a reason and reads the answer under the question's words.
    const office = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
    await signIn(office, 'ziluoyuan');
    await office.goto(`${baseUrl}/admin/declarations`);
    const row = office.getByTestId('declarations-table').locator('tr', { hasText: name });
    await row.waitFor();
    await row.getByTestId('declaration-answers-open').click();
    await office.getByTestId('reveal-reason').fill('联系代购物资');
    await office.getByTestId('reveal-confirm').click();
    const answers = office.getByTestId('declaration-answers');
    await answers.waitFor();
    const text = await answers.textContent();
    expect(text).toContain('是否需要社区代购生活物资');
    expect(text).toContain('需要');
    await office.screenshot({ path: '.e2e-artifacts/declaration-answers.png', fullPage: true });

    // The newcomer waits in the "to confirm" list until the secretary has checked them.
    await office.goto(`${baseUrl}/admin/residents?unverified=1`);
    await office.getByText(name).click();
    await office.getByTestId('verify-resident').click();
    await office.getByTestId('resident-name').filter({ hasText: '已核实' }).waitFor();
    await office.close();
  });
});
