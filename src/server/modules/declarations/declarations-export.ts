import {
  CHANNEL_LABELS,
  type Channel,
  PERSON_STATUS_LABELS,
  type PersonStatus,
} from '../../../shared/declarations';

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

const COLUMNS = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '住址', key: 'address', width: 22 },
  { header: '登记方式', key: 'channel', width: 10 },
  { header: '登记时间', key: 'declaredAt', width: 18 },
  { header: '近14天离京', key: 'leftCity', width: 10 },
  { header: '返京来源地代码', key: 'originRegion', width: 14 },
  { header: '返京日期', key: 'returnDate', width: 12 },
  { header: '登记时判定', key: 'status', width: 22 },
  { header: '当前状态', key: 'currentStatus', width: 22 },
];

/**
 * The declarations list as Excel, for the daily report staff hand upwards. It carries what the list
 * shows — names and doors, never ID numbers, phones or health answers — and the export is audited.
 */
export async function writeDeclarationsWorkbook(rows: ExportRow[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('登记表');
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    sheet.addRow({
      ...row,
      channel: CHANNEL_LABELS[row.channel as Channel]?.zh ?? row.channel,
      declaredAt: new Date(row.declaredAt).toLocaleString('zh-CN', {
        timeZone: 'Asia/Shanghai',
        hour12: false,
      }),
      leftCity: row.leftCity ? '是' : '否',
      status: PERSON_STATUS_LABELS[row.status].zh,
      currentStatus: PERSON_STATUS_LABELS[row.currentStatus].zh,
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
