import { describe, expect, it } from 'vitest';
import type { OfflineBundle } from './gate-api';
import { classify, holderOf, knowledgeOf, verifyNumber } from './verify';

const bundle: OfflineBundle = {
  gateId: 1,
  compoundId: 5,
  compoundName: '紫萝园小区',
  today: '2026-12-06',
  generatedAt: '2026-12-06T02:00:00.000Z',
  keys: [],
  revoked: [3],
  mustNotGoOut: [],
  activePasses: [
    [1, '2027-01-01'],
    [2, '2027-01-01'],
  ],
  doors: [
    { id: 10, building: '1号楼', unit: '1单元', room: '101', holders: 3 },
    { id: 11, building: '2号楼', unit: null, room: '201', holders: 1 },
  ],
  passHolders: [
    [1, 10, '王*明'],
    [2, 11, null],
  ],
};
const k = knowledgeOf(bundle, '2026-12-06');

describe('the verdict from the offline list', () => {
  it('shows whose pass a typed number is: masked name, door with its compound, people there', () => {
    expect(verifyNumber(1, 'in', k)).toMatchObject({
      verdict: 'valid',
      holder: {
        name: '王*明',
        compound: '紫萝园小区',
        building: '1号楼',
        unit: '1单元',
        room: '101',
        holders: 3,
      },
    });
    expect(holderOf(2, k)).toMatchObject({ name: null, unit: null, room: '201', holders: 1 });
  });

  it('calls a number no pass has "not found", never forged; a revoked one revoked', () => {
    expect(verifyNumber(99, 'in', k)).toEqual({ verdict: 'not_found', payload: null });
    expect(verifyNumber(3, 'in', k).verdict).toBe('revoked');
    expect(classify('12a')).toBeNull();
  });

  it('reads a list kept by an older version (no doors, no holders) without a holder', () => {
    const { doors: _d, passHolders: _p, ...old } = bundle;
    const oldK = knowledgeOf(old as OfflineBundle, '2026-12-06');
    expect(verifyNumber(1, 'in', oldK)).toEqual(expect.objectContaining({ verdict: 'valid' }));
    expect(verifyNumber(1, 'in', oldK).holder).toBeUndefined();
  });
});
