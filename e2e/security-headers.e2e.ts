import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './api';
import { launchBrowser } from './browser';

// Defect 13 of issue 11: the pages had no CSP, frame or referrer policy. With them on, every page must
// still work — the console with Ant Design's inline styles, the resident page's inline start script (by
// its hash), the gate app's camera, the service worker, Swagger UI — without one CSP violation.
let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  // A fake camera that needs no permission prompt: the gate app's scanner must be allowed to use it.
  browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
});
afterAll(async () => {
  await browser?.close();
});

/** Records every CSP violation a page reports, from the event and from the console. */
async function watched(context: BrowserContext): Promise<{ page: Page; violations: string[] }> {
  const violations: string[] = [];
  await context.exposeFunction('__dashuViolation', (text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __dashuViolation: (t: string) => void }).__dashuViolation;
      report(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions policy/i.test(message.text())) violations.push(message.text());
  });
  return { page, violations };
}

describe('security headers in the browser', () => {
  it('every page answers with its policy, no framing and no referrer', async () => {
    for (const path of ['/admin/', '/gate/', '/r/p/NoSuchPosterToken1234', '/api/health', '/api/docs/']) {
      const res = await fetch(`${baseUrl}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      const camera = path.startsWith('/gate/') ? 'camera=(self)' : 'camera=()';
      expect(res.headers.get('permissions-policy'), path).toContain(camera);
    }
  });

  it('the console works under its policy, service worker included', async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
    const { page, violations } = await watched(context);
    await page.goto(`${baseUrl}/admin/`);
    await page.getByLabel('用户名').fill('gongyun');
    await page.getByLabel('密码').fill('dashu-demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/admin\/dashboards\/\d+$/);
    await page.getByTestId('account-info').waitFor();
    for (const path of ['declarations', 'campaigns', 'access', 'audit', 'buildings', 'posters']) {
      await page.goto(`${baseUrl}/admin/${path}`);
      await page.waitForLoadState('networkidle');
    }
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${baseUrl}/admin/`);
    // A change (the sign-out) goes through: the same-origin check accepts what the console sends.
    await page.getByTestId('account-info').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it('the resident page runs its inline start script (by hash) and nothing else inline', async () => {
    const secretary = await apiAs(baseUrl, 'ziluoyuan');
    const roots = await secretary.get<{ items: Array<{ id: number }> }>('/places/roots');
    const community = await secretary.get<{ children: Array<{ id: number }> }>(
      `/places/${roots.items[0]?.id}`,
    );
    const { poster } = await secretary.post<{ poster: { path: string } }>('/posters', {
      placeId: community.children[0]?.id,
    });
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      locale: 'zh-CN',
    });
    const { page, violations } = await watched(context);
    // Notes when the start script hands over the poster request (the page's code takes it at once).
    await context.addInitScript(() => {
      let kept: unknown;
      Object.defineProperty(window, '__dashuPoster', {
        configurable: true,
        get: () => kept,
        set: (value: unknown) => {
          if (value) (window as unknown as { __startScriptRan: boolean }).__startScriptRan = true;
          kept = value;
        },
      });
    });
    await page.goto(`${baseUrl}${poster.path}`);
    await page.getByTestId('rf-name').waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { __startScriptRan?: boolean }).__startScriptRan),
    ).toBe(true);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('the gate app signs in, syncs, opens the camera and keeps its service worker', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const { page, violations } = await watched(context);
    await page.goto(`${baseUrl}/gate/`);
    await page.getByTestId('g-username').fill('gy-gate1');
    await page.getByTestId('g-password').fill('dashu-demo');
    await page.getByTestId('g-login').click();
    await page.getByRole('button', { name: /43号院大门/ }).click();
    await expect.poll(() => page.getByTestId('g-lists-at').textContent()).not.toContain('—');
    await page.getByTestId('g-scan').click();
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector<HTMLVideoElement>('.g-scanner video')?.readyState ?? 0),
      )
      .toBeGreaterThanOrEqual(2);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${baseUrl}/gate/`);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('Swagger UI draws the API under its own policy', async () => {
    const context = await browser.newContext();
    const { page, violations } = await watched(context);
    await page.goto(`${baseUrl}/api/docs/`);
    await page.locator('.opblock').first().waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });

  it('a page of another site cannot frame the console', async () => {
    const context = await browser.newContext();
    const { page } = await watched(context);
    await page.setContent(`<iframe id="f" src="${baseUrl}/admin/"></iframe>`);
    await page.waitForTimeout(1500);
    const framed = page.frames().find((frame) => frame.url().startsWith(`${baseUrl}/admin/`));
    const loaded = framed
      ? await framed.evaluate(() => document.body?.innerHTML.length ?? 0).catch(() => 0)
      : 0;
    expect(loaded).toBe(0);
    await context.close();
  });
});
