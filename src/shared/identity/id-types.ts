export type Gender = 'male' | 'female';

export type IdRejectReason =
  | 'empty'
  | 'bad_characters'
  | 'bad_length'
  | 'bad_format'
  | 'misplaced_x'
  | 'bad_region'
  | 'bad_date'
  | 'date_too_early'
  | 'future_date'
  | 'bad_checksum'
  | 'not_residence_permit';

export type IdParseSuccess = { ok: true; normalized: string; birthDate?: string; gender?: Gender };
export type IdParseFailure = { ok: false; reason: IdRejectReason };
export type IdParseResult = IdParseSuccess | IdParseFailure;

export interface ParseIdOptions {
  /** Reference instant for the "birth date is not in the future" rule; defaults to the current time. */
  now?: Date;
}

export function rejectId(reason: IdRejectReason): IdParseFailure {
  return { ok: false, reason };
}
