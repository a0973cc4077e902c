import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROSS_CHECK_MESSAGES, crossCheckIdentity } from './cross-check';
import { parseIdNumber } from './id-number';
import { residentIdArb } from './test-arbitraries';

const parsed = { birthDate: '1949-12-31', gender: 'female' } as const;

describe('crossCheckIdentity', () => {
  it('reports nothing when typed values agree', () => {
    expect(crossCheckIdentity(parsed, { birthDate: '1949-12-31', gender: 'female' })).toEqual([]);
  });

  it('accepts the date styles that forms and spreadsheets produce', () => {
    for (const birthDate of [
      '1949/12/31',
      '1949.12.31',
      '19491231',
      '1949年12月31日',
      '1949-12-31T00:00:00',
      ' 1949-12-31 ',
    ]) {
      expect(crossCheckIdentity(parsed, { birthDate })).toEqual([]);
    }
    expect(crossCheckIdentity({ birthDate: '1990-01-02' }, { birthDate: '1990-1-2' })).toEqual([]);
  });

  it('reports a different birth date and a different gender', () => {
    expect(crossCheckIdentity(parsed, { birthDate: '1949-12-30', gender: 'male' })).toEqual([
      { field: 'birthDate', reason: 'birth_date_mismatch' },
      { field: 'gender', reason: 'gender_mismatch' },
    ]);
  });

  it('reports a typed date that cannot be read, since it cannot be confirmed', () => {
    expect(crossCheckIdentity(parsed, { birthDate: 'unknown' })).toEqual([
      { field: 'birthDate', reason: 'birth_date_mismatch' },
    ]);
    expect(crossCheckIdentity(parsed, { birthDate: '1949-02-30' })).toEqual([
      { field: 'birthDate', reason: 'birth_date_mismatch' },
    ]);
  });

  it('ignores values missing on either side', () => {
    expect(crossCheckIdentity(parsed, {})).toEqual([]);
    expect(crossCheckIdentity(parsed, { birthDate: null, gender: null })).toEqual([]);
    expect(crossCheckIdentity(parsed, { birthDate: '  ' })).toEqual([]);
    expect(crossCheckIdentity({}, { birthDate: '2000-01-01', gender: 'male' })).toEqual([]);
  });

  it('agrees with what parseIdNumber derived and flags the opposite gender', () => {
    fc.assert(
      fc.property(residentIdArb, ({ id, birthDate, gender }) => {
        const result = parseIdNumber('resident_id', id);
        if (!result.ok) throw new Error(`generated ID rejected: ${id}`);
        expect(crossCheckIdentity(result, { birthDate, gender })).toEqual([]);
        const other = gender === 'male' ? 'female' : 'male';
        expect(crossCheckIdentity(result, { gender: other })).toEqual([
          { field: 'gender', reason: 'gender_mismatch' },
        ]);
      }),
    );
  });

  it('has Chinese and English text for every reason', () => {
    for (const { zh, en } of Object.values(CROSS_CHECK_MESSAGES)) {
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[A-Z]/);
    }
  });
});
