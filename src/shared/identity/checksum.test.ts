import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidCheckChar, residentIdCheckChar } from './checksum';
import { residentIdArb } from './test-arbitraries';

describe('residentIdCheckChar', () => {
  it('matches the worked example of GB 11643-1999', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('computes digit check characters', () => {
    expect(residentIdCheckChar('44030420000229123')).toBe('6');
    expect(residentIdCheckChar('81000019900101001')).toBe('9');
  });

  it('refuses input that is not exactly 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('11010519491231002X')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('hasValidCheckChar', () => {
  it('accepts generated ids', () => {
    fc.assert(fc.property(residentIdArb, ({ id }) => hasValidCheckChar(id)));
  });

  it('rejects a check character swapped for any other', () => {
    fc.assert(
      fc.property(residentIdArb, fc.constantFrom(...'0123456789X'), ({ id }, other) => {
        fc.pre(other !== id.charAt(17));
        return !hasValidCheckChar(`${id.slice(0, 17)}${other}`);
      }),
    );
  });

  it('rejects wrong lengths and non-digits', () => {
    expect(hasValidCheckChar('11010519491231002')).toBe(false);
    expect(hasValidCheckChar('1101051949123100AX')).toBe(false);
  });
});
