import type { CellValue } from 'exceljs';
import type { RiskLevel } from '../../../shared/declarations';
import { parseCalendarDate } from '../../../shared/time/beijing';
import { cellText } from '../../files/cell-text';
import type { RiskAreaInput } from './risk-areas.service';

const LEVELS: Record<string, RiskLevel> = {
  高: 'high',
  高风险: 'high',
  high: 'high',
  中: 'medium',
  中风险: 'medium',
  medium: 'medium',
  低: 'low',
  低风险: 'low',
  low: 'low',
};
const HEADERS = {
  code: '地区代码',
  name: '地区名称',
  level: '风险等级',
  from: '开始日期',
  to: '结束日期',
  note: '备注',
};

/** What a cell shows, trimmed: Excel date cells as 'YYYY-MM-DD', numbers as written (see cellText). */
function text(value: unknown): string {
  return cellText((value ?? null) as CellValue).trim();
}

/** Two validity periods share a day (an open end runs for ever); ISO dates compare as strings. */
function overlap(area: RiskAreaInput, from: string, to: string | null): boolean {
  return area.validFrom <= (to ?? '9999-12-31') && (area.validTo ?? '9999-12-31') >= from;
}

/**
 * Reads the risk-area list officers receive as Excel (地区代码, 地区名称, 风险等级, 开始日期, 结束日期, 备注).
 * Every problem is reported with its row; the file is taken whole or not at all.
 */
export async function readRiskAreasWorkbook(
  buffer: Buffer,
): Promise<{ rows: RiskAreaInput[]; errors: string[] }> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: ['文件无法读取，请上传 Excel（.xlsx）文件'] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], errors: ['文件里没有工作表'] };
  const header = (sheet.getRow(1).values as unknown[]).map(text);
  const column = (name: string) => header.indexOf(name);
  const missing = [HEADERS.code, HEADERS.level, HEADERS.from].filter((h) => column(h) < 0);
  if (missing.length) return { rows: [], errors: [`表头缺少：${missing.join('、')}`] };
  const rows: RiskAreaInput[] = [];
  const rowNumbers: number[] = [];
  const errors: string[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cell = (name: string) => (column(name) < 0 ? '' : text(row.getCell(column(name)).value));
    const code = cell(HEADERS.code).replace(/\.0$/, '');
    if (!code && !cell(HEADERS.level)) return;
    const problems: string[] = [];
    if (!/^\d{6}$/.test(code)) problems.push('地区代码应为6位数字');
    const level = LEVELS[cell(HEADERS.level)];
    if (!level) problems.push('风险等级应为 高/中/低');
    const validFrom = parseCalendarDate(cell(HEADERS.from));
    if (!validFrom) problems.push('开始日期应为 年-月-日');
    const toRaw = cell(HEADERS.to);
    const validTo = toRaw ? parseCalendarDate(toRaw) : null;
    if (toRaw && !validTo) problems.push('结束日期应为 年-月-日');
    if (validFrom && validTo && validTo < validFrom) problems.push('结束日期早于开始日期');
    if (problems.length || !level || !validFrom) {
      errors.push(`第${number}行：${problems.join('；')}`);
      return;
    }
    const twin = rows.findIndex(
      (r) => r.regionCode === code && r.level === level && overlap(r, validFrom, validTo),
    );
    if (twin >= 0) {
      errors.push(`第${number}行：与第${rowNumbers[twin]}行重复（同一地区、同一风险等级、有效期重叠）`);
      return;
    }
    rowNumbers.push(number);
    rows.push({
      regionCode: code,
      regionName: cell(HEADERS.name) || code,
      level,
      validFrom,
      validTo,
      note: cell(HEADERS.note) || null,
    });
  });
  if (rows.length === 0 && errors.length === 0) errors.push('文件里没有数据行');
  return { rows, errors };
}
