import { type CommunityLayout, GONGYUN, ZILUOYUAN } from './layout-data';
import type { Rng } from './prng';
import type { DemoGate, DemoHousehold, DemoPlace } from './types';

export const COMMUNITIES: readonly CommunityLayout[] = [ZILUOYUAN, GONGYUN];

// Share of doors with nobody living behind them (sold but unoccupied, awaiting renovation, …).
const VACANCY_RATE = 0.03;

/** The administrative levels above the communities; 北京市 itself is not a place. */
const UPPER_LEVELS: readonly DemoPlace[] = [
  { key: 'chaoyang', parentKey: null, kind: 'district', name: '朝阳区', code: '110105', sortKey: 1 },
  {
    key: 'dongfeng',
    parentKey: 'chaoyang',
    kind: 'subdistrict',
    name: '东风地区',
    code: '110105043',
    sortKey: 1,
  },
  { key: 'haidian', parentKey: null, kind: 'district', name: '海淀区', code: '110108', sortKey: 2 },
  {
    key: 'ganjiakou',
    parentKey: 'haidian',
    kind: 'subdistrict',
    name: '甘家口街道',
    code: '110108002',
    sortKey: 1,
  },
];

export function buildingCode(prefix: string, buildingNumber: number): string {
  return `${prefix}-b${String(buildingNumber).padStart(2, '0')}`;
}

/** Places in tree order (every parent before its children), keyed by their code below community level. */
export function buildPlaces(): DemoPlace[] {
  const places: DemoPlace[] = [...UPPER_LEVELS];
  const add = (parentKey: string, kind: DemoPlace['kind'], name: string, code: string, sortKey: number) => {
    places.push({ key: code, parentKey, kind, name, code, sortKey });
  };
  COMMUNITIES.forEach((community, communityIndex) => {
    places.push({
      key: community.key,
      parentKey: community.parentKey,
      kind: 'community',
      name: community.name,
      code: community.key,
      sortKey: communityIndex + 1,
    });
    community.compounds.forEach((compound, compoundIndex) => {
      add(community.key, 'compound', compound.name, compound.code, compoundIndex + 1);
      compound.buildings.forEach(([number, shape], buildingIndex) => {
        const code = buildingCode(compound.buildingPrefix, number);
        add(compound.code, 'building', `${number}号楼`, code, buildingIndex + 1);
        for (let e = 1; e <= shape.entrances; e++) add(code, 'entrance', `${e}单元`, `${code}-e${e}`, e);
      });
    });
    community.bungalowAreas.forEach((area, areaIndex) => {
      add(community.key, 'bungalow_area', area.name, area.code, community.compounds.length + areaIndex + 1);
    });
  });
  return places;
}

export function buildGates(): DemoGate[] {
  return COMMUNITIES.flatMap((community) =>
    community.compounds.flatMap((compound) =>
      compound.gates.map((gate) => ({ compoundKey: compound.code, ...gate })),
    ),
  );
}

/** Room numbers as written on Beijing doors: floor then a two-digit door number (301, 1804). */
function roomNumber(floor: number, door: number): string {
  return `${floor}${String(door).padStart(2, '0')}`;
}

export function buildHouseholds(rng: Rng): DemoHousehold[] {
  const households: DemoHousehold[] = [];
  for (const community of COMMUNITIES) {
    for (const compound of community.compounds) {
      for (const [number, shape] of compound.buildings) {
        const buildingKey = buildingCode(compound.buildingPrefix, number);
        for (let e = 1; e <= shape.entrances; e++) {
          const entranceKey = `${buildingKey}-e${e}`;
          for (let floor = 1; floor <= shape.floors; floor++) {
            for (let door = 1; door <= shape.perFloor; door++) {
              const room = roomNumber(floor, door);
              households.push({
                key: `${entranceKey}-${room}`,
                communityKey: community.key,
                buildingKey,
                entranceKey,
                floor,
                room,
                vacant: rng.chance(VACANCY_RATE),
              });
            }
          }
        }
      }
    }
    for (const area of community.bungalowAreas) {
      area.rooms.forEach((room, i) => {
        households.push({
          key: `${area.code}-${String(i + 1).padStart(2, '0')}`,
          communityKey: community.key,
          buildingKey: area.code,
          entranceKey: null,
          floor: null,
          room,
          vacant: rng.chance(VACANCY_RATE),
        });
      });
    }
  }
  return households;
}
