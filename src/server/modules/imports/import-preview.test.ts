import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { loadWorkbook } from './roster/test-fixtures';

// Issue 13 item 8: a roster is previewed (each category a count with its rows) and nothing is written
// until the user confirms; conflicts are imported only when chosen, and the registry of another
// community plays no part.

let t: TestApp;
let f: Fixture;
let cookieA: string;
let cookieB: string;
let base: string;

beforeAll(async () => {
  t = await createTestApp({ DASHU_DATA_DIR: `/tmp/dashu-preview-test-${process.pid}` });
  f = await createFixture(t.services);
  cookieA = await login(t, f.a.usernames.social_worker);
  cookieB = await login(t, f.b.usernames.social_worker);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const id = Array.from({ length: 8 }, (_, i) => syntheticId(`1970010${i + 1}`));
const HEADER = '姓名,证件号码,手机号,楼栋,单元,门牌号,与户主关系,籍贯';
const csv = (rows: string[]) => Buffer.from(`${[HEADER, ...rows].join('\n')}\n`);

async function upload(cookie: string, communityId: number, body: Buffer, preview: boolean) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)]), '名册.csv');
  const query = preview ? '&preview=true' : '';
  const res = await fetch(`${base}/api/imports?communityId=${communityId}${query}`, {
    method: 'POST',
    body: form,
    headers: { cookie },
  });
  const json = (await res.json()) as { job?: { id: number } };
  return { status: res.status, id: json.job?.id ?? 0 };
}

async function settled(id: number, cookie = cookieA) {
  for (let i = 0; i < 400; i++) {
    const res = await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie } });
    const job = res.json().job;
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not settle');
}

async function registry(communityId: number) {
  const { rows } = await t.services.database.pool.query(
    `select (select count(*)::int from residents where community_id = $1) as residents,
            (select count(*)::int from households where community_id = $1) as households,
            (select count(*)::int from places where community_id = $1) as places,
            (select string_agg(name || ':' || coalesce(phone_masked, '') || ':' || coalesce(household_id::text, ''),
                               ',' order by name) from residents where community_id = $1) as people`,
    [communityId],
  );
  return rows[0];
}

// The previewed file, row by row (the header is row 1).
const previewed = csv([
  `赵一,${id[0]},13912345699,5号楼,1,101,户主,北京`, // 2 updated: the phone
  `钱二,${id[1]},13912345602,5号楼,1,201,户主,北京`, // 3 moved from 102
  `孙三改,${id[2]},13912345603,5号楼,1,103,户主,`, // 4 conflict: the registry calls them 孙三
  `周五,${id[4]},13800000000,5号楼,1,104,子女,`, // 5 conflict: a placeholder phone
  `吴六,${id[5]},,5号楼,1,101,户主,`, // 6 conflict: 101 has 赵一 as its head
  `郑七,${id[6]},,5号楼,1,105,配偶,`, // 7 new
  `郑七,${id[6]},13912345607,5号楼,1,105,,`, // 8 merged into row 7
  `王八,${id[6]},,5号楼,1,105,,`, // 9 conflict: row 7 names this ID 郑七
  '坏号,110105195203150000,,5号楼,1,106,,', // 10 rejected: damaged by Excel
  `李四,${id[3]},,5号楼,1,104,子女,`, // 11 unchanged
]);

describe('roster preview', () => {
  let previewId: number;

  beforeAll(async () => {
    const seed = csv([
      `赵一,${id[0]},13912345601,5号楼,1,101,户主,`,
      `钱二,${id[1]},13912345602,5号楼,1,102,户主,`,
      `孙三,${id[2]},13912345603,5号楼,1,103,户主,`,
      `李四,${id[3]},,5号楼,1,104,子女,`,
    ]);
    expect((await settled((await upload(cookieA, f.a.community.id, seed, false)).id)).status).toBe('done');
    // B knows 赵一's ID under another name: A's preview must not see it.
    const other = csv([`别人,${id[0]},,9号楼,1,101,户主,`, `别人二,${id[2]},,9号楼,1,102,,`]);
    expect((await settled((await upload(cookieB, f.b.community.id, other, false)).id, cookieB)).status).toBe(
      'done',
    );
  });

  it('shows every category with its rows and writes nothing', async () => {
    const before = await registry(f.a.community.id);
    const started = await upload(cookieA, f.a.community.id, previewed, true);
    expect(started.status).toBe(202);
    previewId = started.id;
    const job = await settled(previewId);
    expect(job).toMatchObject({ status: 'previewed', mode: 'preview', conflicts: 4, rejected: 1 });
    expect(await registry(f.a.community.id)).toEqual(before);

    const res = await t.app.inject({
      method: 'GET',
      url: `/api/imports/${previewId}/preview`,
      headers: { cookie: cookieA },
    });
    expect(res.statusCode).toBe(200);
    const { preview } = res.json();
    expect(preview.counts).toEqual({
      new: 1,
      updated: 1,
      moved: 1,
      merged: 1,
      conflict: 4,
      rejected: 1,
      unchanged: 1,
    });
    expect(preview.unrecognisedColumns).toEqual(['籍贯']);
    expect(preview.rows.updated[0]).toMatchObject({
      rowNumber: 2,
      name: '赵一',
      changes: [{ field: 'phone', from: '139****5601', to: '139****5699' }],
    });
    expect(preview.rows.moved[0]).toMatchObject({
      rowNumber: 3,
      fromDoor: '5号楼 1单元 102',
      door: '5号楼 1单元 201',
    });
    expect(preview.rows.merged[0]).toMatchObject({ rowNumber: 7, rowNumbers: [7, 8] });
    expect(preview.rows.new.map((r: { rowNumber: number }) => r.rowNumber)).toEqual([7]);
    const conflicts = Object.fromEntries(
      preview.rows.conflict.map((r: { rowNumber: number; conflicts: unknown; acceptable: boolean }) => [
        r.rowNumber,
        { conflicts: r.conflicts, acceptable: r.acceptable },
      ]),
    );
    expect(conflicts).toEqual({
      4: { conflicts: [{ kind: 'registry_name', detail: '孙三' }], acceptable: true },
      5: { conflicts: [{ kind: 'placeholder_phone', detail: '138****0000' }], acceptable: true },
      6: { conflicts: [{ kind: 'second_head', detail: '赵一（第2行）' }], acceptable: true },
      9: { conflicts: [{ kind: 'file_name', detail: '郑七（第7行）' }], acceptable: false },
    });
    expect(preview.rows.rejected[0]).toMatchObject({ rowNumber: 10, name: '坏号' });
    expect(preview.rows.rejected[0].reasons.join()).toContain('Excel');
    // No number appears unmasked.
    expect(res.body).not.toContain(id[0]);
    expect(res.body).not.toContain('13912345699');
  });

  it('keeps another community out of the preview and its confirmation', async () => {
    for (const request of [
      { method: 'GET' as const, url: `/api/imports/${previewId}/preview` },
      { method: 'POST' as const, url: `/api/imports/${previewId}/confirm`, payload: { accept: [] } },
    ]) {
      const res = await t.app.inject({ ...request, headers: { cookie: cookieB } });
      expect(res.statusCode).toBe(404);
    }
    const intoA = await upload(cookieB, f.a.community.id, previewed, true);
    expect(intoA.status).toBe(404);
    expect((await settled(previewId)).status).toBe('previewed');
  });

  it('imports what was previewed with only the conflicts chosen, once', async () => {
    const confirm = (accept: number[]) =>
      t.app.inject({
        method: 'POST',
        url: `/api/imports/${previewId}/confirm`,
        headers: { cookie: cookieA },
        payload: { accept },
      });
    // Row 9 (a second name within the file) cannot be chosen: it stays out whatever is sent.
    const res = await confirm([4, 9]);
    expect(res.statusCode).toBe(202);
    const job = await settled(previewId);
    expect(job, job.error).toMatchObject({
      status: 'done',
      inserted: 1,
      updated: 3,
      conflicts: 3,
      rejected: 1,
    });
    const people = (await registry(f.a.community.id)).people as string;
    expect(people).toContain('孙三改');
    expect(people).not.toMatch(/孙三:/);
    expect(people).not.toContain('周五');
    expect(people).not.toContain('吴六');
    expect(people).not.toContain('王八');
    expect(people).toContain('郑七:139****5607');
    expect((await confirm([])).statusCode).toBe(409);
    const sheet = await t.app.inject({
      method: 'GET',
      url: `/api/imports/${previewId}/rejected`,
      headers: { cookie: cookieA },
    });
    const texts = JSON.stringify((await loadWorkbook(sheet.rawPayload)).worksheets[0]?.getSheetValues());
    expect(texts).toContain('占位号码');
    expect(texts).toContain('已有户主');
    expect(texts).toContain('姓名不同');
  });

  it('refuses to import when the registry changed after the preview', async () => {
    const file = csv([`赵一,${id[0]},13912345688,5号楼,1,101,户主,`]);
    const started = await upload(cookieA, f.a.community.id, file, true);
    expect((await settled(started.id)).status).toBe('previewed');
    // Someone renames 赵一 meanwhile: the row would now be a conflict, not the update the user saw.
    await t.services.database.pool.query(
      `update residents set name = '赵一一' where community_id = $1 and name = '赵一'`,
      [f.a.community.id],
    );
    const before = await registry(f.a.community.id);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/imports/${started.id}/confirm`,
      headers: { cookie: cookieA },
      payload: { accept: [] },
    });
    expect(res.statusCode).toBe(202);
    const job = await settled(started.id);
    expect(job.status).toBe('failed');
    expect(job.error).toContain('预览之后');
    expect(await registry(f.a.community.id)).toEqual(before);
  });

  it('lets a preview go: nothing written, no confirmation afterwards', async () => {
    const before = await registry(f.a.community.id);
    const started = await upload(cookieA, f.a.community.id, csv([`新人,${id[7]},,5号楼,1,301,户主,`]), true);
    expect((await settled(started.id)).status).toBe('previewed');
    const post = (what: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/imports/${started.id}/${what}`,
        headers: { cookie: cookieA },
        payload: what === 'confirm' ? { accept: [] } : {},
      });
    expect((await post('discard')).json().job.status).toBe('discarded');
    expect((await post('discard')).statusCode).toBe(409);
    expect((await post('confirm')).statusCode).toBe(409);
    const preview = await t.app.inject({
      method: 'GET',
      url: `/api/imports/${started.id}/preview`,
      headers: { cookie: cookieA },
    });
    expect(preview.statusCode).toBe(404);
    expect(await registry(f.a.community.id)).toEqual(before);
  });

  it('holds conflicts in a direct import too (the CLI), never resolving them silently', async () => {
    const started = await upload(cookieA, f.a.community.id, csv([`冒名,${id[3]},,5号楼,1,104,子女,`]), false);
    const job = await settled(started.id);
    expect(job).toMatchObject({ status: 'done', updated: 0, conflicts: 1 });
    expect((await registry(f.a.community.id)).people).not.toContain('冒名');
  });
});
