import { ROLE_LABELS } from '../auth/roles';
import { CHANNEL_LABELS, PERSON_STATUS_LABELS } from '../declarations/declaration-enums';
import type { Label } from '../people/people-enums';
import { PLACE_KIND_LABELS } from '../places/place-kinds';
import { HOLD_REASON_LABELS } from '../status/status-policy';
import {
  type AuditFacts,
  type AuditNames,
  type AuditPart,
  accountPart,
  type Ctx,
  householdParts,
  labelOf,
  labelsOf,
  num,
  personParts,
  placePart,
  str,
  text,
} from './audit-parts';
import { exportOf, moreSentence } from './audit-sentence-more';

const status = (code: unknown) => labelOf(PERSON_STATUS_LABELS, code);
/** 状态由 正常 改为 居家观察 */
function statusChange(from: unknown, to: unknown): AuditPart[] {
  if (from === null || from === undefined) return [text('状态定为 ', 'status set to '), status(to)];
  if (from === to) return [text('状态仍为 ', 'status stays '), status(to)];
  return [text('状态由 ', 'status changed from '), status(from), text(' 改为 ', ' to '), status(to)];
}

function statusReason(d: Record<string, unknown>): AuditPart[] {
  const r = d.statusReason as Label | undefined;
  return r && typeof r.zh === 'string' ? [text('，原因：', ', because: '), text(r.zh, r.en)] : [];
}

function declarationCreate({ d, n }: Ctx): AuditPart[] {
  const head = [
    ...personParts(n),
    text(' 申报（', ' declared ('),
    labelOf(CHANNEL_LABELS, d.channel),
    text('），', '), '),
  ];
  const outcome = str(d.outcome);
  if (outcome === 'hold')
    return [
      ...head,
      text('结果为 ', 'result '),
      status(d.status),
      text('，待人工审核：', ', held for review: '),
      labelsOf(HOLD_REASON_LABELS, d.held),
    ];
  if (outcome === 'keep')
    return [
      ...head,
      text('结果为 ', 'result '),
      status(d.status),
      text('，状态保持 ', '; status kept at '),
      status(d.fromStatus),
    ];
  if (outcome === 'apply' && 'fromStatus' in d)
    return [...head, ...statusChange(d.fromStatus, d.status), ...statusReason(d)];
  return [...head, text('结果为 ', 'result '), status(d.status)];
}

function declarationUpdate({ d, n }: Ctx): AuditPart[] {
  if (d.review === 'confirmed')
    return [
      text('确认了 ', 'Confirmed the declaration of '),
      ...personParts(n),
      text(' 的申报（', ' ('),
      labelsOf(HOLD_REASON_LABELS, d.reasons),
      text('），', '); '),
      ...statusChange(d.fromStatus, d.toStatus),
      ...(d.nameCorrected ? [text('，并按申报更正了姓名', ', name corrected as declared')] : []),
    ];
  if (d.review === 'rejected')
    return [
      text('驳回了 ', 'Rejected the declaration of '),
      ...personParts(n),
      text(' 的申报（', ' ('),
      labelsOf(HOLD_REASON_LABELS, d.reasons),
      text('），状态不变', '); status unchanged'),
    ];
  if (num(d.purgedAnswers) !== null)
    return [
      text(
        `清除了 ${d.purgedAnswers} 份到期申报的答案`,
        `Purged the answers of ${d.purgedAnswers} expired declarations`,
      ),
    ];
  return [text('修改了 ', 'Changed the declaration of '), ...personParts(n), text(' 的申报', '')];
}

const RESIDENT_FIELDS: Record<string, Label> = {
  name: { zh: '姓名', en: 'name' },
  gender: { zh: '性别', en: 'gender' },
  docType: { zh: '证件类型', en: 'document type' },
  docNumber: { zh: '证件号码', en: 'document number' },
  phone: { zh: '手机号', en: 'phone' },
  birthDate: { zh: '出生日期', en: 'birth date' },
  relationToHead: { zh: '与户主关系', en: 'relation to the head' },
  residenceType: { zh: '人员类型', en: 'residence type' },
  tags: { zh: '标签', en: 'tags' },
  notes: { zh: '备注', en: 'notes' },
};

function residentSentence(c: Ctx): AuditPart[] | null {
  const { e, d, n } = c;
  const who = personParts(n);
  switch (e.action) {
    case 'create':
      return [text('登记了居民 ', 'Registered '), ...who];
    case 'update':
      if (d.verified) return [text('核实了 ', 'Verified '), ...who];
      if (num(d.fromDeclaration) !== null)
        return [text('按申报更正了 ', 'Corrected the name of '), ...who, text(' 的姓名', ' as declared')];
      return [text('修改了 ', 'Changed '), ...who, text(' 的', ': '), labelsOf(RESIDENT_FIELDS, d.fields)];
    case 'move':
      return [
        ...who,
        text(' 由 ', ' moved from '),
        householdParts(n, d.from),
        text(' 迁至 ', ' to '),
        householdParts(n, d.to),
      ];
    case 'reveal':
      return [
        text('查看了完整', 'Viewed the full '),
        labelOf(RESIDENT_FIELDS, d.field),
        text('：', ' of '),
        ...who,
      ];
    case 'search': {
      const what = labelOf(RESIDENT_FIELDS, d.kind === 'doc' ? 'docNumber' : d.kind);
      if (d.refused)
        return [
          text('按完整', 'A search by a whole '),
          what,
          text('查找被拒绝（超过次数上限）', ' was refused (limit reached)'),
        ];
      return [
        text('按完整', 'Searched by a whole '),
        what,
        text(`查找居民，找到 ${num(d.matches) ?? 0} 人`, `: ${num(d.matches) ?? 0} found`),
      ];
    }
    default:
      return null;
  }
}

function accountSentence({ e, d, n }: Ctx): AuditPart[] | null {
  const who = accountPart(n, e.entityId);
  const role = (code: unknown) => labelOf(ROLE_LABELS, code);
  switch (e.action) {
    case 'login':
      return [who, text(' 登录', ' signed in')];
    case 'logout':
      return [who, text(' 退出登录', ' signed out')];
    case 'login_failed':
      return [who, text(' 登录失败（密码错误）', ': sign-in failed (wrong password)')];
    case 'login_locked':
      return [
        who,
        text(
          ` 连续输错密码，该地址锁定 ${num(d.minutes) ?? '?'} 分钟`,
          `: too many wrong passwords, this address locked for ${num(d.minutes) ?? '?'} minutes`,
        ),
      ];
    case 'login_alarm':
      return [
        who,
        text(
          ` 在 ${num(d.minutes) ?? '?'} 分钟内输错密码 ${num(d.failures) ?? '?'} 次，请留意`,
          `: ${num(d.failures) ?? '?'} wrong passwords within ${num(d.minutes) ?? '?'} minutes — please check`,
        ),
      ];
    case 'password_change':
      return [who, text(' 修改了自己的密码', ' changed their password')];
    case 'account_create':
      return [
        text('新建了账号 ', 'Created the account '),
        who,
        text('，角色：', ', role: '),
        role(d.role),
        text('，范围：', ', scope: '),
        placePart(n, d.scopePlaceId),
        ...buildingsPart(n, d.scopeBuildingIds),
      ];
    case 'account_update':
      return [
        text('修改了账号 ', 'Changed the account '),
        who,
        text('：', ': '),
        ...accountChanges(n, d.changes),
      ];
    case 'account_disable':
      return [text('停用了账号 ', 'Disabled the account '), who];
    case 'account_enable':
      return [text('启用了账号 ', 'Enabled the account '), who];
    case 'account_password_reset':
      return [
        text('为账号 ', 'Reset the password of '),
        who,
        text(' 重设了一次性密码', ' (one-time password)'),
      ];
    default:
      return null;
  }
}

function buildingsPart(n: AuditNames, ids: unknown): AuditPart[] {
  if (!Array.isArray(ids) || ids.length === 0) return [];
  const names = ids.map((id) => placePart(n, id));
  return [
    text('（楼栋：', ' (buildings: '),
    text(names.map((p) => p.zh).join('、'), names.map((p) => p.en).join(', ')),
    text('）', ')'),
  ];
}

function accountChanges(n: AuditNames, changes: unknown): AuditPart[] {
  if (!changes || typeof changes !== 'object') return [text('—')];
  const out: AuditPart[] = [];
  for (const [key, change] of Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)) {
    if (out.length) out.push(text('；', '; '));
    const show = (v: unknown): AuditPart[] =>
      key === 'role'
        ? [labelOf(ROLE_LABELS, v)]
        : key === 'scopePlaceId'
          ? [placePart(n, v)]
          : key === 'scopeBuildingIds'
            ? Array.isArray(v) && v.length
              ? [
                  text(
                    v.map((id) => placePart(n, id).zh).join('、'),
                    v.map((id) => placePart(n, id).en).join(', '),
                  ),
                ]
              : [text('全部楼栋', 'all buildings')]
            : [text(String(v ?? '—'))];
    const what = ACCOUNT_FIELDS[key] ?? { zh: key, en: key };
    out.push(
      text(`${what.zh}由 `, `${what.en} from `),
      ...show(change?.from),
      text(' 改为 ', ' to '),
      ...show(change?.to),
    );
  }
  return out.length ? out : [text('—')];
}

const ACCOUNT_FIELDS: Record<string, Label> = {
  displayName: { zh: '姓名', en: 'name' },
  role: { zh: '角色', en: 'role' },
  scopePlaceId: { zh: '范围', en: 'scope' },
  scopeBuildingIds: { zh: '楼栋', en: 'buildings' },
};

function placeSentence({ e, d, n }: Ctx): AuditPart[] | null {
  if (e.action === 'create')
    return [
      text('新建了', 'Created the '),
      labelOf(PLACE_KIND_LABELS, d.kind),
      text(' ', ' '),
      placePart(n, e.entityId),
    ];
  if (e.action === 'update')
    return [
      text(`将 ${str(d.before) ?? '—'} 改名为 `, `Renamed ${str(d.before) ?? '—'} to `),
      placePart(n, e.entityId),
    ];
  return null;
}

/**
 * The sentence of one audit entry: what happened to whom, named and linked (the account that did it is
 * shown beside it). Every code is shown as its name; an entry this does not know reads as its action
 * and object. A reason given by the one who acted closes the sentence.
 */
export function auditSentence(e: AuditFacts, n: AuditNames): AuditPart[] {
  const c: Ctx = { e, d: e.detail ?? {}, n };
  const parts = exportOf(c) ?? bySubject(c) ?? moreSentence(c) ?? fallback(c);
  return tidy(e.reason ? [...parts, text('，理由：', '; reason: '), text(e.reason)] : parts);
}

/** Chinese needs no space after a full-width bracket: 王*明（… 101）申报, not 王*明（… 101） 申报. */
function tidy(parts: AuditPart[]): AuditPart[] {
  return parts.map((part, i) => {
    const before = parts[i - 1]?.zh ?? '';
    return part.zh.startsWith(' ') && /[）】」]$/.test(before) ? { ...part, zh: part.zh.trimStart() } : part;
  });
}

function bySubject(c: Ctx): AuditPart[] | null {
  switch (c.e.entity) {
    case 'declaration':
      if (c.e.action === 'create') return declarationCreate(c);
      if (c.e.action === 'update') return declarationUpdate(c);
      if (c.e.action === 'reveal')
        return [
          text('查看了 ', 'Viewed the sealed answers of '),
          ...personParts(c.n),
          text(' 申报的健康答案', "'s declaration"),
        ];
      return null;
    case 'resident':
      return residentSentence(c);
    case 'account':
      return accountSentence(c);
    case 'place':
      return placeSentence(c);
    case 'household':
      if (c.e.action === 'create')
        return [text('新建了住户 ', 'Created the household '), householdParts(c.n, c.e.entityId)];
      return null;
    default:
      return null;
  }
}

export const ENTITY_LABELS: Record<string, Label> = {
  resident: { zh: '居民', en: 'resident' },
  household: { zh: '住户', en: 'household' },
  place: { zh: '地点', en: 'place' },
  account: { zh: '账号', en: 'account' },
  declaration: { zh: '申报', en: 'declaration' },
  import_job: { zh: '名册导入', en: 'roster import' },
  pass: { zh: '出入证', en: 'pass' },
  gate: { zh: '门岗', en: 'gate' },
  observation: { zh: '观察', en: 'observation' },
  request: { zh: '诉求', en: 'request' },
  campaign: { zh: '排查', en: 'sweep' },
  risk_area: { zh: '风险地区', en: 'risk area' },
  setting: { zh: '设置', en: 'setting' },
};

const ACTION_VERBS: Record<string, Label> = {
  create: { zh: '新建了', en: 'Created' },
  update: { zh: '修改了', en: 'Changed' },
  delete: { zh: '删除了', en: 'Deleted' },
  reveal: { zh: '查看了完整的', en: 'Viewed in full' },
  export: { zh: '导出了', en: 'Exported' },
  import: { zh: '导入了', en: 'Imported' },
  move: { zh: '迁移了', en: 'Moved' },
  search: { zh: '查找了', en: 'Searched' },
};

function fallback({ e, n }: Ctx): AuditPart[] {
  const verb = labelOf(ACTION_VERBS, e.action);
  const what = labelOf(ENTITY_LABELS, e.entity);
  const about = n.person ? [text(' '), ...personParts(n)] : [];
  return [
    verb,
    text('', ' '),
    what,
    ...about,
    ...(n.community ? [text('（', ' ('), text(n.community), text('）', ')')] : []),
  ];
}
