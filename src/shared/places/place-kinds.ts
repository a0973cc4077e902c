export const PLACE_KINDS = [
  'city',
  'district',
  'subdistrict',
  'community',
  'compound',
  'building',
  'bungalow_area',
  'entrance',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PLACE_KIND_LABELS: Record<PlaceKind, { zh: string; en: string }> = {
  city: { zh: '市', en: 'City' },
  district: { zh: '区', en: 'District' },
  subdistrict: { zh: '街道', en: 'Sub-district' },
  community: { zh: '社区', en: 'Community' },
  compound: { zh: '小区/院', en: 'Compound' },
  building: { zh: '楼栋', en: 'Building' },
  bungalow_area: { zh: '平房区', en: 'Bungalow area' },
  entrance: { zh: '单元', en: 'Entrance' },
};

/** Which kinds may sit directly under which: the tree's grammar. */
export const CHILD_KINDS: Record<PlaceKind, readonly PlaceKind[]> = {
  city: ['district'],
  district: ['subdistrict'],
  subdistrict: ['community'],
  community: ['compound', 'building', 'bungalow_area'],
  compound: ['building', 'bungalow_area'],
  building: ['entrance'],
  bungalow_area: [],
  entrance: [],
};

/** Places that hold households directly. */
export const HOUSEHOLD_CONTAINERS: readonly PlaceKind[] = ['building', 'bungalow_area', 'entrance'];
