import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './mask';

/** Characters shown unmasked, checking that each one is in its original position. */
function revealed(original: string, masked: string): number {
  expect(masked).toHaveLength(original.length);
  let count = 0;
  for (let i = 0; i < masked.length; i++) {
    if (masked[i] === '*') continue;
    expect(masked[i]).toBe(original[i]);
    count++;
  }
  return count;
}

describe('maskIdNumber', () => {
  it('shows the region code and the check character of an 18-character number, nothing between', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105***********X');
  });

  it('keeps two letters of a 2004 permanent residence card, whose digits carry a birth date', () => {
    expect(maskIdNumber('USA110079031501')).toBe('US*************');
  });

  it('hides at least half of other lengths, keeping a little of each end', () => {
    expect(maskIdNumber('H12345678')).toBe('H1*****78');
    expect(maskIdNumber('12345678')).toBe('12****78');
    expect(maskIdNumber('US1100790315012')).toBe('US**********012');
    expect(maskIdNumber('1234567890ABCDEFG')).toBe('12***********DEFG');
    expect(maskIdNumber('X1234')).toBe('X***4');
    expect(maskIdNumber('AB')).toBe('*B');
    expect(maskIdNumber('A')).toBe('*');
    expect(maskIdNumber('')).toBe('');
  });

  it('never reveals more than allowed', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789ABX'), maxLength: 24 }), (value) => {
        const shown = revealed(value, maskIdNumber(value));
        if (value.length === 18) {
          expect(shown).toBe(7);
          expect(maskIdNumber(value).slice(6, 17)).toBe('***********');
        } else {
          expect(shown).toBeLessThanOrEqual(Math.floor(value.length / 2));
        }
      }),
    );
  });
});

describe('maskPhone', () => {
  it('masks the middle four digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps the area code and the end of a landline, hiding the extension', () => {
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('0755-2345678')).toBe('0755-****678');
    expect(maskPhone('021-61234567-2001')).toBe('021-****4567-****');
  });

  it('hides at least half of anything else', () => {
    expect(maskPhone('12345678')).toBe('12****78');
  });

  it('never reveals more than the area code and half the local number', () => {
    const digits = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    fc.assert(
      fc.property(
        fc.constantFrom('010', '021', '0755'),
        digits(7, 8),
        fc.option(digits(1, 6), { nil: undefined }),
        (area, local, ext) => {
          const number = ext === undefined ? `${area}-${local}` : `${area}-${local}-${ext}`;
          const shown = revealed(number, maskPhone(number));
          const hyphens = ext === undefined ? 1 : 2;
          expect(shown).toBeLessThanOrEqual(area.length + hyphens + Math.floor(local.length / 2));
        },
      ),
    );
    fc.assert(
      fc.property(digits(10, 10), (rest) => {
        const number = `1${rest}`;
        expect(revealed(number, maskPhone(number))).toBe(7);
      }),
    );
  });
});
