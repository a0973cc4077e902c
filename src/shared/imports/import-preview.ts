import { type Static, Type } from 'typebox';
import { Nullable } from '../api/responses';

// What a roster preview shows before anything is written (issue 13): each category a count with its rows.
// The rows are capped (PREVIEW_ROW_LIMIT; conflicts CONFLICT_ROW_LIMIT), the counts are not.

export const PREVIEW_CATEGORIES = [
  'new',
  'updated',
  'moved',
  'merged',
  'conflict',
  'rejected',
  'unchanged',
] as const;
export type PreviewCategory = (typeof PREVIEW_CATEGORIES)[number];

/**
 * file_name: the same ID with another name earlier in the file (fix the file: never importable as is);
 * registry_name: the same ID under another name in the registry; second_head: a second 户主 at one door;
 * placeholder_phone: a phone typed to fill the cell.
 */
export const CONFLICT_KINDS = ['file_name', 'registry_name', 'second_head', 'placeholder_phone'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const PREVIEW_ROW_LIMIT = 200;
export const CONFLICT_ROW_LIMIT = 2000;

export const PreviewChange = Type.Object({
  field: Type.String(),
  /** Phones masked; birth dates hidden (beside a masked ID they would complete it). */
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
});

export const PreviewConflict = Type.Object({
  kind: Type.Enum(CONFLICT_KINDS),
  /** The other name (registry or earlier row), or the other head's row or masked name. */
  detail: Nullable(Type.String()),
});

export const PreviewRow = Type.Object({
  rowNumber: Type.Integer(),
  /** Every row merged into this person (merged category). */
  rowNumbers: Type.Array(Type.Integer()),
  name: Type.String(),
  /** Masked as every response masks it. */
  doc: Type.String(),
  door: Type.String(),
  fromDoor: Nullable(Type.String()),
  changes: Type.Array(PreviewChange),
  conflicts: Type.Array(PreviewConflict),
  /** A conflict the user may choose to import (the file's version wins); file_name never is. */
  acceptable: Type.Boolean(),
  reasons: Type.Array(Type.String()),
});
export type PreviewRow = Static<typeof PreviewRow>;

const Counts = Type.Object(Object.fromEntries(PREVIEW_CATEGORIES.map((c) => [c, Type.Integer()])));

export const RosterPreview = Type.Object({
  counts: Counts,
  rows: Type.Object(Object.fromEntries(PREVIEW_CATEGORIES.map((c) => [c, Type.Array(PreviewRow)]))),
  unrecognisedColumns: Type.Array(Type.String()),
  placesCreated: Type.Integer(),
});
export type RosterPreview = {
  counts: Record<PreviewCategory, number>;
  rows: Record<PreviewCategory, PreviewRow[]>;
  unrecognisedColumns: string[];
  placesCreated: number;
};

export const RosterPreviewAnswer = Type.Object({ preview: RosterPreview });
export type RosterPreviewAnswer = { preview: RosterPreview };
