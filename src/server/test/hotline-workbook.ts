// Test-only: a 12345 work-order export as the city platform writes it (a title line above the header).
import ExcelJS from 'exceljs';

export const HOTLINE_HEADER = [
  '工单编号',
  '来电时间',
  '来电人',
  '联系电话',
  '诉求内容',
  '诉求类型',
  '诉求地址',
  '办理时限',
];

export async function hotlineWorkbook(
  rows: ReadonlyArray<ReadonlyArray<string | Date | null>>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工单');
  sheet.addRow(['12345市民服务热线工单导出']);
  sheet.addRow([...HOTLINE_HEADER]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart body with one file part named "file". */
export function multipartFile(name: string, body: Buffer, boundary = 'dashuhotline') {
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}
