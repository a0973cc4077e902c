import type { CellValue } from 'exceljs';

// Excel stores numbers as doubles and keeps 15 significant digits; anything typed beyond that is gone.
const EXCEL_DIGITS = 15;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Integers that fit a double exactly are written out in full (phone numbers, 15-digit IDs). Larger ones
 * cannot be exact any more: an 18-digit ID typed into a General cell is stored as 1.10105199001011E+17
 * with its last digits zeroed. They are rendered the way Excel shows them, in scientific notation, so the
 * validator can tell the user what happened instead of reporting a wrong-looking number.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isSafeInteger(value)) return String(value);
  const precise = value.toPrecision(EXCEL_DIGITS);
  // Every integer beyond 2^53 has more than 15 digits, so toPrecision always uses exponent form here.
  if (Number.isInteger(value)) {
    const [mantissa = '', exponent = ''] = precise.split('e');
    return `${mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa}E${exponent}`;
  }
  // Fractions: drop the binary noise Excel would not show (0.30000000000000004).
  return String(Number(precise));
}

/** Calendar day in UTC: exceljs turns date serials into UTC midnight, whatever the server's time zone. */
export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** True for number formats that display a date (y or d outside quoted text and [colour]/[locale] blocks). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const code = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[yd]/i.test(code);
}

function serialToIsoDate(serial: number): string {
  return isoDate(new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS)));
}

/** 'YYYY-MM-DD HH:MM' when the moment has a time of day (exceljs gives Excel's wall clock as UTC), else the date. */
function isoDateTime(date: Date): string {
  const day = isoDate(date);
  if (!day || (date.getUTCHours() === 0 && date.getUTCMinutes() === 0)) return day;
  const hh = String(date.getUTCHours()).padStart(2, '0');
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  return `${day} ${hh}:${mm}`;
}

/**
 * Text of a streamed cell as the user sees it. Formula cells give their cached result; the streaming
 * reader only converts plain date cells, so a formula returning a date is converted here by its format.
 */
export function cellText(value: CellValue, numFmt?: string, keepTime = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!isDateFormat(numFmt)) return numberText(value);
    return keepTime
      ? isoDateTime(new Date(EXCEL_EPOCH_MS + Math.round(value * DAY_MS)))
      : serialToIsoDate(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return keepTime ? isoDateTime(value) : isoDate(value);
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result: CellValue = value.result ?? null;
    return cellText(result, numFmt, keepTime);
  }
  if ('hyperlink' in value) return cellText(value.text, numFmt, keepTime);
  return '';
}
