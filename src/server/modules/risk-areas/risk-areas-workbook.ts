import type { RiskLevel } from '../../../shared/declarations';
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

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && value !== null && 'text' in value)
    return String((value as { text: unknown }).text);
  return value === null || value === undefined ? '' : String(value).trim();
}

function day(raw: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ||
    new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso
    ? null
    : iso;
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
    const validFrom = day(cell(HEADERS.from));
    if (!validFrom) problems.push('开始日期应为 年-月-日');
    const toRaw = cell(HEADERS.to);
    const validTo = toRaw ? day(toRaw) : null;
    if (toRaw && !validTo) problems.push('结束日期应为 年-月-日');
    if (validFrom && validTo && validTo < validFrom) problems.push('结束日期早于开始日期');
    if (problems.length || !level || !validFrom) {
      errors.push(`第${number}行：${problems.join('；')}`);
      return;
    }
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
