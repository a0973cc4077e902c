import { maskIdNumber, maskPhone, parsePhone } from '../../../shared/identity';
import { normalizeDocumentInput } from '../../../shared/identity/normalize';
import { mapHeader } from './roster/validate-roster-row';

const HIDDEN_DATE = '****-**-**';
// Six digits or more anywhere else (a phone in the notes, a number in the wrong column): masked too.
const NUMBER_RUN = /[0-9０-９][0-9０-９Xx×\s-]{4,}[0-9０-９Xx]/g;

/** A number as typed, masked the way responses mask it: a phone as a phone, anything else as a document. */
function maskNumber(raw: string): string {
  const phone = parsePhone(raw);
  if (phone.ok) return maskPhone(phone.normalized);
  const compact = normalizeDocumentInput(raw);
  return compact === '' ? '' : maskIdNumber(compact);
}

/**
 * The copy of a rejected row anyone who imports may download: ID and phone numbers masked as every
 * response masks them, the birth date hidden (beside a masked number it would fill it in), and any
 * other run of digits masked. Names, addresses and the reasons stay, so each row can be found and fixed
 * in the uploader's own file; the full values need a reason (like a reveal).
 */
export function maskRejectedCells(header: string[], cells: string[]): string[] {
  const mapping = mapHeader(header);
  const columns = mapping.ok ? mapping.columns : null;
  return cells.map((cell, index) => {
    const text = cell ?? '';
    if (text.trim() === '') return text;
    if (index === columns?.birthDate) return HIDDEN_DATE;
    if (index === columns?.docNumber || index === columns?.phone) return maskNumber(text);
    return text.replace(NUMBER_RUN, (run) =>
      /\d{6,}/.test(normalizeDocumentInput(run)) ? maskNumber(run) : run,
    );
  });
}
