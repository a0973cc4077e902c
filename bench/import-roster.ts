// Roster import: 30,000 residents from a real .xlsx (and the same rows as .csv) into a fresh embedded
// database, through the same service the upload route and the CLI use. Prints figures; asserts nothing.
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Services } from '../src/server/http/types';
import { type BenchStack, benchConfig, createCommunity, openStack } from './lib/app';
import { heading, int, megabytes, onExit, RssSampler, result, runMain, seconds } from './lib/report';
import { rosterShape, writeRosterCsv, writeRosterXlsx } from './lib/roster-file';

const RESIDENTS = Number(process.env.BENCH_IMPORT_ROWS || 30_000);
const TARGET_MS = 20_000;

async function timedImport(services: Services, communityId: number, file: string, preview = false) {
  let writingAt: number | undefined;
  const started = performance.now();
  const job = await services.imports.start(null, {
    communityId,
    fileName: path.basename(file),
    stream: createReadStream(file),
    preview,
    wait: true,
    onProgress: (progress) => {
      if (progress.phase === 'writing' && writingAt === undefined) writingAt = performance.now();
    },
  });
  const ms = performance.now() - started;
  if (job.status !== (preview ? 'previewed' : 'done'))
    throw new Error(`import ended ${job.status}: ${job.error ?? ''}`);
  // Progress is read from the import's row every 200 ms (written every 250 ms), so the split between the
  // phases is only that precise.
  const readMs = (writingAt ?? started + ms) - started;
  return { job, ms, readMs };
}

type Timed = Awaited<ReturnType<typeof timedImport>>;

function describe(label: string, run: Timed, target?: boolean) {
  const { job, ms, readMs } = run;
  const measured = `${seconds(ms)} · ${int(Math.round(RESIDENTS / (ms / 1000)))} rows/s`;
  result(label, measured, target ? { text: `≤ ${seconds(TARGET_MS)}`, met: ms <= TARGET_MS } : undefined);
  console.log(
    `    read+validate ≈ ${seconds(readMs)}, write ≈ ${seconds(ms - readMs)} · inserted ${int(job.inserted)}, ` +
      `updated ${int(job.updated)}, unchanged ${int(job.unchanged)}, rejected ${int(job.rejected)}, ` +
      `conflicts ${int(job.conflicts)}, ` +
      `places created ${int(job.placesCreated)}`,
  );
}

async function checkRejections(stack: BenchStack, run: Timed) {
  if (run.job.rejected === 0) return;
  const { rows } = await stack.database.pool.query<{ row_number: number; reasons: string }>(
    'select row_number, reasons from import_rejections where job_id = $1 order by row_number limit 3',
    [run.job.id],
  );
  console.log(`    WARNING: the generated roster had rejected rows (a benchmark data bug), e.g.:`);
  for (const r of rows) console.log(`      row ${r.row_number}: ${r.reasons}`);
}

async function counts(stack: BenchStack, communityId: number) {
  const { rows } = await stack.database.pool.query<{ residents: number; households: number }>(
    `select (select count(*)::int from residents where community_id = $1) as residents,
            (select count(*)::int from households where community_id = $1) as households`,
    [communityId],
  );
  return rows[0] ?? { residents: 0, households: 0 };
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dashu-bench-import-'));
  onExit(() => rmSync(tmp, { recursive: true, force: true }));
  let stack: BenchStack | undefined;
  try {
    const shape = rosterShape(RESIDENTS);
    heading(
      `Roster import: ${int(shape.residents)} residents, ${int(shape.households)} households, ` +
        `${shape.buildings} buildings (embedded database)`,
    );
    const xlsx = path.join(tmp, 'roster.xlsx');
    const csv = path.join(tmp, 'roster.csv');
    let started = performance.now();
    await writeRosterXlsx(xlsx, RESIDENTS);
    const xlsxMs = performance.now() - started;
    started = performance.now();
    await writeRosterCsv(csv, RESIDENTS);
    console.log(
      `generated roster.xlsx (${megabytes(statSync(xlsx).size)}) in ${seconds(xlsxMs)}, ` +
        `roster.csv (${megabytes(statSync(csv).size)}) in ${seconds(performance.now() - started)}`,
    );

    const rss = new RssSampler();
    const baseline = rss.sample();
    started = performance.now();
    stack = await openStack(benchConfig(path.join(tmp, 'data')));
    const opened = rss.sample();
    console.log(
      `embedded database created and migrated in ${seconds(performance.now() - started)} (RSS ${megabytes(opened)})`,
    );
    // Imports are jobs (modules/jobs): this process works them, as a server would.
    await stack.services.jobs.start({ schedules: false, supervise: false });
    const first = await createCommunity(stack.services, 'bench-import-a', '甲');
    const second = await createCommunity(stack.services, 'bench-import-b', '乙');

    // The preview (issue 13): the same reading and deciding, nothing written; same budget as the import.
    const previewRun = await timedImport(stack.services, first.id, xlsx, true);
    describe(`preview ${int(RESIDENTS)} residents (xlsx, embedded, empty registry)`, previewRun, true);

    const xlsxRun = await timedImport(stack.services, first.id, xlsx);
    describe(`import ${int(RESIDENTS)} residents (xlsx, embedded)`, xlsxRun, true);
    await checkRejections(stack, xlsxRun);
    const stored = await counts(stack, first.id);
    console.log(
      `    in the database: ${int(stored.residents)} residents, ${int(stored.households)} households`,
    );

    const previewAgain = await timedImport(stack.services, first.id, xlsx, true);
    describe(`preview ${int(RESIDENTS)} residents again (every person in the registry)`, previewAgain, true);

    const again = await timedImport(stack.services, first.id, xlsx);
    describe('same xlsx again (idempotent re-import)', again);
    if (again.job.unchanged !== RESIDENTS)
      console.log('    WARNING: a re-import should leave every row unchanged');

    const csvRun = await timedImport(stack.services, second.id, csv);
    describe(`import ${int(RESIDENTS)} residents (csv, embedded, second community)`, csvRun, true);
    await checkRejections(stack, csvRun);

    const peak = rss.stop();
    result(
      'peak RSS (this process, embedded database worker included)',
      `${megabytes(peak)} (${megabytes(baseline)} before opening the database)`,
    );
  } finally {
    await stack?.services.jobs.stop();
    await stack?.database.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

runMain(main);
