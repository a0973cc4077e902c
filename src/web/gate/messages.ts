import { VERDICT_LABELS, type Verdict } from '../../shared/access';

/**
 * The gate app's few words, Chinese first and English beside it (guards read Chinese; a visiting
 * inspector may not). Kept here instead of i18next so the app stays small on a cheap phone.
 */
export const M = {
  title: ['门岗查验', 'Gate check'],
  signIn: ['登录', 'Sign in'],
  username: ['用户名', 'Username'],
  password: ['密码', 'Password'],
  signOut: ['退出', 'Sign out'],
  signedOutNote: [
    '已退出。本机已不再使用刚才的登录；没有网络时，服务器上的登录会在联网后自动注销。',
    'Signed out. This phone no longer uses that sign-in; without signal, the server ends it once online.',
  ],
  signInFirst: ['请先登录', 'Please sign in'],
  lastSignOutPending: [
    '上一位的退出还没有送达服务器，请联网后再登录',
    'The last sign-out has not reached the server yet; sign in once the phone is online',
  ],
  othersWaiting: [
    '条由其他账号记录，待其本人在本机登录后上传',
    'recorded by another account wait for its sign-in',
  ],
  refusedTitle: ['被服务器拒收的记录', 'Checks the server refused'],
  refusedHint: [
    '这些记录不会再自动上传，其余记录照常上传。请核对原因后删除或重试。',
    'These are not sent again by themselves; the others go on. Check the reason, then remove or retry.',
  ],
  remove: ['删除', 'Remove'],
  retry: ['重试', 'Retry'],
  refusedMark: ['被拒收', 'refused'],
  pickGate: ['选择值守的门', 'Choose your gate'],
  changeGate: ['换门', 'Change gate'],
  noGates: ['您的辖区还没有登记门岗', 'No gates are registered in your area'],
  online: ['在线', 'Online'],
  offline: ['离线', 'Offline'],
  waiting: ['待上传', 'waiting to send'],
  sendNow: ['立即上传', 'Send now'],
  listsAt: ['名单更新于', 'Lists updated'],
  in: ['进', 'In'],
  out: ['出', 'Out'],
  scan: ['扫码', 'Scan'],
  stopScan: ['停止扫码', 'Stop scanning'],
  typeHint: ['出入证号 / 身份证号', 'Pass no. / ID no.'],
  check: ['查验', 'Check'],
  idNeedsNetwork: ['按身份证号查询需要联网', 'Looking up an ID number needs the network'],
  idNotFound: ['没有找到此证件号的有效出入证', 'No valid pass for this ID number'],
  cameraFailed: ['无法打开摄像头，请手动输入出入证号', 'Camera unavailable: type the pass number'],
  passNo: ['出入证号', 'Pass no.'],
  validUntil: ['有效期至', 'Valid until'],
  temperature: ['体温 °C', 'Temperature °C'],
  feverAlarm: [
    '体温异常！请劝离并上报，系统将转发热门诊',
    'Fever! Stop the person; a clinic referral starts',
  ],
  idChecked: ['已查验身份证', 'ID checked'],
  plate: ['车牌号', 'Plate'],
  trunkChecked: ['已检查后备箱', 'Trunk checked'],
  refused: ['劝返 / 拒绝进出', 'Refused'],
  refusalReason: ['劝返原因', 'Reason for refusal'],
  save: ['保存记录', 'Save'],
  saved: ['已记录', 'Recorded'],
  recent: ['最近记录', 'Recent checks'],
  serverSays: ['服务器核验', 'Server verdict'],
  sent: ['已上传', 'sent'],
  loginFailed: ['登录失败', 'Sign-in failed'],
  ownPass: ['我的出入证', 'My pass'],
  showAtGate: ['出入小区时向门岗出示此二维码', 'Show this QR code at the gate'],
  passGone: ['此出入证已失效', 'This pass is no longer valid'],
  visitor: ['访客登记', 'Register a visitor'],
  visitorName: ['访客姓名', "Visitor's name"],
  visitorPhone: ['手机号', 'Phone'],
  visitorReason: ['来访事由', 'Reason for the visit'],
  visiting: ['到访住户（楼号/门牌）', 'Household visited'],
  visitorPass: ['访客当日通行证', "Visitor's pass for today"],
  visitorNeedsNetwork: ['访客登记需要联网', 'Registering a visitor needs the network'],
  register: ['登记', 'Register'],
  done: ['完成', 'Done'],
  cancel: ['取消', 'Cancel'],
  checkIn: ['到岗签到', 'Check in for duty'],
  checkedIn: ['已签到', 'Checked in'],
  late: ['迟到', 'late'],
  shift: ['班次', 'Shift'],
  checkInNeedsNetwork: ['签到需要联网', 'Checking in needs the network'],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof M;

export const VERDICT_TEXT: Record<Verdict, readonly [string, string]> = Object.fromEntries(
  Object.entries(VERDICT_LABELS).map(([k, v]) => [k, [v.zh, v.en]]),
) as unknown as Record<Verdict, readonly [string, string]>;
