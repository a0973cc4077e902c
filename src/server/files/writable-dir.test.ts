import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertWritableDir } from './writable-dir';

const photos = { zh: '照片目录', en: 'photo directory' };

describe('writable directory check at start', () => {
  it('creates a missing directory and leaves nothing behind', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'dashu-dir-')), 'photos');
    assertWritableDir(dir, photos);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a directory it cannot write, in Chinese first', () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'dashu-dir-'));
    // A file where the directory should be: unwritable even for root (tests may run as root).
    const file = path.join(base, 'not-a-dir');
    writeFileSync(file, '');
    expect(() => assertWritableDir(path.join(file, 'photos'), photos)).toThrow(
      /^照片目录不可写：.*the photo directory is not writable/,
    );
  });
});
