// Runs the benchmarks one after another, each in its own process: `npx tsx bench/run.ts [name …]`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seconds } from './lib/report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const BENCHES = [
  'import-roster',
  'search',
  'restart',
  'declaration-submit',
  'reevaluate',
  'resident-page',
  'visit-page',
  'campaigns',
  'observation-checkin',
  'gate-check',
  'gate-instances',
  'pass-print',
  'helpers-coverage',
  'requests-rates',
  'import-12345',
];

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !BENCHES.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (choose from ${BENCHES.join(', ')})`);
  process.exit(2);
}

// Ctrl-C reaches the running benchmark too (same process group); it cleans up, and no further one starts.
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
});

const outcomes: string[] = [];
let failed = false;
for (const name of asked.length > 0 ? asked : BENCHES) {
  if (interrupted) break;
  console.log(`\n######## bench/${name}.ts`);
  const started = performance.now();
  const child = spawn(TSX, [path.join('bench', `${name}.ts`)], { cwd: ROOT, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const took = seconds(performance.now() - started);
  if (code !== 0) failed = true;
  outcomes.push(
    `  ${name.padEnd(18)} ${code === 0 ? 'ok    ' : `FAILED (exit ${code ?? 'by signal'})`} ${took}`,
  );
}

console.log('\n######## summary');
for (const line of outcomes) console.log(line);
if (interrupted) console.log('  (interrupted)');
process.exit(failed || interrupted ? 1 : 0);
