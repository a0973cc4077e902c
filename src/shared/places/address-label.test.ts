import { describe, expect, it } from 'vitest';
import { addressLabel, buildingLabel } from './address-label';

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
