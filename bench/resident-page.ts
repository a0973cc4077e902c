// The resident form page behind a poster's QR code (/r/p/:token): JavaScript it loads (gzipped) against the
// budget, then time to the first render of the form in headless Chromium on a throttled "Slow 4G" link.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { killChildren, startChild } from './lib/child';
import { heading, median, millis, onExit, result, runMain, seconds } from './lib/report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = path.join(ROOT, 'dist', 'web');
const PAGE = path.join(WEB, 'resident', 'index.html');
const CHROMIUM = process.env.BENCH_CHROMIUM || '/usr/bin/chromium';
const RUNS = 5;
const TARGET_JS_GZIP = 150 * 1024;
const TARGET_RENDER_MS = 2_000;
const FORM = '[data-testid=rf-name]';
/** Chrome DevTools' "Slow 4G" preset (its former "Fast 3G"): 1.4 Mbps × 0.9 down, 750 kbps × 0.9 up. */
const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.4 * 1000 * 1000 * 0.9) / 8,
  uploadThroughput: (750 * 1000 * 0.9) / 8,
};

onExit(killChildren);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The JS files the page's HTML references (entry script + modulepreloads), with raw and gzip sizes. */
function pageScripts() {
  const html = readFileSync(PAGE, 'utf8');
  const refs = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script') && /type="module"|src=/.test(tag);
    const isPreload = /rel="modulepreload"/.test(tag);
    const ref = /(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    if ((isScript || isPreload) && ref) refs.add(ref);
  }
  const files = [...refs].map((ref) => {
    const body = readFileSync(path.join(WEB, ref.replace(/^\//, '')));
    return { ref, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, text: body.toString('utf8') };
  });
  // Static imports between chunks that the HTML does not list would load too (one round trip later).
  const listed = new Set(files.map((f) => path.basename(f.ref)));
  const unlisted = new Set<string>();
  const lazy = new Set<string>();
  for (const f of files) {
    for (const m of f.text.matchAll(/(?:import|from)\s*["'](\.\/[^"']+\.js)["']/g))
      if (m[1] && !listed.has(path.basename(m[1]))) unlisted.add(path.basename(m[1]));
    for (const m of f.text.matchAll(/import\(\s*["'](\.\/[^"']+\.js)["']\s*\)/g))
      if (m[1]) lazy.add(path.basename(m[1]));
  }
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? '');
  return { files, unlisted: [...unlisted], lazy: [...lazy], css };
}

async function main() {
  heading('Resident form page /r/p/:token');
  if (!existsSync(PAGE)) {
    console.log(
      `SKIPPED: ${path.relative(ROOT, PAGE)} is missing; build the web bundle first (npm run build).`,
    );
    return;
  }
  const { files, unlisted, lazy, css } = pageScripts();
  for (const f of files)
    console.log(`  ${f.ref.padEnd(42)} ${kb(f.raw).padStart(9)} raw  ${kb(f.gzip).padStart(8)} gzip`);
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const raw = files.reduce((sum, f) => sum + f.raw, 0);
  result(`JavaScript the page loads (${files.length} files, gzip -9)`, `${kb(total)} (${kb(raw)} raw)`, {
    text: `≤ ${kb(TARGET_JS_GZIP)}`,
    met: total <= TARGET_JS_GZIP,
  });
  if (unlisted.length > 0) console.log(`  statically imported but not preloaded: ${unlisted.join(', ')}`);
  if (lazy.length > 0) console.log(`  loaded later on demand (not counted): ${lazy.join(', ')}`);
  if (css.length > 0) console.log(`  stylesheets: ${css.join(', ')}`);

  const server = await startChild<{ port: number; token: string }>('bench/lib/submit-server.ts', {
    BENCH_SERVER: 'dashu',
    BENCH_DATABASE_URL: '',
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const url = `http://127.0.0.1:${server.info.port}/r/p/${server.info.token}`;
    console.log(
      `\n  ${url} (embedded database, server in its own process), Chromium ${browser.version()}, ` +
        `throttled: latency ${SLOW_4G.latency} ms, ${Math.round(SLOW_4G.downloadThroughput).toLocaleString('en-US')} B/s down, ` +
        `${Math.round(SLOW_4G.uploadThroughput).toLocaleString('en-US')} B/s up, cache disabled`,
    );
    const times: number[] = [];
    for (let run = 1; run <= RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
      const page = await context.newPage();
      // Records, in page time (ms since navigation start), when the form's first field appears.
      await page.addInitScript((selector: string) => {
        const w = window as unknown as { __formAt?: number };
        const check = () => {
          if (w.__formAt === undefined && document.querySelector(selector)) w.__formAt = performance.now();
        };
        new MutationObserver(check).observe(document, { childList: true, subtree: true });
      }, FORM);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      let transferred = 0;
      let requests = 0;
      const encodings = new Set<string>();
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        transferred += e.encodedDataLength;
        requests += 1;
      });
      cdp.on(
        'Network.responseReceived',
        (e: { response: { url: string; headers: Record<string, string> } }) => {
          if (e.response.url.endsWith('.js'))
            encodings.add(
              e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'none',
            );
        },
      );
      const started = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      try {
        await page.waitForSelector(FORM, { timeout: 60_000 });
      } catch {
        const text = (await page.textContent('body').catch(() => '')) ?? '';
        throw new Error(`run ${run}: the form never rendered; the page shows: ${text.slice(0, 200)}`);
      }
      const wallMs = performance.now() - started;
      const inPage = await page.evaluate(() => {
        const w = window as unknown as { __formAt?: number };
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
        return { formAt: w.__formAt ?? null, fcp };
      });
      const ms = inPage.formAt ?? wallMs;
      times.push(ms);
      console.log(
        `  run ${run}: form rendered at ${seconds(ms)} after navigation start ` +
          `(wall clock ${seconds(wallMs)}, first contentful paint ${inPage.fcp === null ? '?' : millis(inPage.fcp)}), ` +
          `${requests} requests, ${kb(transferred)} over the wire, JS content-encoding: ${[...encodings].join('/')}`,
      );
      await context.close();
    }
    const mid = median(times);
    result(`time to first render of the form, median of ${RUNS}`, seconds(mid), {
      text: `≤ ${seconds(TARGET_RENDER_MS)}`,
      met: mid <= TARGET_RENDER_MS,
    });
  } finally {
    await browser.close();
    await server.stop();
  }
}

runMain(main);
