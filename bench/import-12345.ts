// 12345 work-order import: 10,000 orders from a real .xlsx into a fresh embedded database, through the
// service the upload route uses, then the same file again (every order a duplicate). Prints figures only.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Actor } from '../src/server/http/actor';
import { hotlineWorkbook } from '../src/server/test/hotline-workbook';
import { type BenchStack, benchConfig, createCommunity, openStack } from './lib/app';
import { heading, int, megabytes, onExit, result, runMain, seconds } from './lib/report';

const ORDERS = Number(process.env.BENCH_12345_ROWS || 10_000);
const TARGET_MS = 15_000;
const KINDS = ['一般', '紧急', '市政设施', '水电气热', '复杂'];

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dashu-bench-12345-'));
  onExit(() => rmSync(tmp, { recursive: true, force: true }));
  let stack: BenchStack | undefined;
  try {
    heading(`12345 work-order import: ${int(ORDERS)} orders from .xlsx (embedded database)`);
    const rows = Array.from({ length: ORDERS }, (_, i) => [
      `GD2026${String(i).padStart(8, '0')}`,
      `2026-11-${String((i % 28) + 1).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:15`,
      `来电人${i}`,
      `139${String(i).padStart(8, '0')}`,
      `第${i}件诉求：楼道灯不亮，请尽快修理`,
      KINDS[i % KINDS.length] ?? '一般',
      `幸福路${i % 300}号`,
      i % 7 === 0 ? '3个工作日' : '',
    ]);
    let started = performance.now();
    const file = await hotlineWorkbook(rows);
    console.log(
      `generated the workbook (${megabytes(file.length)}) in ${seconds(performance.now() - started)}`,
    );
    stack = await openStack(benchConfig(path.join(tmp, 'data')));
    const community = await createCommunity(stack.services, 'bench-12345', '甲');
    const account = await stack.services.auth.createAccount(null, {
      username: 'bench-12345-secretary',
      displayName: '书记',
      password: 'bench-password-12345',
      role: 'community_secretary',
      scopePlaceId: community.id,
    });
    const actor: Actor = {
      accountId: (account as { id: number }).id,
      username: 'bench-12345-secretary',
      displayName: '书记',
      role: 'community_secretary',
      scope: {
        placeId: community.id,
        placePath: community.path,
        communityIds: [community.id],
        buildingIds: null,
      },
      ip: '127.0.0.1',
      lang: 'zh',
    };
    const run = async (label: string, target: boolean) => {
      const t0 = performance.now();
      const answer = await stack?.services.requests.importHotline(
        actor,
        community.id,
        'bench.xlsx',
        Readable.from(file),
      );
      const ms = performance.now() - t0;
      result(
        label,
        `${seconds(ms)} · ${int(Math.round(ORDERS / (ms / 1000)))} rows/s · imported ${int(answer?.imported.length ?? 0)}, ` +
          `duplicates ${int(answer?.duplicates.length ?? 0)}, refused ${int(answer?.refused.length ?? 0)}`,
        target ? { text: `≤ ${seconds(TARGET_MS)}`, met: ms <= TARGET_MS } : undefined,
      );
    };
    started = performance.now();
    await run(`import ${int(ORDERS)} orders (xlsx, embedded)`, true);
    await run('the same file again (every order a duplicate)', false);
  } finally {
    await stack?.database.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

runMain(main);
