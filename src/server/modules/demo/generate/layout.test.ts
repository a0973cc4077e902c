import { describe, expect, it } from 'vitest';
import { generateDemoData } from './index';

const data = generateDemoData(7, new Date('2020-01-23T12:30:00Z'));
const placeByKey = new Map(data.places.map((p) => [p.key, p]));

function householdsOf(communityKey: string) {
  return data.households.filter((h) => h.communityKey === communityKey);
}

/** Keys of a place's ancestors, nearest first. */
function ancestors(key: string): string[] {
  const parent = placeByKey.get(key)?.parentKey ?? null;
  return parent === null ? [] : [parent, ...ancestors(parent)];
}

function placesUnder(rootKey: string, kind: string) {
  return data.places.filter((p) => p.kind === kind && ancestors(p.key).includes(rootKey));
}

describe('place tree', () => {
  it('starts at the two districts with their official codes', () => {
    const roots = data.places.filter((p) => p.parentKey === null);
    expect(roots.map((p) => [p.name, p.code])).toEqual([
      ['朝阳区', '110105'],
      ['海淀区', '110108'],
    ]);
    expect(placeByKey.get('dongfeng')).toMatchObject({ parentKey: 'chaoyang', code: '110105043' });
    expect(placeByKey.get('ganjiakou')).toMatchObject({ parentKey: 'haidian', code: '110108002' });
    expect(placeByKey.get('ziluoyuan')).toMatchObject({ parentKey: 'dongfeng', kind: 'community' });
    expect(placeByKey.get('gongyun')).toMatchObject({ parentKey: 'ganjiakou', kind: 'community' });
  });

  it('has unique keys and codes, and lists every parent before its children', () => {
    expect(new Set(data.places.map((p) => p.key)).size).toBe(data.places.length);
    expect(new Set(data.places.map((p) => p.code)).size).toBe(data.places.length);
    const seen = new Set<string>();
    for (const place of data.places) {
      if (place.parentKey !== null) expect(seen.has(place.parentKey)).toBe(true);
      seen.add(place.key);
    }
  });

  it('gives Ziluoyuan scattered buildings of mixed sizes over several compounds', () => {
    expect(placesUnder('ziluoyuan', 'compound').length).toBeGreaterThanOrEqual(3);
    const buildings = placesUnder('ziluoyuan', 'building');
    expect(buildings.length).toBeGreaterThanOrEqual(45);
    expect(buildings.length).toBeLessThanOrEqual(60);
    const floors = new Set(householdsOf('ziluoyuan').map((h) => `${h.buildingKey}:${h.floor}`));
    expect([...floors].some((f) => f.endsWith(':18'))).toBe(true);
  });

  it('gives Gongyun 16 buildings over the two courtyards and 3 bungalow areas', () => {
    const buildings = placesUnder('gongyun', 'building');
    expect(buildings.map((b) => b.name)).toEqual(Array.from({ length: 16 }, (_, i) => `${i + 1}号楼`));
    expect(new Set(buildings.map((b) => placeByKey.get(b.parentKey ?? '')?.name))).toEqual(
      new Set(['43号院', '45号院']),
    );
    expect(placesUnder('gongyun', 'bungalow_area').map((a) => a.name)).toEqual([
      '平房一区',
      '平房二区',
      '平房三区',
    ]);
    expect(
      placesUnder('gongyun', 'entrance').every((e) => placeByKey.get(e.parentKey ?? '')?.kind === 'building'),
    ).toBe(true);
  });
});

describe('gates', () => {
  it('has the two Gongyun courtyard gates, vehicles allowed at exactly one', () => {
    const gongyun = data.gates.filter((g) => placeByKey.get(g.compoundKey)?.parentKey === 'gongyun');
    expect(gongyun.map((g) => g.name).sort()).toEqual(['43号院大门', '45号院大门']);
    expect(gongyun.filter((g) => g.vehiclesAllowed)).toHaveLength(1);
  });

  it('gives every compound at least one gate', () => {
    const compounds = data.places.filter((p) => p.kind === 'compound');
    for (const compound of compounds)
      expect(data.gates.some((g) => g.compoundKey === compound.key)).toBe(true);
    for (const gate of data.gates) expect(placeByKey.get(gate.compoundKey)?.kind).toBe('compound');
  });
});

describe('households', () => {
  it('matches the story: 3,500 in Ziluoyuan and 1,166 in Gongyun', () => {
    expect(householdsOf('ziluoyuan')).toHaveLength(3500);
    expect(householdsOf('gongyun')).toHaveLength(1166);
  });

  it('leaves roughly 2–4% of doors vacant', () => {
    const share = data.households.filter((h) => h.vacant).length / data.households.length;
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.04);
  });

  it('points at existing places: building in its community, entrance in its building', () => {
    const broken = data.households.filter((h) => {
      const building = placeByKey.get(h.buildingKey);
      if (!ancestors(h.buildingKey).includes(h.communityKey)) return true;
      if (building?.kind === 'bungalow_area') return h.entranceKey !== null || h.floor !== null;
      const entrance = placeByKey.get(h.entranceKey ?? '');
      return building?.kind !== 'building' || entrance?.parentKey !== h.buildingKey || (h.floor ?? 0) < 1;
    });
    expect(broken).toEqual([]);
    const doors = new Set(data.households.map((h) => `${h.buildingKey}/${h.entranceKey}/${h.room}`));
    expect(doors.size).toBe(data.households.length);
    expect(new Set(data.households.map((h) => h.key)).size).toBe(data.households.length);
  });
});

describe('organisations, Party branches and accounts', () => {
  it('has 25 organisations in Ziluoyuan and a few in Gongyun', () => {
    expect(data.organisations.filter((o) => o.communityKey === 'ziluoyuan')).toHaveLength(25);
    expect(data.organisations.filter((o) => o.communityKey === 'gongyun').length).toBeGreaterThanOrEqual(3);
  });

  it('has 7 Ziluoyuan branches with 340 members and 2–3 in Gongyun', () => {
    const ziluoyuan = data.partyBranches.filter((b) => b.communityKey === 'ziluoyuan');
    expect(ziluoyuan).toHaveLength(7);
    expect(ziluoyuan.reduce((sum, b) => sum + b.memberCount, 0)).toBe(340);
    const gongyun = data.partyBranches.filter((b) => b.communityKey === 'gongyun');
    expect(gongyun.length).toBeGreaterThanOrEqual(2);
    expect(gongyun.length).toBeLessThanOrEqual(3);
  });

  it('scopes every account to an existing place (admin: everything), volunteers to a few buildings', () => {
    expect(data.accounts.map((a) => a.username)).toContain('admin');
    expect(new Set(data.accounts.map((a) => a.username)).size).toBe(data.accounts.length);
    for (const account of data.accounts) {
      if (account.username !== 'admin') expect(placeByKey.has(account.scopeKey)).toBe(true);
      for (const key of account.scopeBuildingKeys ?? []) {
        expect(placesUnder(account.scopeKey, 'building').map((b) => b.key)).toContain(key);
      }
    }
    expect(data.accounts.find((a) => a.username === 'admin')?.scopeKey).toBe('*');
    for (const volunteer of data.accounts.filter((a) => a.role === 'volunteer')) {
      expect(volunteer.scopeBuildingKeys?.length).toBeGreaterThanOrEqual(2);
    }
  });
});
