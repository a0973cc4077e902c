// Two browser figures for closed-compound access, in Debian's Chromium against a real server (embedded
// database, 3,000 households each with a pass):
//   1. bulk printing: /admin/access/print for 3,000 passes, time until every sheet and QR code is on the
//      page and the print button is enabled (target ≤ 10 s);
//   2. offline verification on the gate phone: the gate app's own check code, bundled as it ships, over
//      500 tokens: ms per pass (target ≤ 5 ms).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { killChildren, startChild } from './lib/child';
import { heading, median, millis, onExit, result, runMain, seconds } from './lib/report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.BENCH_CHROMIUM || '/usr/bin/chromium';
const RUNS = 3;
const TARGET_PRINT_MS = 10_000;
const TARGET_VERIFY_MS = 5;

interface GateInfo {
  port: number;
  secretary: string;
  compoundId: number;
  passes: number;
  tokens: string[];
}

onExit(killChildren);

async function main() {
  if (!existsSync(path.join(ROOT, 'dist', 'web', 'admin', 'index.html'))) {
    heading('Pass printing');
    console.log('  SKIPPED: build the web bundle first (npm run build)');
    return;
  }
  const server = await startChild<GateInfo>('bench/lib/gate-server.ts', {
    BENCH_DATABASE_URL: '',
    BENCH_HOUSEHOLDS: '3000',
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const base = `http://127.0.0.1:${server.info.port}`;
    heading(`Bulk printing ${server.info.passes} passes (Chromium ${browser.version()}, 1280×1000)`);
    const times: number[] = [];
    for (let run = 1; run <= RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      const [name, value] = server.info.secretary.split('=') as [string, string];
      await context.addCookies([{ name, value, url: base }]);
      const page = await context.newPage();
      const started = performance.now();
      const answered = page
        .waitForResponse((r) => r.url().includes('/api/access/passes/print'), { timeout: 120_000 })
        .then(() => performance.now() - started);
      await page.goto(`${base}/admin/access/print?compoundId=${server.info.compoundId}`);
      await page.locator('[data-testid="pass-sheets"][data-ready="true"]').waitFor({ timeout: 120_000 });
      const ms = performance.now() - started;
      const cards = await page.getByTestId('pass-card').count();
      times.push(ms);
      console.log(
        `  run ${run}: ${seconds(ms)} to ready (${cards} cards on ${await page.getByTestId('pass-sheet').count()} sheets; ` +
          `the passes' data arrived after ${seconds(await answered)})`,
      );
      await context.close();
    }
    result('time until the print page is ready (median)', seconds(median(times)), {
      text: `≤ ${seconds(TARGET_PRINT_MS)}`,
      met: median(times) <= TARGET_PRINT_MS,
    });

    heading('Offline verification in the browser (gate app code: @noble/ed25519 + WebCrypto SHA-512)');
    const bundle = await build({
      entryPoints: [path.join(ROOT, 'bench/lib/verify-in-browser.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'gateVerify',
      write: false,
      platform: 'browser',
    });
    const code = bundle.outputFiles[0]?.text ?? '';
    const keys = (await (await fetch(`${base}/api/access/keys`)).json()) as {
      keys: Array<{ kid: number; key: string }>;
    };
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${base}/gate/`);
    await page.addScriptTag({ content: code });
    const tokens = server.info.tokens;
    const runs: Array<{ ms: number; valid: number }> = [];
    for (let run = 0; run < RUNS; run += 1) {
      runs.push(
        await page.evaluate(
          ([t, k, c]) =>
            (
              window as unknown as {
                gateVerify: { verifyAll: (...a: unknown[]) => Promise<{ ms: number; valid: number }> };
              }
            ).gateVerify.verifyAll(t, k, c),
          [tokens, keys.keys, server.info.compoundId] as const,
        ),
      );
    }
    for (const [i, r] of runs.entries())
      console.log(`  run ${i + 1}: ${tokens.length} tokens in ${millis(r.ms)} (${r.valid} valid)`);
    const perPass = median(runs.map((r) => r.ms / tokens.length));
    result('per pass (median of runs)', millis(perPass), {
      text: `≤ ${TARGET_VERIFY_MS} ms`,
      met: perPass <= TARGET_VERIFY_MS,
    });
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

runMain(main);
