import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Route } from 'playwright-core';

/** Debian's chromium, never a downloaded browser. Flags keep it off the (closed) network. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!executablePath) throw new Error('chromium is not installed: apt-get install -y chromium');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A phone as residents and volunteers hold it: small screen, touch, Chinese. */
export function newPhone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
}

const noSignal = (route: Route) => route.abort('internetdisconnected');

/**
 * Takes a phone's signal away, or gives it back. `setOffline` alone does not always reach a request that
 * a page's service worker lets through to the network (microsoft/playwright#2311 — seen when the worker
 * had been stopped for idling and started again), so a call could still reach the server "without
 * signal". While offline every API call is also cut here, as no signal would cut it.
 */
export async function setSignal(phone: BrowserContext, on: boolean): Promise<void> {
  if (on) {
    await phone.unroute('**/api/**', noSignal);
    await phone.setOffline(false);
  } else {
    await phone.setOffline(true);
    await phone.route('**/api/**', noSignal);
  }
}
