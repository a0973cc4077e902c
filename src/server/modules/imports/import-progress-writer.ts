import type { Db } from '../../db/database';
import * as repo from './imports.repo';
import type { ImportProgress } from './imports.service';

/**
 * Writes an import's progress to its row as it goes, at most every 250 ms and one statement at a time, so
 * every instance can answer the progress route. Never awaited inside the import's transaction: on the
 * embedded database (one session) the statement simply waits for the transaction to end.
 */
export function progressWriter(
  db: Db,
  id: number,
  progress: ImportProgress,
  onProgress?: (p: ImportProgress) => void,
) {
  let writing: Promise<unknown> | null = null;
  let dirty = false;
  const write = () => {
    if (writing) {
      dirty = true;
      return;
    }
    dirty = false;
    const { phase, processedRows, totalRows } = progress;
    writing = repo
      .updateRunningJob(db, id, { phase, processedRows, totalRows })
      .catch(() => {})
      .finally(() => {
        writing = null;
        if (dirty) write();
      });
  };
  const ticker = setInterval(() => {
    onProgress?.(progress);
    write();
  }, 250);
  return {
    async stop() {
      clearInterval(ticker);
      dirty = false;
      while (writing) await writing;
    },
  };
}
