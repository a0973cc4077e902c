import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Refuses to start on a directory this process cannot write (a shared mount missing or read-only): better
 * a clear message at start than a photo upload or a key rotation failing hours later on one instance.
 * Several instances must all see the same directory (docs/SCALE.md); this checks only that it is there and
 * writable here.
 */
export function assertWritableDir(dir: string, what: { zh: string; en: string }) {
  const probe = path.join(dir, `.dashu-write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, 'ok');
    rmSync(probe, { force: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(
      `${what.zh}不可写：${dir}（${reason}）。多个实例须共用同一目录，见 docs/SCALE.md · ` +
        `the ${what.en} is not writable: ${dir} (${reason}); every instance must share it, see docs/SCALE.md`,
    );
  }
}
