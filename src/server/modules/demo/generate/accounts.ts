import type { DemoAccount } from './types';

/**
 * One account per role and level, so a demo can show what each person sees. Names are fixed (not drawn
 * from the seed) because demo scripts and documentation refer to them.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'district_officer', scopeKey: '*' },
  { username: 'chaoyang', displayName: '朝阳区 民政科 王磊', role: 'district_officer', scopeKey: 'chaoyang' },
  { username: 'haidian', displayName: '海淀区 民政科 李娜', role: 'district_officer', scopeKey: 'haidian' },
  {
    username: 'dongfeng',
    displayName: '东风地区 社区办 赵刚',
    role: 'subdistrict_officer',
    scopeKey: 'dongfeng',
  },
  {
    username: 'ganjiakou',
    displayName: '甘家口街道 社区办 孙丽',
    role: 'subdistrict_officer',
    scopeKey: 'ganjiakou',
  },
  {
    username: 'ziluoyuan',
    displayName: '紫萝园社区 书记 张敏',
    role: 'community_secretary',
    scopeKey: 'ziluoyuan',
  },
  {
    username: 'gongyun',
    displayName: '工运社区 书记 刘红',
    role: 'community_secretary',
    scopeKey: 'gongyun',
  },
  {
    username: 'zly-sg1',
    displayName: '紫萝园社区 社工 陈晓燕',
    role: 'social_worker',
    scopeKey: 'ziluoyuan',
  },
  { username: 'gy-sg1', displayName: '工运社区 社工 杨帆', role: 'social_worker', scopeKey: 'gongyun' },
  {
    username: 'zly-vol1',
    displayName: '紫萝园社区 志愿者 周建国',
    role: 'volunteer',
    scopeKey: 'ziluoyuan',
    // A volunteer covers a few buildings (动态楼宇, R4), not the whole community.
    scopeBuildingKeys: ['ziluoyuan-zly-b01', 'ziluoyuan-zly-b02', 'ziluoyuan-zly-b03'],
  },
  {
    username: 'gy-vol1',
    displayName: '工运社区 志愿者 吴秀兰',
    role: 'volunteer',
    scopeKey: 'gongyun',
    scopeBuildingKeys: ['gongyun-b02', 'gongyun-b03'],
  },
  { username: 'zly-gate1', displayName: '紫萝园社区 门岗 郭强', role: 'gate_guard', scopeKey: 'ziluoyuan' },
  { username: 'gy-gate1', displayName: '工运社区 门岗 马志刚', role: 'gate_guard', scopeKey: 'gongyun' },
];
