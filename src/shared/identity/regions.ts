// Province-level prefixes of GB/T 2260 plus the residence-permit prefixes (81 HK, 82 Macao, 83 Taiwan).
const MAINLAND_RANGES: ReadonlyArray<readonly [number, number]> = [
  [11, 15],
  [21, 23],
  [31, 37],
  [41, 46],
  [50, 54],
  [61, 65],
];

const MAINLAND_PROVINCES: ReadonlySet<string> = new Set(
  MAINLAND_RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i))),
);

const TAIWAN_PROVINCE = '71';

/** Residence permits for HK/Macao/Taiwan residents use a whole-region code, never a city or county. */
export const RESIDENCE_PERMIT_REGIONS: readonly string[] = ['810000', '820000', '830000'];

export const PROVINCE_CODES: readonly string[] = [...MAINLAND_PROVINCES, TAIWAN_PROVINCE, '81', '82', '83'];

export function isMainlandProvince(code2: string): boolean {
  return MAINLAND_PROVINCES.has(code2);
}

/** Checks the 6-digit administrative code at the start of a resident ID (province level only). */
export function isValidResidentRegion(region6: string): boolean {
  if (!/^\d{6}$/.test(region6)) return false;
  const province = region6.slice(0, 2);
  if (isMainlandProvince(province) || province === TAIWAN_PROVINCE) return true;
  return RESIDENCE_PERMIT_REGIONS.includes(region6);
}

export function isResidencePermitRegion(region6: string): boolean {
  return RESIDENCE_PERMIT_REGIONS.includes(region6);
}
