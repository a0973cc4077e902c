import { describe, expect, it } from 'vitest';
import { type AuditFacts, type AuditNames, sentenceText } from './audit-parts';
import { auditSentence } from './audit-sentence';

// The sentences of the main actions, from the facts an audit row keeps and the names the server looked up.
const names: AuditNames = {
  person: { id: 7, name: '王*明', householdId: 3, address: '紫萝园小区 1号楼 1单元 101' },
  places: { 10: '紫萝园社区', 11: '紫萝园小区', 12: '紫萝园小区 3号楼' },
  households: { 3: '紫萝园小区 1号楼 1单元 101', 4: '紫萝园小区 3号楼 2单元 402' },
  accounts: { 20: '李梅（limei）', 21: '张卫（zhangwei）' },
  gates: { 30: '东门' },
  community: '紫萝园社区',
};

function say(facts: Partial<AuditFacts> & Pick<AuditFacts, 'action' | 'entity'>, n: AuditNames = names) {
  const parts = auditSentence({ entityId: null, reason: null, detail: {}, ...facts }, n);
  return { zh: sentenceText(parts, 'zh'), en: sentenceText(parts, 'en'), parts };
}

describe('audit sentences', () => {
  it('a declaration that changes a status: from, to and the rule’s reason, never its id', () => {
    const s = say({
      action: 'create',
      entity: 'declaration',
      entityId: 5,
      detail: {
        residentId: 7,
        channel: 'door_to_door',
        status: 'home_observation',
        outcome: 'apply',
        fromStatus: 'normal',
        statusReason: { zh: '14天内从中风险地区返回', en: 'Back from a medium-risk area' },
      },
    });
    expect(s.zh).toBe(
      '王*明（紫萝园小区 1号楼 1单元 101）申报（入户登记），状态由 正常 改为 居家观察，原因：14天内从中风险地区返回',
    );
    expect(s.en).toBe(
      '王*明 (紫萝园小区 1号楼 1单元 101) declared (Door-to-door visit), status changed from Normal to Home observation, because: Back from a medium-risk area',
    );
    expect(s.parts.filter((p) => p.link).map((p) => p.link)).toEqual([
      { kind: 'resident', id: 7 },
      { kind: 'household', id: 3 },
    ]);
  });

  it('a resident’s own declaration held for review, and its review confirmed or rejected', () => {
    const held = say({
      action: 'create',
      entity: 'declaration',
      detail: {
        channel: 'self',
        status: 'normal',
        outcome: 'hold',
        held: ['would_lower'],
        fromStatus: 'home_observation',
      },
    });
    expect(held.zh).toBe(
      '王*明（紫萝园小区 1号楼 1单元 101）申报（本人填报），结果为 正常，待人工审核：会降低工作人员、门岗或观察设定的状态',
    );
    const confirmed = say({
      action: 'update',
      entity: 'declaration',
      detail: {
        review: 'confirmed',
        fromStatus: 'normal',
        toStatus: 'home_observation',
        reasons: ['needs_confirmation'],
      },
    });
    expect(confirmed.zh).toBe(
      '确认了 王*明（紫萝园小区 1号楼 1单元 101）的申报（居民自报，待确认），状态由 正常 改为 居家观察',
    );
    const rejected = say({
      action: 'update',
      entity: 'declaration',
      reason: '电话核实无接触',
      detail: { review: 'rejected', reasons: ['name_mismatch'] },
    });
    expect(rejected.zh).toBe(
      '驳回了 王*明（紫萝园小区 1号楼 1单元 101）的申报（姓名与登记不符），状态不变，理由：电话核实无接触',
    );
    expect(rejected.en).toBe(
      'Rejected the declaration of 王*明 (紫萝园小区 1号楼 1单元 101) (Name differs from the registry); status unchanged; reason: 电话核实无接触',
    );
  });

  it('moves, reveals and edits of a person', () => {
    expect(say({ action: 'move', entity: 'resident', detail: { from: 3, to: 4 } }).zh).toBe(
      '王*明（紫萝园小区 1号楼 1单元 101）由 紫萝园小区 1号楼 1单元 101 迁至 紫萝园小区 3号楼 2单元 402',
    );
    expect(say({ action: 'reveal', entity: 'resident', reason: '核对', detail: { field: 'phone' } }).zh).toBe(
      '查看了完整手机号：王*明（紫萝园小区 1号楼 1单元 101），理由：核对',
    );
    expect(
      say({ action: 'update', entity: 'resident', detail: { fields: ['phone', 'residenceType'] } }).zh,
    ).toBe('修改了 王*明（紫萝园小区 1号楼 1单元 101）的手机号、人员类型');
  });

  it('passes: issued for a compound, revoked and reissued for a door', () => {
    const door = { ...names, person: null, household: { id: 4, address: '紫萝园小区 3号楼 2单元 402' } };
    expect(
      say({
        action: 'create',
        entity: 'pass',
        detail: { compoundId: 11, count: 120, holder: 'household', validUntil: '2027-01-31' },
      }).zh,
    ).toBe('为 紫萝园小区 发放出入证 120 张（按户），有效期至 2027-01-31');
    expect(
      say(
        { action: 'update', entity: 'pass', reason: '遗失', detail: { change: 'revoke', number: 17 } },
        door,
      ).zh,
    ).toBe('作废了 紫萝园小区 3号楼 2单元 402 的出入证 17，理由：遗失');
    expect(
      say(
        { action: 'update', entity: 'pass', detail: { change: 'reissue', number: 17, newNumber: 121 } },
        door,
      ).en,
    ).toBe('Reissued the pass of 紫萝园小区 3号楼 2单元 402: 17 → 121');
  });

  it('accounts: sign-in events and changes, with roles and places named', () => {
    expect(say({ action: 'login_locked', entity: 'account', entityId: 21, detail: { minutes: 15 } }).zh).toBe(
      '张卫（zhangwei）连续输错密码，该地址锁定 15 分钟',
    );
    const changed = say({
      action: 'account_update',
      entity: 'account',
      entityId: 21,
      detail: {
        changes: { role: { from: 'volunteer', to: 'gate_guard' }, scopePlaceId: { from: 10, to: 11 } },
      },
    });
    expect(changed.zh).toBe(
      '修改了账号 张卫（zhangwei）：角色由 志愿者/楼门长 改为 门岗；范围由 紫萝园社区 改为 紫萝园小区',
    );
    expect(changed.parts.find((p) => p.link?.kind === 'place')?.link).toEqual({ kind: 'place', id: 10 });
  });

  it('observation and requests', () => {
    expect(
      say({
        action: 'create',
        entity: 'observation',
        detail: { kind: 'home', reason: 'close_contact', dayOne: '2026-12-01', plannedEnd: '2026-12-14' },
      }).zh,
    ).toBe('王*明（紫萝园小区 1号楼 1单元 101）开始居家观察（密切接触者），2026-12-01 至 2026-12-14');
    expect(say({ action: 'update', entity: 'observation', detail: { change: 'end' } }).zh).toBe(
      '结束了 王*明（紫萝园小区 1号楼 1单元 101）的观察',
    );
    const step = say({ action: 'update', entity: 'request', entityId: 9, detail: { step: 'escalate' } });
    expect(step.zh).toBe('诉求 #9（王*明（紫萝园小区 1号楼 1单元 101））：吹哨报到（上报街道）');
    expect(step.parts[1]?.link).toEqual({ kind: 'request', id: 9 });
  });

  it('exports and imports: what, how many, where', () => {
    expect(
      say({
        action: 'export',
        entity: 'declaration',
        detail: { kind: 'declarations', rows: 2, totalRows: 3 },
      }).zh,
    ).toBe('导出了 紫萝园社区 申报记录 2 条（整个文件共 3 条）');
    expect(
      say({
        action: 'import',
        entity: 'import_job',
        entityId: 4,
        detail: { fileName: '名册.xlsx', inserted: 10, updated: 2, unchanged: 0, rejected: 1 },
      }).zh,
    ).toBe('导入名册 名册.xlsx：新增 10，更新 2，未变 0，拒绝 1 行');
  });

  it('an entry it does not know still reads as words, and a person it cannot name is "a resident"', () => {
    const s = say(
      { action: 'delete', entity: 'something_new' },
      { places: {}, households: {}, accounts: {}, gates: {} },
    );
    expect(s.zh).toBe('删除了something_new');
    expect(
      say({ action: 'create', entity: 'resident' }, { places: {}, households: {}, accounts: {}, gates: {} })
        .zh,
    ).toBe('登记了居民 某居民');
  });

  it('the dashboards: a big-screen link and a corrected daily report, figures by their names', () => {
    expect(
      say({ action: 'create', entity: 'screen_link', detail: { placeId: 10, name: '指挥中心' } }).zh,
    ).toBe('为 紫萝园社区 生成了大屏链接“指挥中心”');
    expect(say({ action: 'update', entity: 'screen_link', detail: { placeId: 10, revoked: true } }).zh).toBe(
      '停用了 紫萝园社区 的大屏链接',
    );
    const corrected = say({
      action: 'update',
      entity: 'daily_report',
      detail: {
        day: '2026-12-05',
        resubmitted: { 'people.residents': 5 },
        before: { 'people.residents': 6 },
      },
    });
    expect(corrected.zh).toBe('更正了 紫萝园社区 2026-12-05 的日报：在册居民 5（原为 在册居民 6）');
    expect(corrected.en).toContain('Residents 5 (was Residents 6)');
  });
});
