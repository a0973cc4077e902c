import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, shownAge } from './age';
import { residentIdCheckChar } from './checksum';
import { maskIdNumber } from './mask';
import {
  birthDateArb,
  foreignPermanentResidenceArb,
  type GeneratedId,
  residencePermitArb,
  residentIdArb,
} from './test-arbitraries';
import { countIdCandidates } from './test-rebuild';

const TODAY = '2026-03-15';
const NOW = new Date('2026-03-15T04:00:00Z');
const MIN = 1000;
const anyEighteen = fc.oneof(residentIdArb, residencePermitArb, foreignPermanentResidenceArb);

/** The 2004 permanent residence card: nationality, issuing place, YYMMDD, a two-digit sequence. */
const oldPermanentResidenceArb = fc
  .tuple(
    fc.stringMatching(/^[A-Z]{3}$/),
    fc.stringMatching(/^\d{4}$/),
    birthDateArb,
    fc.stringMatching(/^\d{2}$/),
  )
  .map(([nation, place, birthDate, seq]) => ({
    id: `${nation}${place}${birthDate.replaceAll('-', '').slice(2)}${seq}`,
    birthDate,
  }));

const oldMask = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

describe('the attacker', () => {
  it('counts the true number among its candidates', () => {
    fc.assert(
      fc.property(anyEighteen, ({ id, birthDate, gender }: GeneratedId) => {
        const k = { truth: id, today: TODAY };
        expect(countIdCandidates({ masked: id, age: shownAge(birthDate, NOW) }, k)).toBe(1);
        expect(countIdCandidates({ masked: maskIdNumber(id), birthDate, gender }, k)).toBeGreaterThan(0);
      }),
    );
  });

  it('rebuilds every number from the old mask and the birth date the same response carried', () => {
    fc.assert(
      fc.property(residentIdArb, ({ id, birthDate, gender }) => {
        expect(
          countIdCandidates({ masked: oldMask(id), birthDate, gender }, { truth: id, today: TODAY }),
        ).toBe(1);
      }),
    );
  });
});

describe('what a response may show beside a masked number', () => {
  it('leaves at least 1,000 candidates with the age and gender (an 18-character number)', () => {
    let least = Number.POSITIVE_INFINITY;
    fc.assert(
      fc.property(anyEighteen, ({ id, birthDate, gender }) => {
        const age = shownAge(birthDate, NOW);
        const n = countIdCandidates({ masked: maskIdNumber(id), gender, age }, { truth: id, today: TODAY });
        least = Math.min(least, n);
        expect(n).toBeGreaterThanOrEqual(MIN);
      }),
      { numRuns: 300 },
    );
    expect(least).toBeGreaterThan(15_000);
  });

  it('leaves at least 1,000 candidates with the age (a 2004 permanent residence card)', () => {
    fc.assert(
      fc.property(oldPermanentResidenceArb, ({ id, birthDate }) => {
        const age = shownAge(birthDate, NOW);
        const n = countIdCandidates({ masked: maskIdNumber(id), age }, { truth: id, today: TODAY });
        expect(n).toBeGreaterThanOrEqual(MIN);
      }),
      { numRuns: 200 },
    );
  });

  it('would not leave enough with the birth date, whatever the mask: so it is never sent for these', () => {
    fc.assert(
      fc.property(residentIdArb, ({ id, birthDate, gender }) => {
        const n = countIdCandidates(
          { masked: maskIdNumber(id), birthDate, gender },
          { truth: id, today: TODAY },
        );
        expect(n).toBeLessThan(MIN);
      }),
    );
  });

  it('caps the age at 100, so the oldest never narrow to the few days after 1900-01-01', () => {
    expect(shownAge('1900-01-01', NOW)).toBe(100);
    expect(ageOn('1900-01-01', TODAY)).toBe(126);
    const id = '110105190001010013';
    const n = countIdCandidates(
      { masked: maskIdNumber(id), gender: 'male', age: 100 },
      { truth: id, today: TODAY },
    );
    expect(n).toBeGreaterThan(100_000);
  });

  it('shows an age that changes only on New Year’s Day, so watching it never finds the birthday', () => {
    fc.assert(
      fc.property(birthDateArb, fc.integer({ min: 0, max: 364 }), (birthDate, day) => {
        const sometime = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
        expect(shownAge(birthDate, sometime)).toBe(
          shownAge(birthDate, new Date('2026-01-01T00:00:00+08:00')),
        );
      }),
    );
  });

  it('still leaves a whole year of dates for a baby born in the first days of the year', () => {
    const first17 = '11010520260105002';
    const id = `${first17}${residentIdCheckChar(first17)}`;
    const age = shownAge('2026-01-05', new Date('2026-01-10T04:00:00Z'));
    expect(age).toBe(0);
    const n = countIdCandidates(
      { masked: maskIdNumber(id), gender: 'female', age },
      { truth: id, today: '2026-01-10' },
    );
    expect(n).toBeGreaterThan(15_000);
  });
});
