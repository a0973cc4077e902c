// Test-only fast-check generators shared by the property tests; never import this from runtime code
// (it pulls in fast-check, which must not end up in the browser bundle).
import fc from 'fast-check';
import { residentIdCheckChar } from './checksum';
import type { Gender } from './id-types';
import { PROVINCE_CODES } from './regions';

export type GeneratedId = { id: string; birthDate: string; gender: Gender };

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_DAY = Date.UTC(1900, 0, 1);
// Stays well clear of "today" so the tests do not depend on the clock.
const LAST_DAY = Date.UTC(2020, 11, 31);

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

export const birthDateArb: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY_MS })
  .map((offset) => new Date(FIRST_DAY + offset * DAY_MS).toISOString().slice(0, 10));

const regionArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...PROVINCE_CODES), digits(4))
  .map(([province, rest]) =>
    ['81', '82', '83'].includes(province) ? `${province}0000` : `${province}${rest}`,
  );

function withCheckChar(first17: string, birthDate: string): GeneratedId {
  const gender: Gender = Number(first17.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { id: `${first17}${residentIdCheckChar(first17)}`, birthDate, gender };
}

export const residentIdArb: fc.Arbitrary<GeneratedId> = fc
  .tuple(regionArb, birthDateArb, digits(3))
  .map(([region, birthDate, sequence]) =>
    withCheckChar(`${region}${birthDate.replaceAll('-', '')}${sequence}`, birthDate),
  );

export const residencePermitArb: fc.Arbitrary<GeneratedId> = fc
  .tuple(fc.constantFrom('810000', '820000', '830000'), birthDateArb, digits(3))
  .map(([region, birthDate, sequence]) =>
    withCheckChar(`${region}${birthDate.replaceAll('-', '')}${sequence}`, birthDate),
  );

const MAINLAND_PROVINCES = PROVINCE_CODES.filter((code) => Number(code) < 70);

export const foreignPermanentResidenceArb: fc.Arbitrary<GeneratedId> = fc
  .tuple(fc.constantFrom(...MAINLAND_PROVINCES), digits(3), birthDateArb, digits(3))
  .map(([province, nationality, birthDate, sequence]) =>
    withCheckChar(`9${province}${nationality}${birthDate.replaceAll('-', '')}${sequence}`, birthDate),
  );

/** Legacy 15-digit number (mainland, born 1900–1999) with the 18-digit form it should upgrade to. */
export const legacyIdArb: fc.Arbitrary<{ legacy: string } & GeneratedId> = fc
  .tuple(fc.constantFrom(...MAINLAND_PROVINCES), digits(4), birthDateArb, digits(3))
  .filter(([, , birthDate]) => birthDate < '2000-01-01')
  .map(([province, rest, birthDate, sequence]) => {
    const legacy = `${province}${rest}${birthDate.slice(2).replaceAll('-', '')}${sequence}`;
    const upgraded = withCheckChar(
      `${province}${rest}${birthDate.replaceAll('-', '')}${sequence}`,
      birthDate,
    );
    return { legacy, ...upgraded };
  });

/** Full-width, spaces, hyphens and lower case: the noise staff actually type, all of which is harmless. */
export function noisyArb(value: string): fc.Arbitrary<string> {
  const chars = Array.from(value);
  return fc
    .tuple(
      fc.array(fc.boolean(), { minLength: chars.length, maxLength: chars.length }),
      fc.array(fc.constantFrom('', '', ' ', '-', '\u3000'), {
        minLength: chars.length,
        maxLength: chars.length,
      }),
      fc.boolean(),
    )
    .map(([fullWidth, separators, lowerCase]) =>
      chars
        .map((ch, i) => {
          const cased = lowerCase ? ch.toLowerCase() : ch;
          const shown = fullWidth[i] ? String.fromCharCode(cased.charCodeAt(0) + 0xfee0) : cased;
          return `${shown}${separators[i] ?? ''}`;
        })
        .join(''),
    )
    .map((noisy) => `  ${noisy} `);
}
