import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture, login, syntheticId } from '../../test/fixture';
import { createTestApp, type TestApp } from '../../test/test-app';
import { loadWorkbook, xlsxBuffer } from './roster/test-fixtures';

let t: TestApp;
let f: Fixture;
let cookie: string;
let base: string;
let rejectedJobId: number;

async function auditCount(jobId: number, action: string): Promise<number> {
  const { rows } = await t.services.database.pool.query(
    `select count(*)::int as n from audit_log where entity = 'import_job' and entity_id = $1 and action = $2`,
    [jobId, action],
  );
  return rows[0].n;
}

beforeAll(async () => {
  t = await createTestApp({ DASHU_DATA_DIR: `/tmp/dashu-import-test-${process.pid}` });
  f = await createFixture(t.services);
  cookie = await login(t, f.a.usernames.social_worker);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const ids = {
  wang: syntheticId('19520315'),
  li: syntheticId('19800808', true),
  chen: syntheticId('20100101'),
};

/** A roster as staff keep it: a title row, merged header cells, numbers where text was meant, stray spaces. */
function roster(extraRows: string[][] = []) {
  return xlsxBuffer((wb) => {
    const ws = wb.addWorksheet('名册');
    ws.addRow(['紫萝园社区 3号楼住户名册（2020年1月）']);
    ws.mergeCells('A1:H1');
    ws.addRow(['姓名', '证件号码', '手机号', '楼栋', '单元', '门牌号', '与户主关系', '标签']);
    ws.addRow(['王建国 ', ids.wang, '13912340001', '3号楼', '1', '101', '户主', '党员']);
    ws.addRow(['李秀兰', ids.li.toLowerCase(), '１３９１２３４０００２', '3', '1单元', '101', '配偶', '']);
    ws.addRow([]);
    ws.addRow(['陈小明', ids.chen, '', '3号楼', '2单元', '202', '子女', '']);
    ws.addRow(['张三', '110105195203150000', '13912340003', '3号楼', '1', '102', '户主', '']);
    ws.addRow([
      '错号',
      `${ids.wang.slice(0, 17)}${ids.wang.endsWith('1') ? '2' : '1'}`,
      '',
      '3号楼',
      '1',
      '103',
      '',
      '',
    ]);
    ws.addRow(['王建国', ids.wang, '', '3号楼', '1', '101', '', '独居老人']);
    for (const row of extraRows) ws.addRow(row);
  });
}

async function upload(body: Buffer, name = '名册.xlsx') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)]), name);
  const res = await fetch(`${base}/api/imports?communityId=${f.a.community.id}`, {
    method: 'POST',
    body: form,
    headers: { cookie },
  });
  return {
    status: res.status,
    body: (await res.json()) as { job: { id: number; status: string }; error?: { code: string } },
  };
}

async function finished(id: number) {
  for (let i = 0; i < 200; i++) {
    const res = await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie } });
    const job = res.json().job;
    if (!job) throw new Error(`import ${id}: ${res.statusCode} ${res.body}`);
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('roster import', () => {
  it('imports the valid rows, merges duplicates, and reports each rejected row with its reason', async () => {
    const { status, body } = await upload(await roster());
    expect(status).toBe(202);
    const job = await finished(body.job.id);
    expect(job).toMatchObject({
      status: 'done',
      inserted: 3,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      placesCreated: 3,
    });
    const search = await t.app.inject({
      method: 'GET',
      url: `/api/residents?communityId=${f.a.community.id}&q=${encodeURIComponent('王建国')}`,
      headers: { cookie },
    });
    expect(search.json().items).toHaveLength(1);
    expect(search.json().items[0]).toMatchObject({
      address: '3号楼 1单元 101',
      relationToHead: 'self',
      tags: ['party_member', 'elderly_alone'],
    });
    const rejected = await t.app.inject({
      method: 'GET',
      url: `/api/imports/${job.id}/rejected`,
      headers: { cookie },
    });
    expect(rejected.statusCode).toBe(200);
    const sheet = (await loadWorkbook(rejected.rawPayload)).worksheets[0];
    const texts = JSON.stringify(sheet?.getSheetValues());
    expect(texts).toContain('张三');
    expect(texts).toContain('错号');
    expect(texts).toMatch(/证件号码：.*校验/);
    rejectedJobId = job.id;
  });

  it('hands out the rejected rows masked, and as typed only for a reason written to the audit log first', async () => {
    const typed = ['110105195203150000', `${ids.wang.slice(0, 17)}${ids.wang.endsWith('1') ? '2' : '1'}`];
    const url = `/api/imports/${rejectedJobId}/rejected`;
    const cellsOf = async (payload: Buffer) =>
      JSON.stringify((await loadWorkbook(payload)).worksheets[0]?.getSheetValues());

    const masked = await cellsOf(
      (await t.app.inject({ method: 'GET', url, headers: { cookie } })).rawPayload,
    );
    for (const number of typed) expect(masked).not.toContain(number);
    expect(masked).not.toContain('13912340003');
    expect(masked).toContain('110105***********0');
    expect(masked).toContain('139****0003');
    expect(masked).toMatch(/证件号码：.*校验/);

    const post = (payload: object, who = cookie) =>
      t.app.inject({ method: 'POST', url, headers: { cookie: who }, payload });
    const before = await auditCount(rejectedJobId, 'reveal');
    expect((await post({})).statusCode).toBe(400);
    const short = await post({ reason: '看' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'reason_required', field: 'reason' });
    const volunteer = await login(t, f.a.usernames.volunteer);
    expect((await post({ reason: '核对未导入的行' }, volunteer)).statusCode).toBe(403);
    expect(await auditCount(rejectedJobId, 'reveal')).toBe(before);

    const full = await post({ reason: '改正后重新导入' });
    expect(full.statusCode).toBe(200);
    const asTyped = await cellsOf(full.rawPayload);
    for (const number of typed) expect(asTyped).toContain(number);
    const { rows } = await t.services.database.pool.query(
      `select reason, detail from audit_log where entity = 'import_job' and entity_id = $1 and action = 'reveal'`,
      [rejectedJobId],
    );
    expect(rows).toEqual([
      { reason: '改正后重新导入', detail: { kind: 'rejected_rows', rows: 2, totalRows: 2, masked: false } },
    ]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const { body } = await upload(await roster());
    const job = await finished(body.job.id);
    expect(job).toMatchObject({ status: 'done', inserted: 0, updated: 0, unchanged: 3, placesCreated: 0 });
  });

  it('updates a moved person and records the move', async () => {
    const { body } = await upload(
      await xlsxBuffer((wb) => {
        const ws = wb.addWorksheet('s');
        ws.addRow(['姓名', '证件号码', '楼栋', '单元', '门牌号']);
        ws.addRow(['陈小明', ids.chen, '3号楼', '1', '101']);
      }),
    );
    const job = await finished(body.job.id);
    expect(job).toMatchObject({ inserted: 0, updated: 1 });
    const found = (
      await t.app.inject({ method: 'GET', url: `/api/residents?q=${ids.chen}`, headers: { cookie } })
    ).json();
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/residents/${found.items[0].id}`, headers: { cookie } })
    ).json();
    expect(detail.history.map((h: { label: string }) => h.label)).toEqual([
      '3号楼 2单元 202',
      '3号楼 1单元 101',
    ]);
  });

  it('fails clearly on a file without the roster columns, and refuses other file types', async () => {
    const { body } = await upload(await xlsxBuffer((wb) => wb.addWorksheet('s').addRow(['序号', '备注'])));
    const job = await finished(body.job.id);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/表头缺少必填列|姓名/);
    // A header with 姓名 but the ID column under a name nobody uses: only 证件号码 is named as missing,
    // with the column that was not recognised beside it (the message used to name 姓名 too).
    const renamed = await upload(
      await xlsxBuffer((wb) => wb.addWorksheet('s').addRow(['姓名', '身份号', '楼栋', '门牌号', '备忘'])),
    );
    const renamedJob = await finished(renamed.body.job.id);
    expect(renamedJob.status).toBe('failed');
    expect(renamedJob.error).toContain('表头缺少必填列：证件号码');
    expect(renamedJob.error).not.toMatch(/缺少必填列：[^。]*姓名/);
    expect(renamedJob.error).toContain('“身份号”');
    const pdf = await upload(Buffer.from('%PDF-1.4'), 'roster.pdf');
    expect(pdf.status).toBe(400);
    expect(pdf.body.error?.code).toBe('unsupported_file');
  });

  it('skips the template example people when the template is uploaded as it is', async () => {
    const template = await t.app.inject({
      method: 'GET',
      url: '/api/imports/template?format=xlsx',
      headers: { cookie },
    });
    const { body } = await upload(template.rawPayload, '模板.xlsx');
    const job = await finished(body.job.id);
    expect(job, `import failed: ${job.error}`).toMatchObject({
      status: 'done',
      inserted: 0,
      updated: 0,
      rejected: 0,
    });
  });

  it('serves the template in both formats', async () => {
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/imports/template?format=xlsx',
      headers: { cookie },
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await loadWorkbook(xlsx.rawPayload)).worksheets.map((w) => w.name)).toContain('填写说明');
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/imports/template?format=csv',
      headers: { cookie },
    });
    expect(csv.body).toContain('证件号码');
  });
});
