// Community A's residents' requests for the scope probes: one to read, and one for each probe that
// changes a request (the owner's control really runs it).
import { hotlineWorkbook } from '../hotline-workbook';
import { call, need, type SetupContext } from './targets';

export interface RequestTargets {
  request: number;
  signRequest: number;
  excludeRequest: number;
  decideRequest: number;
  requestCategory: number;
  /** A 12345 work-order export with one order, for the import route. */
  hotlineXlsx: Buffer;
}

export async function createRequestTargets({ t, a, secretaryA }: SetupContext): Promise<RequestTargets> {
  const categories = await call<{ items: Array<{ id: number; code: string }> }>(
    t,
    secretaryA,
    'GET',
    '/api/request-categories',
  );
  const category = need(categories.items.find((c) => c.code === 'general')?.id, 'request category');
  const make = async (text: string) =>
    need(
      (
        await call<{ request: { id: number } }>(t, secretaryA, 'POST', '/api/requests', {
          communityId: a.community,
          placeId: a.buildings[0],
          requesterName: '周甲',
          phone: '13812345678',
          categoryId: category,
          text,
          channel: 'phone',
        })
      ).request.id,
      `request ${text}`,
    );
  const decideRequest = await make('甲社区诉求：待审批');
  await call(t, secretaryA, 'POST', `/api/requests/${decideRequest}/exclusion`, {
    reason: 'duplicate',
    note: '重复',
  });
  return {
    request: await make('甲社区诉求'),
    signRequest: await make('甲社区诉求：签收'),
    excludeRequest: await make('甲社区诉求：不纳入考核'),
    decideRequest,
    requestCategory: category,
    hotlineXlsx: await hotlineWorkbook([
      ['SCOPE12345001', '2026-12-01 08:30', '周甲', '13812345678', '探针工单', '一般', '', ''],
    ]),
  };
}
