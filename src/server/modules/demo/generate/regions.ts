import type { Rng } from './prng';

// GB/T 2260 county-level codes. An ID keeps the code of the place where it was first issued, so a
// registered resident of Chaoyang may well carry a Dongcheng or Haidian code.
const BEIJING: ReadonlyArray<readonly [string, number]> = [
  ['110101', 6], // 东城区
  ['110102', 6], // 西城区
  ['110105', 4], // 朝阳区
  ['110106', 4], // 丰台区
  ['110107', 2], // 石景山区
  ['110108', 4], // 海淀区
  ['110111', 1], // 房山区
  ['110112', 2], // 通州区
  ['110113', 1], // 顺义区
  ['110114', 2], // 昌平区
  ['110115', 1], // 大兴区
  ['110228', 1], // 密云县 (IDs issued before it became 110118 keep the old code)
];

// Where renters and floating residents of the two communities typically come from. Hubei is deliberately
// well represented: the epidemic workflows (R2, R10) revolve around people who travelled from there.
const OTHER_PROVINCES: ReadonlyArray<readonly [string, number]> = [
  ['420106', 6], // 武汉市武昌区
  ['420102', 4], // 武汉市江岸区
  ['421002', 2], // 荆州市沙市区
  ['130102', 6], // 石家庄市长安区
  ['130602', 4], // 保定市竞秀区
  ['131002', 3], // 廊坊市安次区
  ['370102', 4], // 济南市历下区
  ['410102', 4], // 郑州市中原区
  ['510104', 3], // 成都市锦江区
  ['340102', 2], // 合肥市瑶海区
  ['120101', 3], // 天津市和平区
  ['210102', 2], // 沈阳市和平区
  ['230102', 2], // 哈尔滨市道里区
  ['140105', 2], // 太原市小店区
  ['150102', 2], // 呼和浩特市新城区
  ['430102', 2], // 长沙市芙蓉区
  ['610102', 2], // 西安市新城区
  ['360102', 1], // 南昌市东湖区
  ['500103', 1], // 重庆市渝中区
  ['220102', 1], // 长春市南关区
];

/** `homeDistrict` is the community's own district code, which most long-registered residents carry. */
export function beijingRegion(rng: Rng, homeDistrict: string): string {
  return rng.chance(0.6) ? homeDistrict : rng.weighted(BEIJING);
}

export function otherProvinceRegion(rng: Rng): string {
  return rng.weighted(OTHER_PROVINCES);
}
