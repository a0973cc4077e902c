// `npm start` serves the console from dist/web: build it once if it is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// The resident page is built last: when it is there, both builds are.
const built = 'dist/web/resident/index.html';

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const stale =
  !existsSync(built) || statSync(built).mtimeMs < Math.max(newestIn('src/web'), newestIn('src/shared'));
if (stale) {
  console.log('正在构建网页控制台… · building the web console…');
  // Both builds (staff pages, then the resident page with Preact) and the precompressed copies.
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
