/**
 * Every error code the API can answer with, and what a person reads. `{name}` placeholders are filled
 * from the error's params. Shared so the console can show the same words for errors it finds itself.
 */
export const ERROR_MESSAGES = {
  validation_failed: { zh: '填写的内容有误：{detail}', en: 'Invalid input: {detail}' },
  invalid_json: { zh: '请求格式不正确', en: 'The request body is not valid JSON' },
  payload_too_large: { zh: '提交的内容太大', en: 'The request is too large' },
  unsupported_media_type: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  not_found: { zh: '找不到该记录，或您无权查看', en: 'Not found, or outside your area' },
  route_not_found: { zh: '没有这个接口', en: 'No such API route' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  invalid_credentials: { zh: '用户名或密码不正确', en: 'Wrong username or password' },
  account_locked: {
    zh: '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; the account is locked for {minutes} minutes',
  },
  account_disabled: { zh: '该账号已停用', en: 'This account is disabled' },
  wrong_password: { zh: '当前密码不正确', en: 'The current password is wrong' },
  weak_password: {
    zh: '新密码至少 10 位，且不能与用户名相同',
    en: 'The new password needs at least 10 characters and must differ from the username',
  },
  forbidden: { zh: '您的账号没有此操作的权限', en: 'Your account may not do this' },
  out_of_scope: { zh: '该地点不在您的管辖范围内', en: 'That place is outside your area' },
  conflict_version: {
    zh: '该记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  },
  duplicate_document: {
    zh: '该证件号码已登记（{name}），请勿重复添加',
    en: 'This document number is already registered ({name})',
  },
  conflict_duplicate: {
    zh: '这条记录刚刚已由另一次提交保存，请刷新后查看',
    en: 'This record was just saved by another submission; reload to see it',
  },
  duplicate_username: { zh: '用户名已被占用', en: 'That username is taken' },
  duplicate_door: { zh: '该门牌号已存在', en: 'That door number already exists' },
  invalid_document: { zh: '证件号码：{detail}', en: 'Document number: {detail}' },
  invalid_phone: { zh: '手机号：{detail}', en: 'Phone: {detail}' },
  identity_mismatch: { zh: '{detail}', en: '{detail}' },
  invalid_place_kind: {
    zh: '“{parent}”下面不能添加“{child}”',
    en: 'A {child} cannot be placed under a {parent}',
  },
  not_a_household_place: {
    zh: '住户只能建在楼栋、单元或平房区下',
    en: 'Households belong to a building, entrance or bungalow area',
  },
  reason_required: {
    zh: '请填写查看原因（至少 4 个字）',
    en: 'Please give a reason (at least 4 characters)',
  },
  nothing_to_reveal: { zh: '该项没有登记内容', en: 'Nothing is recorded for this field' },
  unsupported_file: {
    zh: '只支持 Excel（.xlsx）或 CSV 文件',
    en: 'Only Excel (.xlsx) or CSV files are supported',
  },
  file_missing: { zh: '请选择要上传的文件', en: 'Please choose a file to upload' },
  import_bad_header: {
    zh: '表头缺少必填列：{missing}。请使用模板',
    en: 'The header lacks required columns: {missing}. Please use the template',
  },
  import_unreadable: { zh: '文件无法读取：{detail}', en: 'The file could not be read: {detail}' },
  poster_unknown: {
    zh: '这个二维码无效，请扫描社区张贴的最新二维码，或联系社区工作人员',
    en: 'This QR code is not valid; scan the latest poster or ask the community staff',
  },
  poster_revoked: {
    zh: '这个二维码已停用，请扫描社区张贴的最新二维码',
    en: 'This QR code has been withdrawn; scan the latest poster',
  },
  consent_required: {
    zh: '请阅读说明并勾选同意后再提交',
    en: 'Please read the statement and agree before submitting',
  },
  rate_limited: { zh: '操作太频繁，请稍后再试', en: 'Too many requests; please wait a moment' },
  pass_not_active: {
    zh: '该出入证已作废或已补发，不能再操作',
    en: 'This pass is revoked or was reissued; it cannot be changed',
  },
  pass_link_unknown: {
    zh: '这个出入证链接无效或已停用，请联系社区工作人员',
    en: 'This pass link is not valid or was withdrawn; ask the community staff',
  },
  gate_check_invalid: { zh: '门岗记录有误：{detail}', en: 'Gate check: {detail}' },
  shift_invalid: { zh: '排班有误：{detail}', en: 'Shift: {detail}' },
  shift_overlap: {
    zh: '{name} 在 {at} 已有排班，同一人的班次不能重叠',
    en: "{name} already has a shift at {at}; one person's shifts cannot overlap",
  },
  no_shift_now: {
    zh: '您现在在这个门岗没有排班（可在开班前 30 分钟内签到），请联系社区排班',
    en: 'You have no shift at this gate now (check-in opens 30 minutes before the start); ask the community',
  },
  inspection_invalid: { zh: '巡查记录有误：{detail}', en: 'Inspection: {detail}' },
  internal: { zh: '服务器出错了，请稍后重试', en: 'Server error; please try again later' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export type Lang = 'zh' | 'en';

export function formatMessage(
  code: ErrorCode,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  const template = ERROR_MESSAGES[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}
