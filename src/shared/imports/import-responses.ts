import { type Static, Type } from 'typebox';
import { Nullable } from '../api/responses';

// What the roster-import routes answer (src/server/modules/imports/imports.routes.ts); the workbooks they
// send (the template, the rejected rows) are files, declared by content type where the route is.

export const ImportJobOut = Type.Object({
  id: Type.Integer(),
  communityId: Type.Integer(),
  fileName: Type.String(),
  /** previewed: decided and shown, nothing written, waiting for the user's confirmation; discarded: the
   * user let it go (nothing written, the file deleted). */
  status: Type.Enum(['running', 'previewed', 'discarded', 'done', 'failed'] as const),
  mode: Type.Enum(['preview', 'import'] as const),
  phase: Type.Enum(['reading', 'writing', 'done'] as const),
  processedRows: Type.Integer(),
  totalRows: Nullable(Type.Integer()),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  /** Rows held back by a conflict (the preview: every conflict; the import: those not accepted). */
  conflicts: Type.Integer(),
  placesCreated: Type.Integer(),
  /** Why it failed, in the reader's language. */
  error: Nullable(Type.String()),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type ImportJob = Static<typeof ImportJobOut>;

export const ImportJobAnswer = Type.Object({ job: ImportJobOut });
export type ImportJobAnswer = Static<typeof ImportJobAnswer>;
export const ImportJobList = Type.Object({ items: Type.Array(ImportJobOut) });
export type ImportJobList = Static<typeof ImportJobList>;
