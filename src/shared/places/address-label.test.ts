import { describe, expect, it } from 'vitest';
import { addressLabel, buildingLabel } from './address-label';
import { buildingNumber, buildingsInRange } from './building-range';
import { groupByCompound } from './compound-groups';

describe('address labels name the compound', () => {
  it('puts the compound before the building, entrance and door', () => {
    expect(
      addressLabel({ compoundName: '东风苑', buildingName: '1号楼', entranceName: '2单元', room: '301' }),
    ).toBe('东风苑 1号楼 2单元 301');
    expect(buildingLabel({ compoundName: '紫萝园小区', buildingName: '1号楼' })).toBe('紫萝园小区 1号楼');
  });

  it('leaves out what a place does not have (a building straight under its community, a bungalow yard)', () => {
    expect(
      addressLabel({ compoundName: null, buildingName: '平房一区', entranceName: null, room: '12' }),
    ).toBe('平房一区 12');
    expect(buildingLabel({ buildingName: '3号楼' })).toBe('3号楼');
  });
});

describe('grouping buildings by compound', () => {
  it('keeps the order and puts buildings outside compounds in one group', () => {
    const groups = groupByCompound([
      { compoundId: 1, compoundName: '紫萝园小区', name: '1号楼' },
      { compoundId: 1, compoundName: '紫萝园小区', name: '2号楼' },
      { compoundId: 2, compoundName: '东风苑', name: '1号楼' },
      { compoundId: null, compoundName: null, name: '平房一区' },
    ]);
    expect(groups.map((g) => [g.key, g.compoundName, g.items.length])).toEqual([
      ['1', '紫萝园小区', 2],
      ['2', '东风苑', 1],
      ['none', null, 1],
    ]);
  });
});

describe('a compound and a range of building numbers', () => {
  const buildings = ['1号楼', '2号楼', '3#', '10号楼', '平房一区'].map((buildingName) => ({ buildingName }));
  it('reads the number a building is called by', () => {
    expect(buildingNumber('12号楼')).toBe(12);
    expect(buildingNumber('3#')).toBe(3);
    expect(buildingNumber('平房一区')).toBeNull();
  });
  it('takes the buildings in the range, and all of them without one', () => {
    expect(buildingsInRange(buildings, 2, 3).map((b) => b.buildingName)).toEqual(['2号楼', '3#']);
    expect(buildingsInRange(buildings, 3, null).map((b) => b.buildingName)).toEqual(['3#', '10号楼']);
    expect(buildingsInRange(buildings)).toHaveLength(5);
  });
});
