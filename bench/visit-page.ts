// The volunteer's visit page (/admin/visits/:campaignId, 走访): the JavaScript that route loads (raw and
// gzip, as the browser fetched it), then time to the first render of her household list in headless
// Chromium on a throttled "Slow 4G" link (issue 13: ≤ 3 s). Server: the real app with the demo seeded
// (bench/lib/campaigns-server.ts); a campaign is started, and the demo volunteer zly-vol1 opens her share.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { killChildren, startChild } from './lib/child';
import { heading, median, millis, onExit, result, runMain, seconds } from './lib/report';
import { signIn } from './lib/sign-in';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = path.join(ROOT, 'dist', 'web');
const CHROMIUM = process.env.BENCH_CHROMIUM || '/usr/bin/chromium';
const RUNS = 3;
const TARGET_RENDER_MS = 3_000;
const ROWS = '[data-testid=household-row], [data-testid=my-campaign], .ant-empty';
/**
 * Two links: Chrome DevTools' "Slow 4G" preset (the issue's profile: 562.5 ms, 1.4 Mbps × 0.9 down) and a
 * weaker one (~400 kbps down, 400 ms round trip) for a stairwell.
 */
const LINKS = [
  {
    name: 'Slow 4G',
    conditions: {
      offline: false,
      latency: 562.5,
      downloadThroughput: (1.4 * 1000 * 1000 * 0.9) / 8,
      uploadThroughput: (750 * 1000 * 0.9) / 8,
    },
  },
  {
    name: '400 kbps / 400 ms',
    conditions: {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1000) / 8,
      uploadThroughput: (400 * 1000) / 8,
    },
  },
];

onExit(killChildren);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function call<T>(base: string, cookie: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${base}/api${url}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Raw and gzip (-9) sizes of the built files a run fetched, read from dist/web. */
function sizes(urls: string[]) {
  return urls.map((url) => {
    const file = path.join(WEB, new URL(url).pathname.replace(/^\//, ''));
    const body = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    return { name: path.basename(file), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

async function main() {
  heading("Volunteer's visit page /admin/visits/:campaignId");
  if (!existsSync(path.join(WEB, 'admin', 'index.html'))) {
    console.log('SKIPPED: dist/web/admin/index.html is missing; build the web bundle first (npm run build).');
    return;
  }
  const server = await startChild<{ port: number }>(
    'bench/lib/campaigns-server.ts',
    { BENCH_DATABASE_URL: '' },
    300_000,
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const base = `http://127.0.0.1:${server.info.port}`;
    const staff = await signIn(base, 'ziluoyuan');
    const roots = await call<{ items: Array<{ id: number }> }>(base, staff, 'GET', '/places/roots');
    const communityId = roots.items[0]?.id as number;
    const started = await call<{ campaign: { id: number } }>(base, staff, 'POST', '/campaigns', {
      communityId,
      name: '入户走访',
      kind: 'screening',
    });
    const campaignId = started.campaign.id;
    const volunteer = await signIn(base, 'zly-vol1');
    const me = await call<{ account: { id: number } }>(base, volunteer, 'GET', '/auth/me');
    // Her buildings (the first two the campaign's grid lists) are given to her, as a secretary would.
    const units = await call<{ units: Array<{ buildingId: number }> }>(
      base,
      staff,
      'GET',
      `/campaigns/${campaignId}/assignments`,
    );
    const buildings = [...new Set(units.units.map((u) => u.buildingId))].slice(0, 2);
    await call(base, staff, 'POST', `/campaigns/${campaignId}/assignments`, {
      items: buildings.map((buildingId) => ({ buildingId, accountId: me.account.id })),
    });
    const mine = await call<{ items: Array<{ id: number; mine: number }> }>(
      base,
      volunteer,
      'GET',
      '/campaigns/mine',
    );
    const campaign = mine.items.find((c) => c.mine > 0);
    const url = campaign ? `${base}/admin/visits/${campaign.id}` : `${base}/admin/visits`;
    const [name, value] = volunteer.split('=');
    console.log(
      `  ${url} as zly-vol1 (${campaign ? `${campaign.mine} households of hers` : 'no households assigned: her campaign list'}), ` +
        `Chromium ${browser.version()}, cache disabled`,
    );
    for (const [index, link] of LINKS.entries()) {
      const first = index === 0;
      const { latency, downloadThroughput } = link.conditions;
      console.log(
        `\n  ${link.name}: latency ${latency} ms, ${Math.round(downloadThroughput).toLocaleString('en-US')} B/s down`,
      );
      const times: number[] = [];
      for (let run = 1; run <= RUNS; run += 1) {
        const context = await browser.newContext({
          viewport: { width: 390, height: 844 },
          isMobile: true,
          locale: 'zh-CN',
        });
        await context.addCookies([{ name: name ?? '', value: value ?? '', url: base }]);
        const page = await context.newPage();
        // Records, in page time (ms since navigation start), when her first row appears.
        await page.addInitScript((selector: string) => {
          const w = window as unknown as { __rowsAt?: number };
          const check = () => {
            if (w.__rowsAt === undefined && document.querySelector(selector)) w.__rowsAt = performance.now();
          };
          new MutationObserver(check).observe(document, { childList: true, subtree: true });
        }, ROWS);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', link.conditions);
        const scripts = new Set<string>();
        let transferred = 0;
        cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
          transferred += e.encodedDataLength;
        });
        cdp.on('Network.responseReceived', (e: { response: { url: string } }) => {
          if (new URL(e.response.url).pathname.endsWith('.js')) scripts.add(e.response.url);
        });
        const started = performance.now();
        await page.goto(url, { waitUntil: 'commit' });
        try {
          await page.waitForSelector(ROWS, { timeout: 90_000 });
        } catch {
          const text = (await page.textContent('body').catch(() => '')) ?? '';
          throw new Error(`run ${run}: the page never rendered her rows; it shows: ${text.slice(0, 200)}`);
        }
        const wallMs = performance.now() - started;
        const inPage = await page.evaluate(() => {
          const w = window as unknown as { __rowsAt?: number };
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
          return { rowsAt: w.__rowsAt ?? null, fcp };
        });
        if (first && run === 1) {
          const files = sizes([...scripts]).sort((a, b) => b.gzip - a.gzip);
          for (const f of files)
            console.log(
              `  ${f.name.padEnd(40)} ${kb(f.raw).padStart(10)} raw  ${kb(f.gzip).padStart(9)} gzip`,
            );
          const raw = files.reduce((sum, f) => sum + f.raw, 0);
          const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
          result(
            `JavaScript the route loads (${files.length} files, gzip -9)`,
            `${kb(gzip)} (${kb(raw)} raw)`,
          );
        }
        const ms = inPage.rowsAt ?? wallMs;
        times.push(ms);
        console.log(
          `  run ${run}: her list rendered at ${seconds(ms)} after navigation start (wall clock ${seconds(wallMs)}, ` +
            `first contentful paint ${inPage.fcp === null ? '?' : millis(inPage.fcp)}), ${kb(transferred)} over the wire`,
        );
        await context.close();
      }
      const mid = median(times);
      // The issue's target is for Chromium's Slow 4G; the weaker link is printed for comparison.
      result(
        `time to first render of her list on ${link.name}, median of ${RUNS}`,
        seconds(mid),
        first ? { text: `≤ ${seconds(TARGET_RENDER_MS)}`, met: mid <= TARGET_RENDER_MS } : undefined,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

runMain(main);
