import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, parseIdNumber } from './id-number';
import {
  foreignPermanentResidenceArb,
  legacyIdArb,
  noisyArb,
  residencePermitArb,
  residentIdArb,
} from './test-arbitraries';

const NOW = new Date('2025-06-15T04:00:00Z');

describe('parseIdNumber properties', () => {
  it('accepts every generated resident ID with the birth date and gender it encodes', () => {
    fc.assert(
      fc.property(residentIdArb, ({ id, birthDate, gender }) => {
        expect(parseIdNumber('resident_id', id, { now: NOW })).toEqual({
          ok: true,
          normalized: id,
          birthDate,
          gender,
        });
      }),
    );
  });

  it('accepts generated residence permits and foreign permanent residence IDs', () => {
    fc.assert(
      fc.property(residencePermitArb, foreignPermanentResidenceArb, (permit, fpr) => {
        expect(parseIdNumber('hk_macao_tw_residence_permit', permit.id, { now: NOW })).toMatchObject({
          ok: true,
          birthDate: permit.birthDate,
          gender: permit.gender,
        });
        expect(parseIdNumber('foreign_permanent_residence', fpr.id, { now: NOW })).toMatchObject({
          ok: true,
          birthDate: fpr.birthDate,
          gender: fpr.gender,
        });
      }),
    );
  });

  it('rejects any single-character substitution (MOD 11-2 catches every one)', () => {
    fc.assert(
      fc.property(
        residentIdArb,
        fc.nat(17),
        fc.constantFrom(...'0123456789X'),
        ({ id }, position, replacement) => {
          fc.pre(id.charAt(position) !== replacement);
          const mutated = `${id.slice(0, position)}${replacement}${id.slice(position + 1)}`;
          expect(parseIdNumber('resident_id', mutated, { now: NOW }).ok).toBe(false);
        },
      ),
    );
  });

  it('upgrades legacy 15-digit numbers to the matching 18-digit number', () => {
    fc.assert(
      fc.property(legacyIdArb, ({ legacy, id, birthDate, gender }) => {
        expect(parseIdNumber('resident_id', legacy, { now: NOW })).toEqual({
          ok: true,
          normalized: id,
          birthDate,
          gender,
        });
      }),
    );
  });

  it('ignores full-width characters, spaces, hyphens and case', () => {
    fc.assert(
      fc.property(
        residentIdArb.chain((generated) => fc.tuple(fc.constant(generated), noisyArb(generated.id))),
        ([{ id }, noisy]) => {
          expect(parseIdNumber('resident_id', noisy, { now: NOW })).toMatchObject({
            ok: true,
            normalized: id,
          });
        },
      ),
    );
  });

  it('is idempotent: parsing the normalized form gives the same result', () => {
    const rawArb = fc.oneof(
      residentIdArb.map(({ id }) => id),
      legacyIdArb.map(({ legacy }) => legacy),
      fc.string({ unit: fc.constantFrom(...'0123456789XxHMEGDSPabc ()-（）\u3000０９'), maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENT_TYPES), rawArb, (type, raw) => {
        const first = parseIdNumber(type, raw, { now: NOW });
        if (!first.ok) return;
        expect(parseIdNumber(type, first.normalized, { now: NOW })).toEqual(first);
      }),
    );
  });

  it('never throws and always returns a normalized value of plain ASCII letters and digits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DOCUMENT_TYPES),
        fc.string({ unit: 'binary', maxLength: 30 }),
        (type, raw) => {
          const result = parseIdNumber(type, raw, { now: NOW });
          if (result.ok) expect(result.normalized).toMatch(/^[0-9A-Z]+$/);
        },
      ),
    );
  });
});
