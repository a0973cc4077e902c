import { compositeFormula, computeRates, type RateCounts } from '../../../shared/requests';
import { addDays, beijingDayStart } from '../../../shared/time/beijing';
import type { Db } from '../../db/database';
import { streamWorkbook } from '../../files/workbook';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { placeInScope } from '../auth/scope';
import { communityIdsUnder, findPlace, findPlacesByIds } from '../places/places.repo';
import { readRateWeights } from './request-weights.service';
import * as repo from './requests.repo';

const ZERO: RateCounts = {
  evaluated: 0,
  contactedInTime: 0,
  confirmedResolved: 0,
  satisfied: 0,
  basic: 0,
  closed: 0,
  closedInTime: 0,
  openOverdue: 0,
  excluded: 0,
};

function sum(rows: RateCounts[]): RateCounts {
  const total = { ...ZERO };
  for (const row of rows)
    for (const key of Object.keys(ZERO) as Array<keyof RateCounts>) total[key] += row[key];
  return total;
}

/** The first and the day after the last day of a month 'YYYY-MM'. */
export function monthDays(month: string) {
  const from = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/**
 * The 接诉即办 rates of a period for a place (a community, or rolled up over the communities under a
 * sub-district or district), each with its formula; per community too. Periods are Beijing days
 * [from, to], by the day a request was received. "Open overdue" is judged now: live.
 */
export function createRequestRatesService(db: Db) {
  async function placeOf(actor: Actor, placeId: number | undefined) {
    const place = await findPlace(db, placeId ?? actor.scope.placeId);
    if (!place || !placeInScope(actor.scope, place)) throw new AppError('not_found', {}, 'placeId');
    return place;
  }

  async function rates(actor: Actor, query: { from: string; to: string; placeId?: number | undefined }) {
    if (query.to < query.from)
      throw new AppError('validation_failed', { detail: '结束日期早于开始日期' }, 'to');
    const place = await placeOf(actor, query.placeId);
    const inScope = new Set(actor.scope.communityIds);
    const ids = (await communityIdsUnder(db, place)).filter((id) => inScope.has(id));
    const weights = await readRateWeights(db);
    const counts = await repo.rateCounts(
      db,
      ids,
      beijingDayStart(query.from),
      beijingDayStart(addDays(query.to, 1)),
      new Date(),
    );
    const byId = new Map(counts.map((c) => [c.communityId, c]));
    const names = new Map((await findPlacesByIds(db, ids)).map((p) => [p.id, p.name]));
    const communities = ids.map((id) => {
      const c = byId.get(id) ?? { ...ZERO, communityId: id };
      const { communityId: _id, ...plain } = c;
      return {
        communityId: id,
        communityName: names.get(id) ?? '',
        counts: plain,
        ...computeRates(plain, weights),
      };
    });
    const total = sum(communities.map((c) => c.counts));
    return {
      place: { id: place.id, name: place.name, kind: place.kind },
      weights,
      from: query.from,
      to: query.to,
      total: { counts: total, ...computeRates(total, weights) },
      communities,
    };
  }

  async function ranking(actor: Actor, query: { month: string; placeId?: number | undefined }) {
    const period = monthDays(query.month);
    const result = await rates(actor, { ...period, placeId: query.placeId });
    const ranked = [...result.communities].sort(
      (a, b) =>
        (b.composite ?? -1) - (a.composite ?? -1) || a.communityName.localeCompare(b.communityName, 'zh'),
    );
    return {
      ...result,
      month: query.month,
      communities: ranked.map((c, i) => ({ ...c, rank: c.composite === null ? null : i + 1 })),
    };
  }

  return {
    rates,
    ranking,
    /** The ranking of a month as a workbook (figures only: no personal data in it). */
    async rankingWorkbook(actor: Actor, query: { month: string; placeId?: number | undefined }) {
      const r = await ranking(actor, query);
      type Row = (typeof r.communities)[number];
      const rate = (row: Row, key: string) => {
        const v = row.rates.find((x) => x.key === key)?.value;
        return v === null || v === undefined ? null : Math.round(v * 1000) / 10;
      };
      const body = streamWorkbook((book) => {
        const sheet = book.sheet<Row>(
          '排名',
          [
            { header: '排名', value: (row) => row.rank, kind: 'number' },
            { header: '社区', value: (row) => row.communityName, kind: 'text', width: 20 },
            { header: '参评件数', value: (row) => row.counts.evaluated, kind: 'number' },
            { header: '响应率(%)', value: (row) => rate(row, 'response'), kind: 'number' },
            { header: '解决率(%)', value: (row) => rate(row, 'resolution'), kind: 'number' },
            { header: '满意率(%)', value: (row) => rate(row, 'satisfaction'), kind: 'number' },
            { header: '按时办结率(%)', value: (row) => rate(row, 'on_time'), kind: 'number' },
            {
              header: '综合得分',
              value: (row) => (row.composite === null ? null : Math.round(row.composite * 1000) / 10),
              kind: 'number',
            },
            { header: '不纳入考核', value: (row) => row.counts.excluded, kind: 'number' },
          ],
          {
            notes: [
              `${r.place.name} ${query.month} 接诉即办排名`,
              `响应率 = 时限内联系 ÷ 参评；解决率 = 回访确认解决 ÷ 参评；满意率 = (满意 + ${r.weights.basicSatisfied} × 基本满意) ÷ 参评；按时办结率 = 时限内办结 ÷ (已办结 + 未办结已超期)；${compositeFormula(r.weights)}`,
            ],
          },
        );
        for (const row of r.communities) sheet.add(row);
      });
      return { body, month: r.month };
    },
  };
}

export type RequestRatesService = ReturnType<typeof createRequestRatesService>;
