import type { IdentityFactory } from './identity';
import { randomGivenName, randomSurname } from './names';
import type { Rng } from './prng';
import type { DemoOrganisation, DemoPartyBranch, DemoResident } from './types';

/** [name, kind, address, staff]. Invented units of the kinds a Chaoyang community really hosts. */
type OrgRow = readonly [string, string, string, number];

const ZILUOYUAN_ORGS: readonly OrgRow[] = [
  ['北京市朝阳区紫萝园小学', 'school', '紫萝园小区甲1号', 86],
  ['朝阳区东风第二幼儿园紫萝园园区', 'kindergarten', '紫萝园小区乙3号', 32],
  ['东风地区社区卫生服务中心紫萝园站', 'clinic', '东风苑2号楼底商', 14],
  ['北京紫萝园物业管理有限公司', 'property_management', '紫萝园小区11号楼一层', 45],
  ['北京东苑物业服务有限公司', 'property_management', '东风苑5号楼一层', 28],
  ['京惠民超市紫萝园店', 'supermarket', '紫萝园小区东门西侧', 36],
  ['鲜丰果蔬便民店', 'shop', '将台路南里3号楼底商', 6],
  ['中国工商银行北京将台路支行', 'bank', '将台路南里1号楼底商', 22],
  ['北京农商银行东风支行', 'bank', '东风苑1号楼底商', 15],
  ['中国邮政紫萝园邮政所', 'post_office', '驼房营西里2号楼底商', 7],
  ['金康大药房将台路店', 'pharmacy', '将台路南里5号楼底商', 8],
  ['将台路便民菜市场', 'market', '将台路南里北侧', 40],
  ['东风地区文化活动中心', 'public_service', '芳园里4号楼一层', 9],
  ['紫萝园社区养老服务驿站', 'elderly_care', '紫萝园小区8号楼一层', 12],
  ['阳光社区食堂', 'restaurant', '东风苑9号楼底商', 10],
  ['老北京炸酱面馆', 'restaurant', '驼房营西里6号楼底商', 8],
  ['顺捷快递驿站', 'logistics', '紫萝园小区北门东侧', 5],
  ['紫萝园停车管理有限公司', 'parking', '紫萝园小区东门', 11],
  ['北京紫萝科技有限公司', 'enterprise', '芳园里1号楼3层', 64],
  ['东风苑商务宾馆', 'hotel', '东风苑南门东侧', 18],
  ['中国石化将台路加油站', 'gas_station', '将台路南里东侧', 12],
  ['丽人美发工作室', 'service', '驼房营西里1号楼底商', 5],
  ['洁净洗衣店', 'service', '芳园里6号楼底商', 3],
  ['启明星课外培训中心', 'education', '东风苑10号楼二层', 20],
  ['东风家电维修部', 'service', '将台路南里12号楼底商', 4],
];

const GONGYUN_ORGS: readonly OrgRow[] = [
  ['海淀区工运幼儿园', 'kindergarten', '43号院内北侧', 26],
  ['甘家口社区卫生服务中心工运站', 'clinic', '45号院10号楼一层', 9],
  ['北京工运物业管理中心', 'property_management', '43号院1号楼一层', 30],
  ['工运便民超市', 'supermarket', '45号院大门西侧', 8],
  ['中国建设银行北京甘家口支行', 'bank', '43号院大门东侧', 18],
];

/** The story's figure: 7 branches with 340 members in Ziluoyuan. Gongyun's figures are invented. */
const BRANCHES: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  ziluoyuan: [
    ['第一党支部', 58],
    ['第二党支部', 52],
    ['第三党支部', 49],
    ['第四党支部', 47],
    ['第五党支部', 45],
    ['第六党支部', 46],
    ['第七党支部', 43],
  ],
  gongyun: [
    ['第一党支部（43号院）', 46],
    ['第二党支部（45号院）', 41],
    ['第三党支部（平房区）', 28],
  ],
};

const ORGS: Readonly<Record<string, readonly OrgRow[]>> = {
  ziluoyuan: ZILUOYUAN_ORGS,
  gongyun: GONGYUN_ORGS,
};

function adultName(rng: Rng, birthYear: number): string {
  return `${randomSurname(rng)}${randomGivenName(rng, rng.chance(0.5) ? 'male' : 'female', birthYear)}`;
}

export function buildOrganisations(rng: Rng, ids: IdentityFactory, communityKey: string): DemoOrganisation[] {
  return (ORGS[communityKey] ?? []).map(([name, kind, address, staffCount]) => ({
    communityKey,
    name,
    kind,
    address,
    contactName: adultName(rng, rng.int(1965, 1995)),
    contactPhone: ids.mobile(),
    staffCount,
  }));
}

export function partyMemberTotal(communityKey: string): number {
  return (BRANCHES[communityKey] ?? []).reduce((sum, [, count]) => sum + count, 0);
}

/** Each branch secretary is one of the community's own Party members, so the register agrees. */
export function buildPartyBranches(
  rng: Rng,
  communityKey: string,
  residents: readonly DemoResident[],
): DemoPartyBranch[] {
  const candidates = residents.filter(
    (r) =>
      r.communityKey === communityKey && r.tags.includes('party_member') && r.residenceType === 'registered',
  );
  const taken = new Set<DemoResident>();
  return (BRANCHES[communityKey] ?? []).map(([name, memberCount]) => {
    let secretary = candidates.length > taken.size ? rng.pick(candidates) : undefined;
    while (secretary !== undefined && taken.has(secretary)) secretary = rng.pick(candidates);
    if (secretary !== undefined) taken.add(secretary);
    return { communityKey, name, secretaryName: secretary?.name ?? adultName(rng, 1960), memberCount };
  });
}
