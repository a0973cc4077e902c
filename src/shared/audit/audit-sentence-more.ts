import { CAMPAIGN_KIND_LABELS, RECHECK_RESULT_LABELS } from '../campaigns';
import { RISK_LEVEL_LABELS } from '../declarations/declaration-enums';
import { CARE_TASK_KIND_LABELS, COVERAGE_ROLE_LABELS } from '../helpers';
import { OBSERVATION_KIND_LABELS, OBSERVATION_REASON_LABELS } from '../observation';
import type { Label } from '../people/people-enums';
import { REQUEST_EVENT_LABELS } from '../requests';
import {
  type AuditNames,
  type AuditPart,
  accountPart,
  type Ctx,
  householdParts,
  labelOf,
  named,
  num,
  personParts,
  placePart,
  str,
  text,
} from './audit-parts';
import { dashboardsSentence } from './audit-sentence-dashboards';

// The audit sentences of the modules around the registry: the gate, observation, requests, sweeps,
// helpers, risk areas, rules and forms, settings, imports and every export.

const EXPORT_KINDS: Record<string, Label> = {
  declarations: { zh: '申报记录', en: 'declarations' },
  campaign_summary: { zh: '排查汇总', en: 'sweep summary' },
  rejected_rows: { zh: '导入被拒的行', en: 'rejected import rows' },
  pass_print: { zh: '出入证打印', en: 'printed passes' },
  observation_days: { zh: '观察打卡表', en: 'observation check-ins' },
  observation_notice: { zh: '观察告知书/通知书', en: 'observation notices' },
  audit_log: { zh: '操作记录', en: 'activity log entries' },
};

const HOLDERS: Record<string, Label> = {
  household: { zh: '按户', en: 'one per household' },
  resident: { zh: '按人', en: 'one per person' },
};

const community = (n: AuditNames): AuditPart[] => (n.community ? [text(n.community), text(' ')] : []);
const gatePart = (n: AuditNames, id: unknown): AuditPart =>
  typeof id === 'number' && n.gates[id] ? text(n.gates[id] as string) : text('某门岗', 'a gate');
const passDoor = (n: AuditNames): AuditPart[] =>
  n.person ? personParts(n) : n.household ? [householdParts(n, n.household.id)] : [];

function exportSentence({ e, d, n }: Ctx): AuditPart[] {
  const rows = num(d.rows) ?? 0;
  const total = num(d.totalRows);
  const where = d.compoundId !== undefined ? [placePart(n, d.compoundId), text(' ')] : community(n);
  return [
    text(
      e.action === 'reveal' ? '导出了不打码的 ' : '导出了 ',
      e.action === 'reveal' ? 'Exported unmasked ' : 'Exported ',
    ),
    ...where,
    labelOf(EXPORT_KINDS, d.kind),
    text(` ${rows} 条`, ` (${rows} rows`),
    text(
      total !== null && total !== rows ? `（整个文件共 ${total} 条）` : '',
      total !== null && total !== rows ? ` of ${total} in the file)` : ')',
    ),
  ];
}

function passSentence({ e, d, n }: Ctx): AuditPart[] | null {
  if (e.action === 'create')
    return [
      text('为 ', 'Issued '),
      placePart(n, d.compoundId),
      text(` 发放出入证 ${num(d.count) ?? 0} 张（`, ` ${num(d.count) ?? 0} passes for `),
      labelOf(HOLDERS, d.holder),
      text(`），有效期至 ${str(d.validUntil) ?? '—'}`, `, valid until ${str(d.validUntil) ?? '—'}`),
    ];
  const number = d.number != null ? String(d.number) : '';
  const newNumber = d.newNumber != null ? String(d.newNumber) : '—';
  const of = passDoor(n);
  switch (d.change) {
    case 'revoke':
      return [text('作废了 ', 'Revoked pass '), ...of, text(` 的出入证 ${number}`, ` ${number}`)];
    case 'reissue':
      return [
        text('补发了 ', 'Reissued the pass of '),
        ...of,
        text(` 的出入证 ${number} → ${newNumber}`, `: ${number} → ${newNumber}`),
      ];
    case 'link':
      return [
        text('为 ', 'Made a personal link for '),
        ...of,
        text(` 的出入证 ${number} 生成了个人链接`, `'s pass ${number}`),
      ];
    case 'unlink':
      return [
        text('收回了 ', 'Withdrew the personal link of '),
        ...of,
        text(` 的出入证 ${number} 的个人链接`, `'s pass ${number}`),
      ];
    case 'reissue_old_keys':
      return [
        text(
          `换用新密钥重签了 ${num(d.count) ?? 0} 张出入证`,
          `Re-signed ${num(d.count) ?? 0} passes with the new key`,
        ),
      ];
    default:
      return null;
  }
}

function accessSentence(c: Ctx): AuditPart[] | null {
  const { e, d, n } = c;
  switch (e.entity) {
    case 'pass':
      return passSentence(c);
    case 'pass_signing_key':
      return [text('更换了出入证签名密钥', 'Rotated the pass signing key')];
    case 'access_settings':
      return [text('出入证发放方式改为 ', 'Passes are now issued '), labelOf(HOLDERS, d.passHolder)];
    case 'gate':
      return [
        text(
          e.action === 'create' ? '新建了门岗 ' : '修改了门岗 ',
          e.action === 'create' ? 'Created the gate ' : 'Changed the gate ',
        ),
        text(str(d.name) ?? gatePart(n, e.entityId).zh),
      ];
    case 'gate_shift':
      return [
        text(
          e.action === 'delete' ? '取消了 ' : '安排 ',
          e.action === 'delete' ? 'Cancelled the shift of ' : 'Put ',
        ),
        accountPart(n, d.accountId),
        text(' 在 ', ' at '),
        gatePart(n, d.gateId),
        text(' 值班', ' on duty'),
      ];
    case 'duty_inspection':
      return [
        text(
          e.action === 'delete' ? '删除了 ' : '记录了 ',
          e.action === 'delete' ? 'Deleted an inspection of ' : 'Recorded an inspection of ',
        ),
        gatePart(n, d.gateId),
        text(' 的查岗', ''),
      ];
    case 'gate_id_lookup':
      return [
        text('在 ', 'Looked up a visitor by ID number at '),
        gatePart(n, d.gateId),
        text(
          d.found ? ' 按证件号查询访客：找到' : ' 按证件号查询访客：未找到',
          d.found ? ': found' : ': not found',
        ),
      ];
    default:
      return null;
  }
}

function observationSentence({ e, d, n }: Ctx): AuditPart[] | null {
  const who = personParts(n);
  if (e.entity === 'observation_task')
    return [
      text('为 ', 'Opened a task to persuade '),
      ...who,
      text(' 建立劝导集中观察任务', ' to centralised observation'),
    ];
  if (e.entity === 'observation_alert')
    return [text('确认了 ', 'Acknowledged an alert on '), ...who, text(' 的观察告警', '')];
  if (e.action === 'create')
    return [
      ...who,
      text(' 开始', ' began '),
      labelOf(OBSERVATION_KIND_LABELS, d.kind),
      text('（', ' ('),
      labelOf(OBSERVATION_REASON_LABELS, d.reason),
      text(
        `），${str(d.dayOne) ?? '—'} 至 ${str(d.plannedEnd) ?? '—'}`,
        `), ${str(d.dayOne) ?? '—'} to ${str(d.plannedEnd) ?? '—'}`,
      ),
    ];
  switch (d.change) {
    case 'extend':
    case 'shorten':
      return [
        ...who,
        text(' 的观察结束日由 ', "'s observation end moved from "),
        text(
          `${str(d.from) ?? '—'} 改为 ${str(d.to) ?? '—'}`,
          `${str(d.from) ?? '—'} to ${str(d.to) ?? '—'}`,
        ),
      ];
    case 'end':
      return [text('结束了 ', 'Ended the observation of '), ...who, text(' 的观察', '')];
    case 'link':
      return [
        text('为 ', 'Linked the observation of '),
        ...who,
        text(' 的观察关联了申报', ' to a declaration'),
      ];
    default:
      return null;
  }
}

function requestSentence({ e, d, n }: Ctx): AuditPart[] | null {
  const req = named(`#${e.entityId ?? ''}`, 'request', e.entityId);
  const about = n.person ? [text('（', ' ('), ...personParts(n), text('）', ')')] : [];
  if (e.entity === 'request_category')
    return [text('修改了诉求分类 ', 'Changed a request category: '), text(str(d.name) ?? '—')];
  if (e.action === 'create') return [text('登记了诉求 ', 'Recorded request '), req, ...about];
  if (e.action === 'reveal')
    return [
      text('查看了诉求 ', 'Viewed the full phone number on request '),
      req,
      ...about,
      text(' 的完整手机号', ''),
    ];
  if (e.action === 'update')
    return [
      text('诉求 ', 'Request '),
      req,
      ...about,
      text('：', ': '),
      labelOf(REQUEST_EVENT_LABELS, d.step),
    ];
  return null;
}

function campaignSentence({ e, d, n }: Ctx): AuditPart[] | null {
  const campaign = (id: unknown) =>
    named(`#${typeof id === 'number' ? id : ''}`, 'campaign', typeof id === 'number' ? id : null);
  switch (e.entity) {
    case 'campaign':
      if (e.action === 'create')
        return [
          text('发起了', 'Started a '),
          labelOf(CAMPAIGN_KIND_LABELS, d.kind),
          text(' ', ' sweep '),
          campaign(e.entityId),
          text(`，共 ${num(d.targets) ?? 0} 户`, ` of ${num(d.targets) ?? 0} targets`),
        ];
      if (d.closed) return [text('结束了排查 ', 'Closed the sweep '), campaign(e.entityId)];
      return null;
    case 'campaign_assignment':
      return [
        text('为排查 ', 'Assigned '),
        campaign(e.entityId),
        text(` 分派了 ${num(d.assigned) ?? 0} 项`, `: ${num(d.assigned) ?? 0} assignments`),
      ];
    case 'campaign_finding':
      if (e.action === 'create')
        return [
          text('在 ', 'Recorded a finding in '),
          placePart(n, d.buildingId),
          text(
            `记录问题：${str(d.item) ?? '—'}，整改期限 ${str(d.deadline) ?? '—'}`,
            `: ${str(d.item) ?? '—'}, due ${str(d.deadline) ?? '—'}`,
          ),
        ];
      return [text('复查问题：', 'Re-checked a finding: '), labelOf(RECHECK_RESULT_LABELS, d.recheck)];
    default:
      return null;
  }
}

function helpersSentence({ e, d, n }: Ctx): AuditPart[] | null {
  switch (e.entity) {
    case 'care_need':
      return [text('修改了 ', 'Changed the care needs of '), ...personParts(n), text(' 的关怀需要', '')];
    case 'care_task':
      if (e.action === 'create')
        return [
          text('为 ', 'Opened a '),
          ...personParts(n),
          text(' 建立关怀任务：', ' care task: '),
          labelOf(CARE_TASK_KIND_LABELS, d.kind),
        ];
      return [
        text('更新了关怀任务', 'Updated a care task'),
        ...(n.person ? [text('（', ' ('), ...personParts(n), text('）', ')')] : []),
      ];
    case 'helper_hours':
      return [
        text(
          e.action === 'create' ? '登记了志愿服务时长' : '审核了志愿服务时长',
          e.action === 'create' ? 'Recorded volunteer hours' : 'Reviewed volunteer hours',
        ),
      ];
    case 'helper':
      return [
        text(
          e.action === 'create' ? '登记了志愿者' : '修改了志愿者信息',
          e.action === 'create' ? 'Registered a helper' : "Changed a helper's details",
        ),
      ];
    case 'coverage_settings':
      return [text('修改了楼栋必备角色设置', 'Changed the roles every building needs')];
    case 'building_role':
      return [
        text(
          e.action === 'delete' ? '撤下了楼栋角色' : '在 ',
          e.action === 'delete' ? 'Removed a building role' : 'Named a ',
        ),
        ...(e.action === 'delete'
          ? []
          : [placePart(n, d.buildingId), text(' 安排了', ' '), labelOf(COVERAGE_ROLE_LABELS, d.role)]),
      ];
    default:
      return null;
  }
}

function policySentence({ e, d, n }: Ctx): AuditPart[] | null {
  switch (e.entity) {
    case 'risk_area': {
      const where = placePart(n, d.placeId);
      if (e.action === 'import')
        return [
          text('为 ', 'Imported risk areas for '),
          where,
          text(` 导入风险地区 ${num(d.rows) ?? 0} 条`, `: ${num(d.rows) ?? 0} rows`),
        ];
      if (d.retired) return [text('为 ', 'Retired a risk area of '), where, text(' 撤销了一个风险地区', '')];
      return [
        text('为 ', 'Set a risk area for '),
        where,
        text(' 设定风险地区：', ': '),
        labelOf(RISK_LEVEL_LABELS, d.level),
      ];
    }
    case 'status_rules':
      return [
        text('修改了 ', 'Changed the status rules of '),
        placePart(n, d.placeId),
        text(` 的状态规则（共 ${num(d.rules) ?? 0} 条）`, ` (${num(d.rules) ?? 0} rules)`),
      ];
    case 'form_version':
      return [
        text('修改了 ', 'Changed the declaration questions of '),
        placePart(n, d.placeId),
        text(` 的申报问题（共 ${num(d.questions) ?? 0} 题）`, ` (${num(d.questions) ?? 0} questions)`),
      ];
    case 'poster':
      return [
        text(
          d.revoked ? '作废了一张申报二维码海报' : '新建了一张申报二维码海报',
          d.revoked ? 'Revoked a declaration poster' : 'Made a declaration poster',
        ),
      ];
    case 'setting':
      return [
        text(
          `公共地址由 ${str(d.from) ?? '（未设）'} 改为 ${str(d.to) ?? '（未设）'}`,
          `Public address changed from ${str(d.from) ?? '(none)'} to ${str(d.to) ?? '(none)'}`,
        ),
      ];
    case 'import_job':
      if (e.action !== 'import') return null;
      return [
        text('导入名册 ', 'Imported the roster '),
        named(str(d.fileName) ?? `#${e.entityId}`, 'import_job', e.entityId),
        text(
          `：新增 ${num(d.inserted) ?? 0}，更新 ${num(d.updated) ?? 0}，未变 ${num(d.unchanged) ?? 0}，拒绝 ${num(d.rejected) ?? 0} 行`,
          `: ${num(d.inserted) ?? 0} new, ${num(d.updated) ?? 0} updated, ${num(d.unchanged) ?? 0} unchanged, ${num(d.rejected) ?? 0} rejected`,
        ),
      ];
    default:
      return null;
  }
}

/** An export's sentence (`recordExport`: detail `{ kind, rows, totalRows }`), whatever it exported. */
export function exportOf(c: Ctx): AuditPart[] | null {
  const isExport = c.e.action === 'export' || c.e.action === 'reveal';
  return isExport && typeof c.d.kind === 'string' && Object.hasOwn(EXPORT_KINDS, c.d.kind)
    ? exportSentence(c)
    : null;
}

/** Sentences of everything but the registry's own entries (audit-sentence.ts); null when unknown. */
export function moreSentence(c: Ctx): AuditPart[] | null {
  return (
    accessSentence(c) ??
    (c.e.entity.startsWith('observation') ? observationSentence(c) : null) ??
    (c.e.entity.startsWith('request') ? requestSentence(c) : null) ??
    (c.e.entity.startsWith('campaign') ? campaignSentence(c) : null) ??
    helpersSentence(c) ??
    policySentence(c) ??
    dashboardsSentence(c)
  );
}
