import { areaList } from '@vant/area-data';

/** One level of the province → city → county picker, in the shape antd's Cascader wants. */
export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

const { province_list: provinces, city_list: cities, county_list: counties } = areaList;

let cachedTree: RegionOption[] | null = null;

/** Every province, its cities and their counties (GB/T 2260 codes), built once on first use. */
export function regionTree(): RegionOption[] {
  if (cachedTree) return cachedTree;
  const cityChildren = new Map<string, RegionOption[]>();
  for (const [code, name] of Object.entries(counties)) {
    const city = `${code.slice(0, 4)}00`;
    const list = cityChildren.get(city) ?? [];
    list.push({ value: code, label: name });
    cityChildren.set(city, list);
  }
  const provinceChildren = new Map<string, RegionOption[]>();
  for (const [code, name] of Object.entries(cities)) {
    const province = `${code.slice(0, 2)}0000`;
    const list = provinceChildren.get(province) ?? [];
    const children = cityChildren.get(code);
    list.push(children ? { value: code, label: name, children } : { value: code, label: name });
    provinceChildren.set(province, list);
  }
  cachedTree = Object.entries(provinces).map(([code, name]) => {
    const children = provinceChildren.get(code);
    return children ? { value: code, label: name, children } : { value: code, label: name };
  });
  return cachedTree;
}

/** Provinces and their cities only: the origin filter of the declarations list. */
export function provinceCityTree(): RegionOption[] {
  return regionTree().map(({ children, ...province }) => ({
    ...province,
    ...(children ? { children: children.map(({ value, label }) => ({ value, label })) } : {}),
  }));
}

/** The cascader path down to a code: 420102 → [420000, 420100, 420102]. */
export function regionPath(code: string): string[] {
  const province = `${code.slice(0, 2)}0000`;
  const city = `${code.slice(0, 4)}00`;
  if (code === province) return [province];
  if (code === city) return [province, city];
  return [province, city, code];
}

/** The deepest code picked in a cascader path, or undefined when nothing is picked. */
export function deepestCode(path: readonly string[] | null | undefined): string | undefined {
  return path && path.length > 0 ? path[path.length - 1] : undefined;
}

// Placeholder city levels ("省直辖县", "自治区直辖县级行政区划") say nothing about the place.
const isPlaceholder = (name: string) => name.includes('直辖');

/**
 * The full place name of a code, e.g. 420100 → 湖北省武汉市. Municipalities are not doubled (北京市东城区).
 * Unknown codes come back as the code itself so nothing is silently hidden.
 */
export function regionName(code: string | null | undefined): string {
  if (!code) return '';
  const names: string[] = [];
  for (const part of regionPath(code)) {
    const name = provinces[part] ?? cities[part] ?? counties[part];
    if (!name || isPlaceholder(name) || names[names.length - 1] === name) continue;
    names.push(name);
  }
  return names.length > 0 ? names.join('') : code;
}

/** Origin filter: a province keeps its 2-digit prefix, a city its 4-digit one. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}
