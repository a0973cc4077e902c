import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { RawRow } from './read-xlsx';

// Enough to contain the header row and a good number of data rows, where non-ASCII text will show up.
const SNIFF_BYTES = 64 * 1024;

export class CsvEncodingError extends Error {}

function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    // stream: true tolerates a multi-byte character cut off at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Excel's "CSV (comma delimited)" on Chinese Windows, and WPS, save in GBK; "CSV UTF-8" saves UTF-8 with
 * a BOM. The encoding is chosen from the first bytes: anything that is not valid UTF-8 is read as GBK
 * (decoded as GB18030, its superset). Decoding is fatal so that a file that switches encoding half-way
 * fails loudly instead of importing garbled names.
 */
async function* decodeChunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  // Bytes held back until enough have arrived to choose the encoding.
  const pending: Buffer[] = [];
  let pendingLength = 0;
  let decoder: TextDecoder | null = null;
  const decode = (active: TextDecoder, bytes: Uint8Array, stream: boolean): string => {
    try {
      return active.decode(bytes, { stream });
    } catch {
      throw new CsvEncodingError(`invalid ${active.encoding} byte sequence`);
    }
  };
  const choose = (): TextDecoder => {
    const sample = Buffer.concat(pending).subarray(0, SNIFF_BYTES);
    return new TextDecoder(isValidUtf8Prefix(sample) ? 'utf-8' : 'gbk', { fatal: true });
  };
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (decoder !== null) {
      yield decode(decoder, bytes, true);
      continue;
    }
    pending.push(bytes);
    pendingLength += bytes.length;
    if (pendingLength >= SNIFF_BYTES) {
      decoder = choose();
      const head = Buffer.concat(pending);
      pending.length = 0;
      yield decode(decoder, head, true);
    }
  }
  if (decoder === null) {
    // Short file: everything is still pending.
    decoder = choose();
    yield decode(decoder, Buffer.concat(pending), true);
  }
  yield decode(decoder, new Uint8Array(0), false);
}

/**
 * Spreadsheet tricks for keeping numbers as text survive in CSV files as typed: ="0101234567" (written
 * by many export tools so Excel keeps leading zeros) and a leading apostrophe before a number.
 */
function unwrapTextMarkers(cell: string): string {
  const formula = /^="(.*)"$/s.exec(cell);
  if (formula) return (formula[1] ?? '').replaceAll('""', '"');
  if (/^'[\dXx+-]+$/.test(cell)) return cell.slice(1);
  return cell;
}

/**
 * Streams CSV records numbered as Excel would number them when opening the file: one row per record
 * (a quoted cell may span lines), empty lines included.
 */
export async function* readCsvRows(stream: Readable): AsyncGenerator<RawRow> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // Files edited by hand mix line endings; csv-parse would otherwise lock onto the first one it sees.
    record_delimiter: ['\r\n', '\n', '\r'],
  });
  // Errors on either side end up on the parser, which is what the loop below reads.
  pipeline(Readable.from(decodeChunks(stream)), parser, () => {});
  let rowNumber = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    rowNumber += 1;
    yield { rowNumber, cells: record.map((cell) => unwrapTextMarkers(cell.trim()).trim()) };
  }
}
