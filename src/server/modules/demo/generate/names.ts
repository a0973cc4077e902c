import type { Rng } from './prng';

export type Gender = 'male' | 'female';

// Surnames by tier, weights roughly proportional to national frequency (per mille, 2020 census order),
// so a few hundred households already look like a real Beijing register.
const SURNAME_TIERS: ReadonlyArray<readonly [string, number]> = [
  ['王李张', 70],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['赵黄', 20],
  ['吴周', 17],
  ['徐孙马朱', 12],
  ['胡郭何高林罗郑', 9],
  ['梁谢宋唐许韩冯邓曹', 5],
  ['彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任', 3],
  ['沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史', 2],
];

const SURNAMES: ReadonlyArray<readonly [string, number]> = SURNAME_TIERS.flatMap(([chars, weight]) =>
  Array.from(chars, (char) => [char, weight] as const),
);

/** Naming fashions changed a lot between generations; a 1950 桂英 next to a 2015 梓涵 reads true. */
type Generation = 'old' | 'middle' | 'young' | 'child';

const GIVEN_NAMES: Record<Generation, Record<Gender, readonly string[]>> = {
  old: {
    male: '建国 国庆 建华 志强 卫东 振华 德福 永刚 文革 援朝 国栋 树林 长顺 宝山 福海 玉林 庆祥 德明 世杰 凤山 国华 金生 立新 跃进'.split(
      ' ',
    ),
    female:
      '秀兰 桂英 淑珍 玉兰 凤兰 秀英 桂兰 淑华 玉珍 秀珍 凤英 桂珍 素梅 淑芬 秀云 玉梅 翠花 秀芳 淑英 桂芳 慧珍 兰英'.split(
        ' ',
      ),
  },
  middle: {
    male: '伟 勇 军 磊 强 涛 斌 海涛 建军 志刚 国强 永明 立军 海波 卫国 振宇 小兵 红军 宏伟 建平 东 明 刚 亮'.split(
      ' ',
    ),
    female:
      '丽 静 敏 燕 艳 娟 丽娟 红梅 晓燕 秀梅 丽华 春燕 海燕 雪梅 玉华 晓红 颖 霞 红 萍 慧 丽萍 彩霞 立华'.split(
        ' ',
      ),
  },
  young: {
    male: '浩 鹏 宇 超 杰 晨 俊杰 浩然 子豪 志鹏 鑫 磊 博 帅 旭 宇航 文博 天宇 一凡 家豪 明轩 思远 嘉伟 昊'.split(
      ' ',
    ),
    female:
      '婷 雪 倩 璐 佳慧 晓雯 欣怡 梦瑶 丹 悦 雨婷 佳琪 思琪 诗雨 晶晶 媛媛 静怡 子璇 舒 萌 蕾 雅婷 文静 琳'.split(
        ' ',
      ),
  },
  child: {
    male: '子轩 浩宇 宇轩 梓豪 一鸣 睿 皓轩 俊熙 奕辰 沐阳 子墨 浩然 嘉懿 宇泽 铭泽 锦程 思源 瑞霖 若愚 煜 承泽 安'.split(
      ' ',
    ),
    female:
      '梓涵 一诺 欣怡 子涵 雨涵 诗涵 可馨 语桐 若汐 梓萱 芊芊 依诺 思彤 艺涵 沐晴 雨桐 安然 悦宁 梓琪 语嫣 书瑶 乐'.split(
        ' ',
      ),
  },
};

function generationOf(birthYear: number): Generation {
  if (birthYear < 1960) return 'old';
  if (birthYear < 1985) return 'middle';
  if (birthYear < 2005) return 'young';
  return 'child';
}

export function randomSurname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

export function randomGivenName(rng: Rng, gender: Gender, birthYear: number): string {
  return rng.pick(GIVEN_NAMES[generationOf(birthYear)][gender]);
}
