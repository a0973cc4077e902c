import { checkPhoneField } from '../../../shared/people/resident-input';
import { beijingInstant, parseCalendarDate } from '../../../shared/time/beijing';
import type { RawRow } from '../imports/roster/read-xlsx';

/**
 * The columns of the 12345 platform's work-order export, by the words staff see in its header. Exports
 * differ between districts and years, so each field accepts the usual aliases; the header is the first row
 * (within the first few) that names the order number and the content.
 */
const ALIASES = {
  orderNumber: ['工单编号', '工单号', '工单编码', '编号', '单号'],
  receivedAt: ['来电时间', '受理时间', '派单时间', '登记时间', '接单时间', '创建时间'],
  requesterName: ['来电人', '诉求人', '来电人姓名', '诉求人姓名', '姓名', '联系人'],
  phone: ['联系电话', '来电号码', '联系方式', '电话', '手机号', '诉求人电话'],
  text: ['诉求内容', '问题描述', '来电内容', '工单内容', '反映问题', '诉求描述', '内容'],
  category: ['诉求类型', '分类', '诉求分类', '问题分类', '工单类型', '类别', '诉求类别'],
  address: ['地址', '诉求地址', '事发地址', '问题地址', '详细地址'],
  deadline: ['办理时限', '要求办结时间', '办结时限', '处理时限', '截止时间'],
} as const;

export type HotlineField = keyof typeof ALIASES;
export type HotlineColumns = Partial<Record<HotlineField, number>>;

const normalise = (text: string) => text.replace(/[\s*（）()：:]/g, '');

/** Where each known field is in a header row; undefined when the row is not the header. */
export function hotlineColumns(cells: readonly string[]): HotlineColumns | undefined {
  const found: HotlineColumns = {};
  cells.forEach((cell, index) => {
    const name = normalise(cell);
    for (const [field, words] of Object.entries(ALIASES) as [HotlineField, readonly string[]][]) {
      if (found[field] === undefined && words.includes(name)) found[field] = index;
    }
  });
  return found.orderNumber !== undefined && found.text !== undefined ? found : undefined;
}

/** What the sheet says about the limit to resolution: a fixed moment, or an amount from the receipt. */
export type SheetDeadline =
  | { kind: 'at'; at: Date }
  | { kind: 'limit'; amount: number; unit: 'hours' | 'workdays' };

export interface HotlineRow {
  rowNumber: number;
  orderNumber: string;
  receivedAt: Date | null;
  requesterName: string;
  phone: string | null;
  text: string;
  category: string;
  address: string;
  deadline: SheetDeadline | null;
}

const DATE_TIME = /^(.+?)[\sT]+(\d{1,2})[:：](\d{2})(?:[:：]\d{2}(?:\.\d+)?)?$/;

/** '2026-12-01 08:30(:00)' (a date-time cell arrives so too) or a bare date (then Beijing midnight). */
export function parseWallTime(text: string): Date | null {
  const match = DATE_TIME.exec(text.trim());
  const day = parseCalendarDate(match ? (match[1] ?? '') : text);
  if (!day) return null;
  const hour = match ? Number(match[2]) : 0;
  const minute = match ? Number(match[3]) : 0;
  if (hour > 23 || minute > 59) return null;
  return beijingInstant(day, `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
}

/** '48小时', '3个工作日', '7天' (days on the platform are working days), or a moment to be done by. */
function parseDeadline(text: string): SheetDeadline | null | 'bad' {
  const plain = text.trim();
  if (!plain) return null;
  const hours = /^(\d{1,3})\s*(小时|h|H)$/.exec(plain);
  if (hours) return { kind: 'limit', amount: Number(hours[1]), unit: 'hours' };
  const days = /^(\d{1,2})\s*(个工作日|工作日|天|日)$/.exec(plain);
  if (days) return { kind: 'limit', amount: Number(days[1]), unit: 'workdays' };
  const at = parseWallTime(plain);
  if (!at) return 'bad';
  // A bare date means "by the end of that day" (Beijing).
  return { kind: 'at', at: /\d[:：]\d/.test(plain) ? at : new Date(at.getTime() + 86_400_000 - 1000) };
}

/**
 * One data row checked: the row's values, or the Chinese reasons it is refused. Everything that can be told
 * from the row alone is checked here; the category, duplicates and the clock are the service's.
 */
export function readHotlineRow(
  row: RawRow,
  columns: HotlineColumns,
): { ok: true; row: HotlineRow } | { ok: false; reason: string; orderNumber: string | null } {
  const cell = (field: HotlineField) => {
    const index = columns[field];
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const problems: string[] = [];
  const orderNumber = cell('orderNumber');
  if (!orderNumber) problems.push('缺少工单编号');
  else if (!/^[A-Za-z0-9-]{1,40}$/.test(orderNumber))
    problems.push('工单编号只能是字母、数字和连字符（40位以内）');
  const text = cell('text');
  if (!text) problems.push('缺少诉求内容');
  else if (text.length > 2000) problems.push('诉求内容超过2000字');
  const receivedText = cell('receivedAt');
  const receivedAt = receivedText ? parseWallTime(receivedText) : null;
  if (receivedText && !receivedAt) problems.push('来电时间不是有效的日期时间');
  const phoneCheck = checkPhoneField(cell('phone'));
  if (!phoneCheck.ok) problems.push('联系电话格式不正确');
  const deadline = parseDeadline(cell('deadline'));
  if (deadline === 'bad') problems.push('办理时限应为日期时间、“N小时”或“N个工作日”');
  const requesterName = cell('requesterName').slice(0, 50) || '匿名来电人';
  if (problems.length > 0 || deadline === 'bad' || !phoneCheck.ok)
    return { ok: false, reason: problems.join('；'), orderNumber: orderNumber || null };
  return {
    ok: true,
    row: {
      rowNumber: row.rowNumber,
      orderNumber,
      receivedAt,
      requesterName,
      phone: phoneCheck.value,
      text: text,
      category: cell('category'),
      address: cell('address').slice(0, 200),
      deadline,
    },
  };
}
