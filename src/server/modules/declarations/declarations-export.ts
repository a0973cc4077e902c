import type { Readable } from 'node:stream';
import {
  CHANNEL_LABELS,
  type Channel,
  PERSON_STATUS_LABELS,
  type PersonStatus,
} from '../../../shared/declarations';
import { type Column, streamWorkbook } from '../../files/workbook';

export interface ExportRow {
  name: string;
  address: string;
  channel: string;
  declaredAt: string;
  leftCity: boolean;
  originRegion: string | null;
  returnDate: string | null;
  status: PersonStatus;
  currentStatus: PersonStatus;
}

const COLUMNS: ReadonlyArray<Column<ExportRow>> = [
  { header: '姓名', value: (r) => r.name, width: 12 },
  { header: '住址', value: (r) => r.address, width: 22 },
  { header: '登记方式', value: (r) => CHANNEL_LABELS[r.channel as Channel]?.zh ?? r.channel, width: 10 },
  { header: '登记时间', value: (r) => r.declaredAt, kind: 'datetime' },
  { header: '近14天离京', value: (r) => (r.leftCity ? '是' : '否'), width: 10 },
  { header: '返京来源地代码', value: (r) => r.originRegion, width: 14 },
  { header: '返京日期', value: (r) => r.returnDate, kind: 'date' },
  { header: '登记时判定', value: (r) => PERSON_STATUS_LABELS[r.status].zh, width: 22 },
  { header: '当前状态', value: (r) => PERSON_STATUS_LABELS[r.currentStatus].zh, width: 22 },
];

/**
 * The declarations list as Excel, for the daily report staff hand upwards. It carries what the list
 * shows — names and doors, never ID numbers, phones or health answers — and the export is audited.
 */
export function writeDeclarationsWorkbook(rows: readonly ExportRow[]): Readable {
  return streamWorkbook(async (book) => {
    const sheet = book.sheet('登记表', COLUMNS);
    for (const row of rows) {
      sheet.add(row);
      await book.breathe();
    }
  });
}
