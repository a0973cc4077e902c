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
  bad_url: {
    zh: '请求地址有误（编码不正确或某一段太长）',
    en: 'The address is malformed (bad percent-encoding or a part too long)',
  },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  invalid_credentials: { zh: '用户名或密码不正确', en: 'Wrong username or password' },
  account_locked: {
    // The lock holds this address on this account, not the account: its owner elsewhere still signs in.
    zh: '从此网络登录该账号失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins to this account from this network; try again in {minutes} minutes',
  },
  account_disabled: { zh: '该账号已停用', en: 'This account is disabled' },
  wrong_password: { zh: '当前密码不正确', en: 'The current password is wrong' },
  weak_password: {
    zh: '新密码至少 10 位，且不能与用户名相同',
    en: 'The new password needs at least 10 characters and must differ from the username',
  },
  forbidden: { zh: '您的账号没有此操作的权限', en: 'Your account may not do this' },
  cross_site_request: {
    zh: '该请求不是从本系统的页面发出的，已拒绝。请在大树的页面上操作',
    en: "Refused: the request did not come from this site's pages",
  },
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
  invalid_public_url: {
    zh: '公网地址应以 http:// 或 https:// 开头，如 https://dashu.example.gov.cn，不含问号或 # 后的内容',
    en: 'The public address must start with http:// or https://, e.g. https://dashu.example.org, without ? or #',
  },
  role_not_grantable: {
    zh: '只能给比自己低的角色开账号或修改其账号',
    en: 'You can only create or change accounts of roles below your own',
  },
  scope_kind_mismatch: {
    zh: '管辖范围与角色不符：区级干部管区（或市），街道干部管街道，社区书记、社工、志愿者和门岗管社区',
    en: 'The area does not fit the role: district officers a district (or the city), sub-district officers a sub-district, community staff, volunteers and guards a community',
  },
  buildings_volunteer_only: {
    zh: '只有志愿者/楼门长可以限定到楼栋',
    en: 'Only volunteers (building captains) are limited to buildings',
  },
  cannot_change_own_account: {
    zh: '不能在这里停用、重置或修改自己的账号',
    en: 'You cannot disable, reset or change your own account here',
  },
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
  photo_refused: { zh: '这张照片不能保存：{zh}', en: 'This photo cannot be kept: {en}' },
  photo_quota_account: {
    zh: '您今天已上传 {count} 张照片，达到每人每天的上限，请明天再传或联系社区',
    en: 'You have uploaded {count} photos today, the daily limit; upload tomorrow or ask the community',
  },
  photo_quota_community: {
    zh: '本社区的照片存储已满（上限 {limit} MB），请联系系统管理员',
    en: "The community's photo storage is full ({limit} MB); ask the system administrator",
  },
  upload_incomplete: {
    zh: '上传的文件不完整或格式不对，请重新上传',
    en: 'The upload was cut short or malformed; please upload the file again',
  },
  import_bad_header: {
    zh: '表头缺少必填列：{missing}。请使用模板',
    en: 'The header lacks required columns: {missing}. Please use the template',
  },
  import_bad_header_unrecognised: {
    zh: '表头缺少必填列：{missing}。没有识别的列：{unrecognised}——如果其中一列就是所缺的列，请把表头改为模板中的列名',
    en: 'The header lacks required columns: {missing}. Columns not recognised: {unrecognised} — if one of them is the missing column, rename its header to the template’s column name',
  },
  import_unreadable: { zh: '文件无法读取：{detail}', en: 'The file could not be read: {detail}' },
  import_file_gone: {
    zh: '上传的文件已不在服务器上，请重新上传',
    en: 'The uploaded file is no longer on the server; please upload it again',
  },
  import_changed_since_preview: {
    zh: '预览之后名册或登记信息有了变化，导入结果会与预览不同，所以没有写入任何数据，请重新上传并预览',
    en: 'The registry (or the file) changed since the preview, so the import would differ from what you saw; nothing was written — upload and preview again',
  },
  import_not_previewed: {
    zh: '这次导入不在等待确认的状态（可能已经确认过），请刷新页面查看',
    en: 'This import is not waiting for confirmation (it may have been confirmed already); reload the page',
  },
  import_interrupted: {
    zh: '导入因服务器中断或多次出错而未完成，没有写入任何数据，请重新上传',
    en: 'The import did not finish (the server stopped or it failed repeatedly); nothing was written, please upload again',
  },
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
  search_rate_limited: {
    zh: '按完整证件号或手机号查询太频繁：每个账号每 10 分钟最多 {limit} 次，请 {minutes} 分钟后再试。按姓名或手机尾号查询不受影响。',
    en: 'Too many searches by a whole ID or phone number: at most {limit} per account every 10 minutes; try again in {minutes} min. Searching by name or the last four digits still works.',
  },
  pass_not_active: {
    zh: '该出入证已作废或已补发，不能再操作',
    en: 'This pass is revoked or was reissued; it cannot be changed',
  },
  observation_invalid: { zh: '观察信息有误：{detail}', en: 'Invalid observation: {detail}' },
  observation_open_exists: {
    zh: '此人已在观察中，不能重复开始',
    en: 'This person is already under observation',
  },
  observation_ended: { zh: '该观察已解除', en: 'This observation has ended' },
  observation_home_ineligible: {
    zh: '不符合居家观察条件：{detail}。请劝导集中观察',
    en: 'Not eligible for home observation: {detail}. Persuade to centralised observation',
  },
  observation_link_unknown: {
    zh: '该链接已失效，请联系社区工作人员',
    en: 'This link is no longer valid; please contact the community staff',
  },
  request_step_invalid: {
    zh: '该诉求当前为“{status}”，不能{step}',
    en: 'The request is "{status}"; it cannot be {step} now',
  },
  request_callback_required: {
    zh: '办结前须完成回访，或记录 3 次未联系上诉求人',
    en: 'Before closing, record a callback or three failed attempts to reach the requester',
  },
  request_reopen_expired: {
    zh: '办结已超过 30 天，不能重新办理，请新建诉求',
    en: 'Closed more than 30 days ago; file a new request instead',
  },
  order_number_taken: {
    zh: '12345工单号 {orderNumber} 已登记过，请勿重复录入',
    en: 'The 12345 order number {orderNumber} is already recorded',
  },
  request_link_unknown: {
    zh: '这个诉求进度链接无效，请联系社区工作人员',
    en: 'This request link is not valid; ask the community staff',
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
  gate_check_off_shift: {
    zh: '志愿者只能在本门岗的值班时段内记录查验，这条查验的时间不在您的班次内，请联系社区排班',
    en: 'Volunteers record checks only during their shift at this gate; this check is outside your shifts; ask the community',
  },
  gate_shift_required: {
    zh: '志愿者只能在本门岗的值班时段内（开班前 30 分钟起）使用门岗名单和证件号查询，请联系社区排班',
    en: 'Volunteers use the gate lists and the ID lookup only during their shift at this gate (from 30 minutes before it starts); ask the community',
  },
  inspection_invalid: { zh: '巡查记录有误：{detail}', en: 'Inspection: {detail}' },
  duplicate_risk_area: {
    zh: '{place}已设有相同的风险地区：{region}，风险等级相同，有效期（{period}）重叠。请调整已有的那一条，不要重复添加',
    en: '{place} already has this risk area: {region} at the same level, valid {period}, overlapping. Change that one instead of adding another',
  },
  keys_root_only: {
    zh: '签名密钥由全市所有社区共用，只有最上级（市级）账号可以更换',
    en: 'The signing key serves every community; only an account at the top of the tree may rotate it',
  },
  review_decided: {
    zh: '这条居民自报已由其他工作人员处理，请刷新后查看',
    en: 'Someone else already dealt with this declaration; reload to see it',
  },
  status_changed: {
    zh: '该居民的状态刚刚有了变化，请刷新后再确认',
    en: "This resident's status has just changed; reload and confirm again",
  },
  care_task_taken: {
    zh: '这项关怀任务已由其他人接单或已完成，请刷新后查看',
    en: 'Someone else already took or finished this care task; reload to see it',
  },
  indicator_unknown: { zh: '没有这个指标', en: 'No such indicator' },
  no_rows_behind: {
    zh: '这个数字没有可查看的明细（请在社区或楼栋一级查看）',
    en: 'This number has no rows to list (drill down to a community or building)',
  },
  report_confirmed: {
    zh: '街道已确认该日报，不能再修改',
    en: 'The sub-district has confirmed this report; it can no longer change',
  },
  report_not_frozen: { zh: '该日报尚未到截止时间', en: 'This report has not reached its cut-off yet' },
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
