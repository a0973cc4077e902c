// Test-only helpers: in-memory spreadsheets, synthetic IDs and a GBK encoder. Never import from runtime code.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { residentIdCheckChar } from '../../../../shared/identity';
import { type RosterRecord, readRosterRows } from './read-roster';

export const NOW = new Date('2024-06-01T04:00:00Z');

/** A made-up but valid resident ID: region + YYYYMMDD + 3-digit sequence + check character. */
export function residentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

export async function xlsxBuffer(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs' typings want its own Buffer flavour; the runtime accepts any Node Buffer.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

export async function readAll(buffer: Buffer | string, format: 'xlsx' | 'csv'): Promise<RosterRecord[]> {
  const records: RosterRecord[] = [];
  for await (const record of readRosterRows({ stream: Readable.from([buffer]), format }))
    records.push(record);
  return records;
}

export function headerOf(records: RosterRecord[]): string[] {
  const first = records[0];
  if (!first || !('header' in first)) throw new Error('expected the header first');
  return first.header;
}

export function dataOf(records: RosterRecord[]): Array<{ rowNumber: number; cells: string[] }> {
  return records.flatMap((record) => ('header' in record ? [] : [record]));
}

let gbkTable: Map<string, number[]> | null = null;

/** GBK bytes for a string, built by inverting Node's GBK decoder (Node ships no GBK encoder). */
export function encodeGbk(text: string): Buffer {
  if (gbkTable === null) {
    const table = new Map<string, number[]>();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
    gbkTable = table;
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = gbkTable.get(ch);
    if (!pair) throw new Error(`not in GBK: ${ch}`);
    bytes.push(...pair);
  }
  return Buffer.from(bytes);
}
