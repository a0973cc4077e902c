import { maskName, VISIT_OUTCOME_LABELS, type VisitOutcome } from '../../../shared/campaigns';
import type { SummaryRow } from './campaign-progress.repo';

interface SummaryProgress {
  campaign: { name: string; startsOn: string; closedAt: string | null };
  total: number;
  done: number;
  percent: number;
  neverReached: number;
  minAttempts: number;
  byOutcome: Record<string, number>;
  byBuilding: Array<{ name: string; total: number; done: number; nobodyHome: number; percent: number }>;
  byPerson: Array<{ name: string | null; team: string | null; total: number; done: number; percent: number }>;
}

const beijing = (d: Date | string | null) =>
  d ? new Date(d).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';

const outcomeLabel = (o: string | null) =>
  o ? (VISIT_OUTCOME_LABELS[o as VisitOutcome]?.zh ?? o) : '未走访';

/**
 * The campaign summary handed upwards when a sweep closes: totals, buildings, people, and each household's
 * outcome. Names are masked (刘*红), no phones or ID numbers; the route writes an audit row.
 */
export async function writeCampaignWorkbook(progress: SummaryProgress, rows: SummaryRow[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();

  const summary = workbook.addWorksheet('汇总');
  summary.columns = [
    { header: '项目', key: 'item', width: 22 },
    { header: '数值', key: 'value', width: 30 },
  ];
  summary.getRow(1).font = { bold: true };
  summary.addRow({ item: '任务名称', value: progress.campaign.name });
  summary.addRow({ item: '开始日期', value: progress.campaign.startsOn });
  summary.addRow({ item: '结束时间', value: beijing(progress.campaign.closedAt) || '进行中' });
  summary.addRow({ item: '应排查户数', value: progress.total });
  summary.addRow({ item: '已完成户数', value: progress.done });
  summary.addRow({ item: '完成率', value: `${progress.percent}%` });
  for (const [outcome, n] of Object.entries(progress.byOutcome))
    summary.addRow({ item: outcome === 'not_visited' ? '未走访' : outcomeLabel(outcome), value: n });
  summary.addRow({ item: `走访${progress.minAttempts}次以上仍未联系上`, value: progress.neverReached });

  const buildings = workbook.addWorksheet('按楼栋');
  buildings.columns = [
    { header: '楼栋', key: 'name', width: 16 },
    { header: '户数', key: 'total', width: 8 },
    { header: '已完成', key: 'done', width: 8 },
    { header: '无人在家', key: 'nobodyHome', width: 10 },
    { header: '完成率%', key: 'percent', width: 10 },
  ];
  buildings.getRow(1).font = { bold: true };
  for (const b of progress.byBuilding) buildings.addRow(b);

  const people = workbook.addWorksheet('按人员');
  people.columns = [
    { header: '人员', key: 'name', width: 24 },
    { header: '小组', key: 'team', width: 12 },
    { header: '户数', key: 'total', width: 8 },
    { header: '已完成', key: 'done', width: 8 },
    { header: '完成率%', key: 'percent', width: 10 },
  ];
  people.getRow(1).font = { bold: true };
  for (const p of progress.byPerson) people.addRow({ ...p, name: p.name ?? '未分派' });

  const households = workbook.addWorksheet('各户结果');
  households.columns = [
    { header: '楼栋', key: 'building', width: 14 },
    { header: '单元', key: 'entrance', width: 10 },
    { header: '门牌', key: 'room', width: 10 },
    { header: '户主', key: 'head', width: 10 },
    { header: '结果', key: 'outcome', width: 12 },
    { header: '走访次数', key: 'attempts', width: 10 },
    { header: '最后走访', key: 'at', width: 20 },
    { header: '走访人', key: 'by', width: 24 },
  ];
  households.getRow(1).font = { bold: true };
  households.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    households.addRow({
      building: r.building_name,
      entrance: r.entrance_name ?? '',
      room: r.room ?? '',
      head: r.head_name ? maskName(r.head_name) : '',
      outcome: outcomeLabel(r.outcome),
      attempts: r.attempts,
      at: beijing(r.last_visit_at),
      by: r.visited_by ?? '',
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
