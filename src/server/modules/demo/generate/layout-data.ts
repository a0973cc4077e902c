/** Building shapes: `perFloor` households on each floor of each entrance (单元). */
export interface BuildingShape {
  floors: number;
  entrances: number;
  perFloor: number;
}

export interface GateLayout {
  name: string;
  vehiclesAllowed: boolean;
  openingHours: string;
}

export interface CompoundLayout {
  code: string;
  name: string;
  /** Building codes are `${buildingPrefix}-bNN`; Gongyun numbers its buildings across both courtyards. */
  buildingPrefix: string;
  /** Number shown on the building ('7号楼') and its shape. */
  buildings: ReadonlyArray<readonly [number, BuildingShape]>;
  gates: readonly GateLayout[];
}

export interface BungalowLayout {
  code: string;
  name: string;
  /** Door names: yards ('12号院') or rooms in a shared yard ('甲3号'). */
  rooms: readonly string[];
}

export interface CommunityLayout {
  key: string;
  name: string;
  parentKey: string;
  /** District code carried by the IDs of most long-registered residents. */
  homeRegion: string;
  compounds: readonly CompoundLayout[];
  bungalowAreas: readonly BungalowLayout[];
}

// 6-floor walk-ups with two doors per landing, and 18-floor towers with four: the two shapes that make up
// most of Chaoyang's 1980s–2000s housing.
const W64: BuildingShape = { floors: 6, entrances: 4, perFloor: 2 };
const W63: BuildingShape = { floors: 6, entrances: 3, perFloor: 2 };
const W53: BuildingShape = { floors: 5, entrances: 3, perFloor: 2 };
const W52: BuildingShape = { floors: 5, entrances: 2, perFloor: 2 };
const T2: BuildingShape = { floors: 18, entrances: 2, perFloor: 4 };
const T1: BuildingShape = { floors: 18, entrances: 1, perFloor: 4 };
// Gongyun's older work-unit blocks have three doors per landing (一梯三户).
const G64: BuildingShape = { floors: 6, entrances: 4, perFloor: 3 };
const G63: BuildingShape = { floors: 6, entrances: 3, perFloor: 3 };
const G62: BuildingShape = { floors: 6, entrances: 2, perFloor: 3 };

function numbered(first: number, shapes: readonly BuildingShape[]): Array<readonly [number, BuildingShape]> {
  return shapes.map((shape, i) => [first + i, shape] as const);
}

function times(shape: BuildingShape, count: number): BuildingShape[] {
  return Array.from({ length: count }, () => shape);
}

const ALL_DAY = '00:00-24:00';

function gate(name: string, vehiclesAllowed: boolean, openingHours = ALL_DAY): GateLayout {
  return { name, vehiclesAllowed, openingHours };
}

function yards(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${i + 1}号院`);
}

// Shared courtyards (大杂院): several families behind one street number, told apart by 甲/乙.
function sharedYards(count: number): string[] {
  return Array.from({ length: count }, (_, i) => [`甲${i + 1}号`, `乙${i + 1}号`]).flat();
}

/** 54 scattered buildings in five compounds, 3,500 households (the story's figure). */
export const ZILUOYUAN: CommunityLayout = {
  key: 'ziluoyuan',
  name: '紫萝园社区',
  parentKey: 'dongfeng',
  homeRegion: '110105',
  compounds: [
    {
      code: 'ziluoyuan-zly',
      name: '紫萝园小区',
      buildingPrefix: 'ziluoyuan-zly',
      buildings: numbered(1, [...times(W64, 6), ...times(W63, 4), ...times(T2, 6)]),
      gates: [gate('紫萝园小区东门', true), gate('紫萝园小区北门', false, '06:00-22:00')],
    },
    {
      code: 'ziluoyuan-dfy',
      name: '东风苑',
      buildingPrefix: 'ziluoyuan-dfy',
      buildings: numbered(1, [...times(T2, 4), ...times(T1, 2), ...times(W64, 2), ...times(W63, 2)]),
      gates: [gate('东风苑南门', true), gate('东风苑西侧门', false, '06:30-21:30')],
    },
    {
      code: 'ziluoyuan-jtl',
      name: '将台路南里',
      buildingPrefix: 'ziluoyuan-jtl',
      buildings: numbered(1, [...times(W64, 5), ...times(W63, 4), ...times(W53, 3)]),
      gates: [gate('将台路南里大门', true)],
    },
    {
      code: 'ziluoyuan-tfy',
      name: '驼房营西里',
      buildingPrefix: 'ziluoyuan-tfy',
      buildings: numbered(1, [...times(W64, 4), ...times(W63, 3), ...times(W53, 2), W52]),
      gates: [gate('驼房营西里东门', true), gate('驼房营西里西门', false, '07:00-21:00')],
    },
    {
      code: 'ziluoyuan-fyl',
      name: '芳园里',
      buildingPrefix: 'ziluoyuan-fyl',
      buildings: numbered(1, [...times(T2, 2), ...times(W64, 3), W53]),
      gates: [gate('芳园里正门', true)],
    },
  ],
  bungalowAreas: [],
};

/** 16 buildings over the No. 43 and No. 45 courtyards plus three bungalow areas, 1,166 households. */
export const GONGYUN: CommunityLayout = {
  key: 'gongyun',
  name: '工运社区',
  parentKey: 'ganjiakou',
  homeRegion: '110108',
  compounds: [
    {
      code: 'gongyun-43y',
      name: '43号院',
      buildingPrefix: 'gongyun',
      buildings: numbered(1, [T2, ...times(G64, 3), ...times(G63, 2), ...times(G62, 3)]),
      gates: [gate('43号院大门', true)],
    },
    {
      code: 'gongyun-45y',
      name: '45号院',
      buildingPrefix: 'gongyun',
      buildings: numbered(10, [T2, ...times(G64, 3), ...times(G63, 2), G62]),
      gates: [gate('45号院大门', false)],
    },
  ],
  bungalowAreas: [
    { code: 'gongyun-p1', name: '平房一区', rooms: yards(34) },
    { code: 'gongyun-p2', name: '平房二区', rooms: sharedYards(14) },
    { code: 'gongyun-p3', name: '平房三区', rooms: yards(24) },
  ],
};
