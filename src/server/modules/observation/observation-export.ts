import type { Readable } from 'node:stream';
import { maskName } from '../../../shared/access';
import {
  CHECKIN_CHANNEL_LABELS,
  type CheckinChannel,
  OBSERVATION_KIND_LABELS,
  type ObservationKind,
  SYMPTOM_LABELS,
  type Symptom,
} from '../../../shared/observation';
import { buildingLabel } from '../../../shared/places/address-label';
import { type Column, streamWorkbook } from '../../files/workbook';
import type { ExportRow } from './observation-board.repo';

type Reading = { temperature: number; symptoms: Symptom[] };

/** One row per person per day: morning and afternoon readings, who recorded them and how. */
interface DayRow {
  name: string;
  building: string;
  room: string;
  kind: string;
  dayOne: string;
  plannedEnd: string;
  day: string;
  dayOfPeriod: number;
  morning: string;
  morningTemp: number | null;
  afternoon: string;
  afternoonTemp: number | null;
  symptoms: string;
  recordedBy: string;
  channel: string;
}

const stateText = (state: string) => (state === 'missed' ? '未报告' : state === 'due' ? '待报告' : '已报告');
const symptomText = (s: Symptom[]) => s.map((x) => SYMPTOM_LABELS[x]?.zh ?? x).join('、');

const DAY_COLUMNS: ReadonlyArray<Column<DayRow>> = [
  { header: '姓名', value: (r) => r.name, kind: 'text', width: 10 },
  { header: '楼栋', value: (r) => r.building, kind: 'text' },
  { header: '房间', value: (r) => r.room, kind: 'text' },
  { header: '观察类型', value: (r) => r.kind },
  { header: '第1天', value: (r) => r.dayOne, kind: 'text' },
  { header: '计划解除', value: (r) => r.plannedEnd, kind: 'text' },
  { header: '日期', value: (r) => r.day, kind: 'text' },
  { header: '第几天', value: (r) => r.dayOfPeriod, kind: 'number' },
  { header: '上午', value: (r) => r.morning },
  { header: '上午体温', value: (r) => r.morningTemp, kind: 'number' },
  { header: '下午', value: (r) => r.afternoon },
  { header: '下午体温', value: (r) => r.afternoonTemp, kind: 'number' },
  { header: '症状', value: (r) => r.symptoms, width: 20 },
  { header: '记录人', value: (r) => r.recordedBy },
  { header: '方式', value: (r) => r.channel },
];

function days(rows: ExportRow[], read: (cipher: string) => Reading): Map<number, DayRow[]> {
  const byPerson = new Map<number, Map<string, DayRow>>();
  for (const r of rows) {
    let person = byPerson.get(r.observation_id);
    if (!person) {
      person = new Map();
      byPerson.set(r.observation_id, person);
    }
    let day = person.get(r.day);
    if (!day) {
      day = {
        name: maskName(r.name),
        building: buildingLabel({ compoundName: r.compound_name, buildingName: r.building_name }),
        room: r.room ?? '',
        kind: OBSERVATION_KIND_LABELS[r.kind as ObservationKind]?.zh ?? r.kind,
        dayOne: r.day_one,
        plannedEnd: r.planned_end,
        day: r.day,
        dayOfPeriod: Math.round((Date.parse(r.day) - Date.parse(r.day_one)) / 86_400_000) + 1,
        morning: '',
        morningTemp: null,
        afternoon: '',
        afternoonTemp: null,
        symptoms: '',
        recordedBy: '',
        channel: '',
      };
      person.set(r.day, day);
    }
    const reading = r.reading_cipher ? read(r.reading_cipher) : null;
    const text = stateText(r.state);
    if (r.part === 'morning') {
      day.morning = text;
      day.morningTemp = reading?.temperature ?? null;
    } else {
      day.afternoon = text;
      day.afternoonTemp = reading?.temperature ?? null;
    }
    if (reading?.symptoms.length)
      day.symptoms = [day.symptoms, symptomText(reading.symptoms)].filter(Boolean).join('；');
    if (reading) {
      const who = r.recorded_by_name ?? '本人';
      const how = CHECKIN_CHANNEL_LABELS[r.channel as CheckinChannel]?.zh ?? '';
      day.recordedBy = [day.recordedBy, who].filter(Boolean).join('、');
      day.channel = [day.channel, how].filter(Boolean).join('、');
    }
  }
  return new Map([...byPerson].map(([id, m]) => [id, [...m.values()]]));
}

/** The day-by-day workbook: every person's days on the first sheet, then one sheet per person. */
export function writeObservationWorkbook(rows: ExportRow[], read: (cipher: string) => Reading): Readable {
  const people = days(rows, read);
  return streamWorkbook(async (book) => {
    const all = book.sheet('逐日记录', DAY_COLUMNS);
    for (const list of people.values())
      for (const row of list) {
        all.add(row);
        await book.breathe();
      }
    let n = 0;
    for (const [id, list] of people) {
      n += 1;
      const first = list[0];
      // Sheet names may not hold * ? : \ / [ ] (a masked name has a *).
      const name = `${n}-${first?.name ?? id}`.replace(/[*?:\\/[\]]/g, '＊').slice(0, 31);
      const sheet = book.sheet(name, DAY_COLUMNS);
      for (const row of list) sheet.add(row);
      await book.breathe();
    }
  });
}
