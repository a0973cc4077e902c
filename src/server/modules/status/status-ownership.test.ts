// One owner of person status (issue 12, item 3): only src/server/modules/status/ may write `person_status`
// and `status_history`, and only through its SQL may other modules read them. Declarations, the gate and
// (next) observation call `status.service`; readers use `status.repo` (functions, `currentStatus` for
// typed joins, `currentStatusesSql` for set-based statements). This scans the sources so a second writer
// fails here rather than in review.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const statusDir = path.join('src', 'server', 'modules', 'status');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'migrations' || entry.name === 'node_modules' ? [] : sources(rel);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) ? [rel] : [];
  });
}

const TABLES = /\b(person_status|status_history|personStatus|statusHistory)\b/;
const TABLE_FILE = /status\/status\.table/;
/** A write to the tables, raw or through Drizzle (also through the read alias `currentStatus`). */
const WRITE =
  /\b(insert\s+into|update|delete\s+from)\s+(\$\{\s*)?"?(person_status|status_history|personStatus|statusHistory|currentStatus)\b|\.(insert|update|delete)\(\s*(personStatus|statusHistory|currentStatus)\b/i;

// The server's sources, tests included. bench/ is left out: like a fixture, it seeds 100,000 statuses in
// one statement and counts rows to print its figures; it changes no status of a running installation.
const files = sources(path.join('src', 'server'));
const outside = files.filter((f) => !f.startsWith(statusDir + path.sep));
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');

describe('person status has one owner', () => {
  it('finds the sources it judges, and the writes in the status module itself (the scan works)', () => {
    expect(outside.length).toBeGreaterThan(100);
    const own = files.filter((f) => f.startsWith(statusDir + path.sep) && !f.endsWith('.test.ts'));
    const writers = own.filter((f) => WRITE.test(read(f))).map((f) => path.basename(f));
    expect(writers.sort()).toEqual(['status-batch.sql.ts', 'status.repo.ts']);
    expect(WRITE.test(`insert into ${'${'}personStatus} as ps`)).toBe(true);
    expect(WRITE.test('update person_status set status')).toBe(true);
    expect(WRITE.test('await tx.update(currentStatus).set({})')).toBe(true);
    expect(WRITE.test('select status from person_status')).toBe(false);
  });

  it('no other module writes person_status or status_history (tests included)', () => {
    const writers = outside.filter((f) => WRITE.test(read(f)));
    expect(writers).toEqual([]);
  });

  it('no other module names the tables: reads go through status.repo', () => {
    // Tests may look at the rows they check (read-only: the scan above covers their writes).
    // db/schema.ts gathers every table for drizzle-kit (`export *`), naming none.
    const naming = outside
      .filter((f) => !/\.test\.tsx?$/.test(f) && f !== path.join('src', 'server', 'db', 'schema.ts'))
      .filter((f) => {
        const text = read(f);
        return TABLES.test(text) || TABLE_FILE.test(text);
      });
    expect(naming).toEqual([]);
  });
});
