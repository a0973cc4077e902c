import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RequestRates } from '../src/shared/requests/requests-responses';
import { beijingToday } from '../src/shared/time/beijing';
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

type Counts = RequestRates['total']['counts'];

describe('residents’ requests (接诉即办)', () => {
  it('a resident files from the phone; the social worker signs, calls, resolves; the callback counts in the rates', async () => {
    const secretary = await apiAs(baseUrl, 'gongyun');
    const worker = await apiAs(baseUrl, 'gy-sg1');
    const roots = await secretary.get<{ items: Array<{ id: number }> }>('/places/roots');
    const community = await secretary.get<{
      place: { id: number };
      children: Array<{ id: number; name: string }>;
    }>(`/places/${roots.items[0]?.id}`);
    const communityId = roots.items[0]?.id as number;
    const courtyard = community.children.find((c) => c.name === '43号院');
    const { poster } = await secretary.post<{ poster: { token: string } }>('/posters', {
      placeId: courtyard?.id,
    });
    const today = beijingToday();
    const ratesNow = async () =>
      (await worker.get<RequestRates>(`/requests/rates?from=${today}&to=${today}&placeId=${communityId}`))
        .total.counts as Counts;
    const before = await ratesNow();

    // The resident, on a phone, from the poster's request link.
    const phone = await newPhone(browser);
    const mobile = await phone.newPage();
    await mobile.goto(`${baseUrl}/r/s/${poster.token}`);
    const text = `楼道灯坏了 ${Math.random().toString(36).slice(2, 8)}`;
    await mobile.getByTestId('rq-name').fill('王大妈');
    await mobile.getByTestId('rq-phone').fill('13812345678');
    await mobile.getByTestId('rq-category').selectOption({ label: '一般' });
    await mobile.getByTestId('rq-text').fill(text);
    await mobile.getByTestId('rq-submit').click();
    await mobile.waitForURL((url) => url.pathname.startsWith('/r/q/'));
    expect(await mobile.getByTestId('rq-status').textContent()).toBe('已受理');

    // The social worker, in the console.
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel('用户名').fill('gy-sg1');
    await page.getByLabel('密码').fill('dashu-demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/admin\/dashboards\/\d+$/);
    await page.getByTestId('menu-requests').click();
    await page.getByTestId('requests-table').getByText(text).click();
    const status = () => page.getByTestId('request-status').textContent();
    await stepTo(page, 'sign', '已签收');
    await stepTo(page, 'contact', '已联系');
    await stepTo(page, 'resolve', '已解决');
    // Closing before a callback is refused; the callback records "satisfied".
    await page.getByTestId('request-step-close').click();
    await page.getByText('办结前须完成回访').waitFor();
    await page.getByTestId('request-step-callback').click();
    await page.getByTestId('request-step-ok').click();
    await page.getByText('回访结果').waitFor();
    await stepTo(page, 'close', '已办结');
    const timeline = await page.getByTestId('request-timeline').textContent();
    for (const step of ['受理', '签收', '联系诉求人', '已解决', '回访', '办结'])
      expect(timeline).toContain(step);

    // The rates moved: one more evaluated, contacted in time, confirmed resolved, satisfied, closed in time.
    const after = await ratesNow();
    expect(after.evaluated).toBe(before.evaluated + 1);
    expect(after.contactedInTime).toBe(before.contactedInTime + 1);
    expect(after.confirmedResolved).toBe(before.confirmedResolved + 1);
    expect(after.satisfied).toBe(before.satisfied + 1);
    expect(after.closedInTime).toBe(before.closedInTime + 1);

    // The resident's link shows it closed, with the steps.
    await mobile.reload();
    expect(await mobile.getByTestId('rq-status').textContent()).toBe('已办结');

    // An emergency received three hours ago (limit 2 h) is overdue, and counts against the on-time rate.
    const categories = await worker.get<{ items: Array<{ id: number; code: string }> }>(
      '/request-categories',
    );
    const late = await worker.post<{ request: { id: number } }>('/requests', {
      communityId,
      requesterName: '李大爷',
      categoryId: categories.items.find((c) => c.code === 'emergency')?.id,
      text: `家里停水 ${text}`,
      channel: 'phone',
      receivedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    });
    await page.goto(`${baseUrl}/admin/requests`);
    await page.getByTestId('requests-tab-overdue').click();
    const row = page.getByTestId('requests-table').locator('tr', { hasText: `家里停水 ${text}` });
    await row.getByTestId('request-overdue').waitFor();
    expect((await ratesNow()).openOverdue).toBe(after.openOverdue + 1);
    await page.goto(`${baseUrl}/admin/request-rates`);
    const formula = await page.getByTestId('rate-formula-on_time').textContent();
    expect(formula).toContain('未办结已超期');
    // The weights the figures use are shown; only a district officer may change them.
    expect(await page.getByTestId('rate-weights-formula').textContent()).toContain('综合 = 响应');
    expect(await page.getByTestId('rate-weights-edit').count()).toBe(0);

    // Reopened with a reason: back to in progress.
    await page.goto(`${baseUrl}/admin/requests`);
    await page.getByTestId('requests-table').getByText(text, { exact: true }).click();
    await page.getByTestId('request-step-reopen').click();
    await page.getByTestId('request-step-note').fill('灯又不亮了');
    await page.getByTestId('request-step-ok').click();
    await page.getByTestId('request-status').getByText('办理中').waitFor();
    expect(await status()).toBe('办理中');
    expect(late.request.id).toBeGreaterThan(0);
    await context.close();
    await phone.close();
  }, 120_000);
});

async function stepTo(page: Page, step: string, shown: string) {
  await page.getByTestId(`request-step-${step}`).click();
  await page.getByTestId('request-status').getByText(shown, { exact: true }).waitFor();
}
