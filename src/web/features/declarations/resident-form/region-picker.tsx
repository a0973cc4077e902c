import { useEffect, useState } from 'react';

type AreaList = {
  province_list: Record<string, string>;
  city_list: Record<string, string>;
  county_list: Record<string, string>;
};

let cache: AreaList | null = null;
let loading: Promise<AreaList> | null = null;

/** The ~35 KB region table loads only when someone says they left Beijing. */
export function loadAreas(): Promise<AreaList> {
  loading ??= import('@vant/area-data').then((m) => {
    cache = m.areaList;
    return m.areaList;
  });
  return loading;
}

export function useAreas(): AreaList | null | 'failed' {
  const [areas, setAreas] = useState<AreaList | null | 'failed'>(cache);
  useEffect(() => {
    if (cache) return;
    let live = true;
    loadAreas().then(
      (list) => live && setAreas(list),
      () => {
        loading = null;
        if (live) setAreas('failed');
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return areas;
}

/** '420103' → '湖北省 武汉市 江汉区' (repeated names such as 北京市 北京市 said once). */
export function regionName(areas: AreaList, code: string): string {
  const names = [
    areas.province_list[`${code.slice(0, 2)}0000`],
    code.endsWith('0000') ? undefined : areas.city_list[`${code.slice(0, 4)}00`],
    code.endsWith('00') ? undefined : areas.county_list[code],
  ];
  return names.filter((n, i): n is string => !!n && n !== names[i - 1]).join(' ') || code;
}

const under = (list: Record<string, string>, prefix: string) =>
  Object.entries(list).filter(([code]) => code.startsWith(prefix));

export interface RegionValue {
  province: string;
  city: string;
  county: string;
}

interface Props {
  areas: AreaList;
  value: RegionValue;
  onChange: (value: RegionValue) => void;
  /** `${prefix}-province`, `-city`, `-county` */
  testid: string;
  label: string;
  exclude?: readonly string[];
  onBlur?: () => void;
}

/** Province → city → district, three plain selects: the phone's own picker is the fastest there is. */
export function RegionPicker({ areas, value, onChange, testid, label, exclude = [], onBlur }: Props) {
  const provinces = Object.entries(areas.province_list).filter(([code]) => !exclude.includes(code));
  const cities = value.province ? under(areas.city_list, value.province.slice(0, 2)) : [];
  const counties = value.city ? under(areas.county_list, value.city.slice(0, 4)) : [];
  const select = (
    part: keyof RegionValue,
    options: [string, string][],
    placeholder: string,
    change: (code: string) => RegionValue,
  ) => (
    <select
      aria-label={`${label}：${placeholder}`}
      data-testid={`${testid}-${part}`}
      className="rf-input"
      value={value[part]}
      disabled={options.length === 0}
      onChange={(e) => onChange(change(e.target.value))}
      onBlur={onBlur}
    >
      <option value="">{placeholder}</option>
      {options.map(([code, name]) => (
        <option key={code} value={code}>
          {name}
        </option>
      ))}
    </select>
  );
  return (
    <div className="rf-region">
      {select('province', provinces, '省份', (province) => {
        const onlyCity = under(areas.city_list, province.slice(0, 2));
        const city = onlyCity.length === 1 ? (onlyCity[0]?.[0] ?? '') : '';
        return { province, city, county: '' };
      })}
      {select('city', cities, '城市', (city) => ({ ...value, city, county: '' }))}
      {select('county', counties, '区县', (county) => ({ ...value, county }))}
    </div>
  );
}
