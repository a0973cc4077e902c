import { residentIdCheckChar } from '../../src/shared/identity';

/** Small seeded PRNG (mulberry32): the same seed gives the same roster on every run. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: () => number, list: readonly T[]): T =>
  list[Math.floor(rng() * list.length)] as T;

/** Common surnames, the most frequent repeated so they come up about as often as they do in Beijing. */
export const SURNAMES = [
  ...['王', '李', '张', '刘', '陈'].flatMap((s) => [s, s, s, s]),
  ...['杨', '赵', '黄', '周', '吴'].flatMap((s) => [s, s]),
  ...[
    '徐',
    '孙',
    '胡',
    '朱',
    '高',
    '林',
    '何',
    '郭',
    '马',
    '罗',
    '梁',
    '宋',
    '郑',
    '谢',
    '韩',
    '唐',
    '冯',
    '于',
  ],
  ...[
    '董',
    '萧',
    '程',
    '曹',
    '袁',
    '邓',
    '许',
    '傅',
    '沈',
    '曾',
    '彭',
    '吕',
    '苏',
    '卢',
    '蒋',
    '蔡',
    '贾',
    '丁',
  ],
];

export const GIVEN_CHARS = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌宇浩然子轩欣怡梓涵雨晨',
  ...'博涵嘉怡俊杰思远佳琪一鸣海燕春梅秋菊冬雪德福宝山振东立新淑珍凤兰树林永刚金凤丽娟晓东',
];

export function chineseName(rng: () => number): string {
  const given = rng() < 0.35 ? pick(rng, GIVEN_CHARS) : pick(rng, GIVEN_CHARS) + pick(rng, GIVEN_CHARS);
  return pick(rng, SURNAMES) + given;
}

const REGIONS = ['110101', '110102', '110105', '110108', '130102', '370102', '410102', '510104'];
const DAY_MS = 86_400_000;
const FIRST_BIRTH = Date.UTC(1940, 0, 1);
const BIRTH_DAYS = 24_000; // 1940 to 2005

/**
 * A valid 18-character resident ID, different for every index below 8 × 24,000 × 500: the index picks
 * the region, the birth date and the sequence number; the check character is computed (GB 11643).
 */
export function residentId(index: number, female: boolean): string {
  const region = REGIONS[index % REGIONS.length] as string;
  const rest = Math.floor(index / REGIONS.length);
  const birth = new Date(FIRST_BIRTH + (rest % BIRTH_DAYS) * DAY_MS)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  const seq = (Math.floor(rest / BIRTH_DAYS) % 500) * 2 + (female ? 0 : 1);
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A mobile number unique for every index below 10^8 (7919 is prime to 10^8, so the map is one-to-one). */
export function mobile(index: number): string {
  const prefix = ['139', '138', '186', '135', '150', '177', '188', '131'][index % 8] as string;
  return prefix + String((index * 7919) % 100_000_000).padStart(8, '0');
}
