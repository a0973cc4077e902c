import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { chineseName, createRng, mobile, pick, residentId } from './synthetic';

export const ROSTER_HEADERS = [
  '姓名',
  '证件号码',
  '手机号',
  '楼栋',
  '单元',
  '门牌号',
  '与户主关系',
  '居住类型',
  '标签',
];

export interface RosterShape {
  residents: number;
  households: number;
  buildings: number;
}

const ENTRANCES = 4;
const FLOORS = 25;
const DOORS_PER_FLOOR = 2;
const RELATIONS = ['本人', '配偶', '子女', '父母'];
const TAGS = ['党员', '慢性病', '独居老人', '残疾人', '退役军人', '低保'];

/**
 * Rows of a roster: households of 2 or 3 people (alternately), 200 doors per building (4 entrances ×
 * 25 floors × 2 doors), so 30,000 residents fill 12,000 households in 60 buildings.
 */
export function* rosterRows(residents: number, seed = 2020): Generator<string[]> {
  const rng = createRng(seed);
  const doorsPerBuilding = ENTRANCES * FLOORS * DOORS_PER_FLOOR;
  let person = 0;
  for (let household = 0; person < residents; household += 1) {
    const building = Math.floor(household / doorsPerBuilding) + 1;
    const inBuilding = household % doorsPerBuilding;
    const entrance = Math.floor(inBuilding / (FLOORS * DOORS_PER_FLOOR)) + 1;
    const floor = Math.floor((inBuilding % (FLOORS * DOORS_PER_FLOOR)) / DOORS_PER_FLOOR) + 1;
    const room = String(floor * 100 + (inBuilding % DOORS_PER_FLOOR) + 1);
    const roll = rng();
    const residence = roll < 0.8 ? '户籍' : roll < 0.95 ? '长期租住' : '流动人口';
    const size = household % 2 === 0 ? 3 : 2;
    for (let member = 0; member < size && person < residents; member += 1, person += 1) {
      const tagRoll = rng();
      const tags =
        tagRoll < 0.02
          ? `${pick(rng, TAGS.slice(0, 3))}、${pick(rng, TAGS.slice(3))}`
          : tagRoll < 0.12
            ? pick(rng, TAGS)
            : '';
      yield [
        chineseName(rng),
        residentId(person, rng() < 0.5),
        mobile(person),
        `${building}号楼`,
        `${entrance}单元`,
        room,
        RELATIONS[Math.min(member, RELATIONS.length - 1)] as string,
        residence,
        tags,
      ];
    }
  }
}

export function rosterShape(residents: number): RosterShape {
  const households = Math.ceil((residents / 5) * 2);
  return { residents, households, buildings: Math.ceil(households / (ENTRANCES * FLOORS * DOORS_PER_FLOOR)) };
}

/** A real .xlsx written the way big exports are: streamed, with shared strings as Excel itself uses. */
export async function writeRosterXlsx(file: string, residents: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('居民名册');
  sheet.addRow(ROSTER_HEADERS).commit();
  for (const row of rosterRows(residents)) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

/** The same rows as "CSV UTF-8" from Excel: a byte-order mark, CRLF line ends. */
export async function writeRosterCsv(file: string, residents: number): Promise<void> {
  const out = createWriteStream(file);
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  out.write(`\ufeff${ROSTER_HEADERS.join(',')}\r\n`);
  let chunk = '';
  for (const row of rosterRows(residents)) {
    chunk += `${row.map(quote).join(',')}\r\n`;
    if (chunk.length > 64 * 1024) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
