import type { IdParseResult, ParseIdOptions } from './id-types';
import { rejectId } from './id-types';
import { normalizeDocumentInput } from './normalize';
import {
  parseChinesePassport,
  parseForeignPassport,
  parseForeignPermanentResidence,
  parseHomeReturnPermit,
  parseTaiwanCompatriotPermit,
} from './other-documents';
import { parseResidencePermit, parseResidentId } from './resident-id';

export { ID_REASON_MESSAGES } from './id-messages';
export type {
  Gender,
  IdParseFailure,
  IdParseResult,
  IdParseSuccess,
  IdRejectReason,
  ParseIdOptions,
} from './id-types';

export const DOCUMENT_TYPES = [
  'resident_id',
  'hk_macao_tw_residence_permit',
  'home_return_permit',
  'taiwan_compatriot_permit',
  'passport_cn',
  'passport_foreign',
  'foreign_permanent_residence',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * Validates a document number as typed or imported and returns its canonical form. Birth date (ISO
 * YYYY-MM-DD) and gender are returned only for documents that encode them.
 */
export function parseIdNumber(type: DocumentType, raw: string, options: ParseIdOptions = {}): IdParseResult {
  const value = normalizeDocumentInput(raw);
  if (value === '') return rejectId('empty');
  const now = options.now ?? new Date();
  switch (type) {
    case 'resident_id':
      return parseResidentId(value, now);
    case 'hk_macao_tw_residence_permit':
      return parseResidencePermit(value, now);
    case 'home_return_permit':
      return parseHomeReturnPermit(value);
    case 'taiwan_compatriot_permit':
      return parseTaiwanCompatriotPermit(value);
    case 'passport_cn':
      return parseChinesePassport(value);
    case 'passport_foreign':
      return parseForeignPassport(value);
    case 'foreign_permanent_residence':
      return parseForeignPermanentResidence(value, now);
    default: {
      // Reachable only from untyped callers (e.g. a stale value read from storage); a silent pass would be worse.
      const unknownType: never = type;
      throw new TypeError(`Unknown document type: ${String(unknownType)}`);
    }
  }
}
