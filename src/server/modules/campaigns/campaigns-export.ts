import type { Readable } from 'node:stream';
import { maskName, VISIT_OUTCOME_LABELS, type VisitOutcome } from '../../../shared/campaigns';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { type Column, streamWorkbook } from '../../files/workbook';
import type { SummaryRow } from './campaign-progress.repo';

interface SummaryProgress {
  campaign: { name: string; startsOn: string; closedAt: string | null };
  total: number;
  done: number;
  percent: number;
  neverReached: number;
  minAttempts: number;
  byOutcome: Record<string, number>;
  byBuilding: Array<{
    name: string;
    compoundName: string | null;
    total: number;
    done: number;
    nobodyHome: number;
    percent: number;
  }>;
  byPerson: Array<{ name: string | null; team: string | null; total: number; done: number; percent: number }>;
}

type Item = { item: string; value: string | number };
type Building = SummaryProgress['byBuilding'][number];
type Person = SummaryProgress['byPerson'][number];

const outcomeLabel = (o: string | null) =>
  o ? (VISIT_OUTCOME_LABELS[o as VisitOutcome]?.zh ?? o) : '未走访';

const ITEMS: ReadonlyArray<Column<Item>> = [
  { header: '项目', value: (r) => r.item, width: 22 },
  { header: '数值', value: (r) => r.value, kind: 'general', width: 30 },
];
const BUILDINGS: ReadonlyArray<Column<Building>> = [
  { header: '小区', value: (b) => b.compoundName, width: 14 },
  { header: '楼栋', value: (b) => b.name, width: 16 },
  { header: '户数', value: (b) => b.total, kind: 'number' },
  { header: '已完成', value: (b) => b.done, kind: 'number' },
  { header: '无人在家', value: (b) => b.nobodyHome, kind: 'number', width: 10 },
  { header: '完成率%', value: (b) => b.percent, kind: 'number', width: 10 },
];
const PEOPLE: ReadonlyArray<Column<Person>> = [
  { header: '人员', value: (p) => p.name ?? '未分派', width: 24 },
  { header: '小组', value: (p) => p.team, width: 12 },
  { header: '户数', value: (p) => p.total, kind: 'number' },
  { header: '已完成', value: (p) => p.done, kind: 'number' },
  { header: '完成率%', value: (p) => p.percent, kind: 'number', width: 10 },
];
const HOUSEHOLDS: ReadonlyArray<Column<SummaryRow>> = [
  { header: '小区', value: (r) => r.compound_name, width: 14 },
  { header: '楼栋', value: (r) => r.building_name, width: 14 },
  { header: '单元', value: (r) => r.entrance_name, width: 10 },
  { header: '门牌', value: (r) => r.room, width: 10 },
  { header: '户主', value: (r) => (r.head_name ? maskName(r.head_name) : ''), width: 10 },
  { header: '结果', value: (r) => outcomeLabel(r.outcome), width: 12 },
  { header: '走访次数', value: (r) => r.attempts, kind: 'number', width: 10 },
  { header: '最后走访', value: (r) => r.last_visit_at, kind: 'datetime', width: 18 },
  { header: '走访人', value: (r) => r.visited_by, width: 24 },
];

function summaryItems(progress: SummaryProgress): Item[] {
  return [
    { item: '任务名称', value: progress.campaign.name },
    { item: '开始日期', value: progress.campaign.startsOn },
    { item: '结束时间', value: formatBeijingDateTime(progress.campaign.closedAt) || '进行中' },
    { item: '应排查户数', value: progress.total },
    { item: '已完成户数', value: progress.done },
    { item: '完成率', value: `${progress.percent}%` },
    ...Object.entries(progress.byOutcome).map(([outcome, n]) => ({
      item: outcome === 'not_visited' ? '未走访' : outcomeLabel(outcome),
      value: n,
    })),
    { item: `走访${progress.minAttempts}次以上仍未联系上`, value: progress.neverReached },
  ];
}

/**
 * The campaign summary handed upwards when a sweep closes: totals, buildings, people, and each household's
 * outcome. Names are masked (刘*红), no phones or ID numbers; the service audits it first.
 */
export function writeCampaignWorkbook(progress: SummaryProgress, rows: readonly SummaryRow[]): Readable {
  return streamWorkbook(async (book) => {
    const summary = book.sheet('汇总', ITEMS);
    for (const item of summaryItems(progress)) summary.add(item);
    const buildings = book.sheet('按楼栋', BUILDINGS);
    for (const b of progress.byBuilding) buildings.add(b);
    const people = book.sheet('按人员', PEOPLE);
    for (const p of progress.byPerson) people.add(p);
    const households = book.sheet('各户结果', HOUSEHOLDS);
    for (const r of rows) {
      households.add(r);
      await book.breathe();
    }
  });
}
