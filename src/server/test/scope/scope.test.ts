import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../modules/imports/roster/test-fixtures';
import { login, syntheticId } from '../fixture';
import { createTestApp, type TestApp } from '../test-app';
import { isExempt, type Probe, type ProbeRequest, scopeProbes } from './probes';
import { snapshotOf } from './snapshot';
import { createScopeSetup, MISSING_ID, nowhere, type ProbeTargets, type ScopeSetup } from './targets';

// Community B's staff aim every API route at community A's objects (probes.ts says how, and why a pair).
let t: TestApp;
let s: ScopeSetup;
let before: Awaited<ReturnType<typeof snapshotOf>>;
// The tables are built now (their keys name the tests) and read the targets when a probe runs.
const real = {} as ProbeTargets;
const missing = {} as ProbeTargets;
const probes = scopeProbes(real);
const nowhereProbes = scopeProbes(missing);
/** What the outsider was asked and answered, for the owner's half of the pair. */
const asked = new Map<string, { request: ProbeRequest; status: number }>();

beforeAll(async () => {
  t = await createTestApp();
  s = await createScopeSetup(t);
  Object.assign(real, s.targets);
  Object.assign(missing, nowhere(s.targets));
  before = await snapshotA();
}, 120_000);
afterAll(() => t.close());

function snapshotA() {
  const c = s.targets;
  const f = s.fixture;
  // Place ids only: a household id may equal the id of some other test file's place.
  const places = [f.district.id, f.subdistrict.id, c.a.community, c.a.compound, c.a.entrance];
  return snapshotOf(t.services.database.pool, c.a.community, [...places, ...c.a.buildings, c.renamePlace]);
}

async function ask(request: ProbeRequest, cookie: string) {
  const { as: _pair, headers, ...rest } = request;
  return t.app.inject({ ...rest, headers: { ...headers, cookie } });
}

type Response = Awaited<ReturnType<TestApp['app']['inject']>>;

/** An answer as text: a workbook's cells, an image's size, or the body. */
async function readable(res: Response): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) {
    const workbook = await loadWorkbook(res.rawPayload);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        cells.push(JSON.stringify(row.values));
      });
    });
    return `workbook ${cells.join('\n')}`;
  }
  if (type.startsWith('image/')) return `${type} of ${res.rawPayload.length} bytes`;
  return res.body;
}

/** Without what differs between two calls of the same question (times). */
// Times and the uuids a probe makes afresh for each request differ between the two asks; nothing else may.
const comparable = (text: string) =>
  text
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, 'T')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'U');

/** Does the answer show community A: a name only A's objects carry, or one of A's ids by its field? */
function showsA(text: string): boolean {
  const c = s.targets;
  const ids: Array<[string, number[]]> = [
    ['communityId', [c.a.community]],
    ['compoundId', [c.a.compound]],
    ['householdId', c.a.households],
    ['residentId', [c.resident]],
    ['campaignId', [c.campaign, c.govCampaign]],
    ['gateId', [c.gate]],
  ];
  return (
    s.traces.some((name) => text.includes(name)) ||
    ids.some(([field, values]) => new RegExp(`"${field}":(${values.join('|')})\\b`).test(text))
  );
}

const routeKeys = Object.entries(probes)
  .filter(([, entry]) => !isExempt(entry))
  .map(([key]) => key);

describe('one community cannot see or change another', () => {
  it('has a probe (or a stated exemption) for every API route, and none for a route that does not exist', () => {
    const apiRoutes = t.routes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(apiRoutes.filter((key) => !(key in probes))).toEqual([]);
    expect(Object.keys(probes).filter((key) => !apiRoutes.includes(key))).toEqual([]);
    for (const entry of Object.values(probes))
      if (isExempt(entry)) expect(entry.why.length).toBeGreaterThan(10);
  });

  describe('the outsider gets exactly what a missing object gets (404, or for a GET an empty answer)', () => {
    it.each(routeKeys)('%s', async (key) => {
      const request = (probes[key] as Probe)();
      const pair = s.pairs[request.as ?? 'secretary'];
      const res = await ask(request, pair.outsider);
      asked.set(key, { request, status: res.statusCode });
      const elsewhere = await ask((nowhereProbes[key] as Probe)(), pair.outsider);
      const text = await readable(res);
      const expected = request.method === 'GET' || request.perItem ? [200, 404] : [404];
      expect(expected, `${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
      if (request.perItem) {
        const items = (res.json() as { results: Array<{ outcome: string; error?: { code: string } }> })
          .results;
        expect(items.length).toBeGreaterThan(0);
        expect(
          items.every((i) => i.outcome === 'refused' && i.error?.code === 'not_found'),
          text,
        ).toBe(true);
      }
      expect({ status: res.statusCode, body: comparable(text) }).toEqual({
        status: elsewhere.statusCode,
        body: comparable(await readable(elsewhere)),
      });
      expect(showsA(text), text.slice(0, 300)).toBe(false);
    });
  });

  it('left every row of community A as it was', async () => {
    expect(await snapshotA()).toEqual(before);
  });

  it('lets the sub-district officer above both read both, but not reveal', async () => {
    const officer = await login(t, s.fixture.officer);
    const resident = s.targets.resident;
    const read = await ask({ method: 'GET', url: `/api/residents/${resident}` }, officer);
    expect(read.statusCode).toBe(200);
    const reveal = await ask(
      {
        method: 'POST',
        url: `/api/residents/${resident}/reveal`,
        payload: { field: 'phone', reason: '抽查核实' },
      },
      officer,
    );
    expect(reveal.statusCode).toBe(403);
    const roots = await ask({ method: 'GET', url: '/api/places/roots' }, officer);
    expect(roots.json().items[0]).toMatchObject({ id: s.fixture.subdistrict.id, households: 6 });
  });

  it('does not let B move its own resident into A’s household (404, as into no household)', async () => {
    const b = s.pairs.secretary.outsider;
    const [home, other] = s.fixture.b.householdIds as [number, number];
    const created = await ask(
      {
        method: 'POST',
        url: '/api/residents',
        payload: {
          householdId: home,
          name: '钱乙',
          docType: 'resident_id',
          docNumber: syntheticId('19900909'),
          relationToHead: 'self',
          residenceType: 'registered',
        },
      },
      b,
    );
    const id = created.json().resident.id as number;
    const move = (householdId: number) =>
      ask(
        {
          method: 'POST',
          url: `/api/residents/${id}/move`,
          payload: { householdId, reason: '搬家', version: 1 },
        },
        b,
      );
    const intoA = await move(s.targets.a.households[0]);
    const intoNothing = await move(MISSING_ID);
    expect(intoA.statusCode).toBe(404);
    expect(intoA.body).toBe(intoNothing.body);
    // The same move to B's own other household is well-formed: it succeeds.
    expect((await move(other)).statusCode).toBe(200);
  });

  // The control half: the outsider's very request, made by A's own account, succeeds. A probe that is
  // malformed (a bad body, a wrong id, a missing permission) fails here instead of passing as "refused".
  describe('the owner, making the same request, succeeds', () => {
    it.each(routeKeys)('%s', async (key) => {
      const outsider = asked.get(key);
      const request = outsider?.request ?? (probes[key] as Probe)();
      const res = await ask(request, s.pairs[request.as ?? 'secretary'].owner);
      const text = await readable(res);
      expect(res.statusCode, `${res.statusCode} ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, `${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(300);
      expect(text, 'an item of the answer was refused').not.toMatch(
        /"error"\s*:\s*[{"]|"status"\s*:\s*"refused"/,
      );
      // Where the outsider got an answer rather than a 404, the owner's shows A: the outsider's was empty
      // of A because A was left out, not because there was nothing to show.
      if (request.method === 'GET' && outsider?.status === 200)
        expect(showsA(text), text.slice(0, 300)).toBe(true);
    });
  });
});
