import type { ErrorCode } from '../../shared/i18n/error-messages';

const STATUS: Partial<Record<ErrorCode, number>> = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_document: 400,
  invalid_phone: 400,
  identity_mismatch: 400,
  invalid_place_kind: 400,
  not_a_household_place: 400,
  reason_required: 400,
  weak_password: 400,
  unsupported_file: 400,
  file_missing: 400,
  import_bad_header: 400,
  import_unreadable: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  wrong_password: 400,
  forbidden: 403,
  out_of_scope: 403,
  account_disabled: 403,
  not_found: 404,
  poster_unknown: 404,
  poster_revoked: 410,
  consent_required: 400,
  route_not_found: 404,
  conflict_version: 409,
  pass_not_active: 409,
  pass_link_unknown: 404,
  gate_check_invalid: 400,
  shift_invalid: 400,
  shift_overlap: 409,
  no_shift_now: 409,
  inspection_invalid: 400,
  conflict_duplicate: 409,
  duplicate_document: 409,
  duplicate_username: 409,
  duplicate_door: 409,
  nothing_to_reveal: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 423,
  rate_limited: 429,
};

/** An error a client caused or may see: becomes `{ error: { code, message, field? } }` in its language. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(code);
    this.status = STATUS[code] ?? 500;
  }
}
