import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHONE_REASON_MESSAGES, type PhoneRejectReason, parsePhone } from './phone';

const rejected = (reason: PhoneRejectReason) => ({ ok: false, reason });
const mobile = (normalized: string) => ({ ok: true, normalized, kind: 'mobile' });
const landline = (normalized: string) => ({ ok: true, normalized, kind: 'landline' });

describe('parsePhone: mobile', () => {
  it('accepts 11-digit numbers starting with 13 to 19', () => {
    for (const number of [
      '13012345678',
      '14712345678',
      '15912345678',
      '16612345678',
      '17712345678',
      '18812345678',
      '19912345678',
    ]) {
      expect(parsePhone(number)).toEqual(mobile(number));
    }
  });

  it('strips country codes, separators and full-width characters', () => {
    expect(parsePhone('+86 138 1234 5678')).toEqual(mobile('13812345678'));
    expect(parsePhone('+86-138-1234-5678')).toEqual(mobile('13812345678'));
    expect(parsePhone('(+86)13812345678')).toEqual(mobile('13812345678'));
    expect(parsePhone('0086 13812345678')).toEqual(mobile('13812345678'));
    expect(parsePhone('8613812345678')).toEqual(mobile('13812345678'));
    expect(parsePhone('１３８\u3000１２３４\u3000５６７８')).toEqual(mobile('13812345678'));
    expect(parsePhone('＋８６１３８１２３４５６７８')).toEqual(mobile('13812345678'));
  });

  it('rejects wrong lengths, prefixes and extensions', () => {
    expect(parsePhone('1381234567')).toEqual(rejected('bad_mobile_length'));
    expect(parsePhone('138123456789')).toEqual(rejected('bad_mobile_length'));
    expect(parsePhone('12812345678')).toEqual(rejected('bad_mobile_prefix'));
    expect(parsePhone('+86 12345678901')).toEqual(rejected('bad_mobile_prefix'));
    expect(parsePhone('13812345678转123')).toEqual(rejected('bad_extension'));
  });
});

describe('parsePhone: landline', () => {
  it('accepts 3- and 4-digit area codes with 7 or 8 digit local numbers', () => {
    expect(parsePhone('010-12345678')).toEqual(landline('010-12345678'));
    expect(parsePhone('01012345678')).toEqual(landline('010-12345678'));
    expect(parsePhone('021 6123 4567')).toEqual(landline('021-61234567'));
    expect(parsePhone('(0755)2345678')).toEqual(landline('0755-2345678'));
    expect(parsePhone('（０５７１）８７６５４３２１')).toEqual(landline('0571-87654321'));
    expect(parsePhone('0571—87654321')).toEqual(landline('0571-87654321'));
  });

  it('accepts extensions written with -, 转, 分机 or ext', () => {
    expect(parsePhone('010-12345678-123')).toEqual(landline('010-12345678-123'));
    expect(parsePhone('010-12345678转123')).toEqual(landline('010-12345678-123'));
    expect(parsePhone('0755 2345678 转 8')).toEqual(landline('0755-2345678-8'));
    expect(parsePhone('0755-2345678分机88')).toEqual(landline('0755-2345678-88'));
    expect(parsePhone('021-61234567 ext. 2001')).toEqual(landline('021-61234567-2001'));
    expect(parsePhone('021-61234567EXT2001')).toEqual(landline('021-61234567-2001'));
  });

  it('does not mistake digit grouping for an extension', () => {
    expect(parsePhone('010-1234-5678')).toEqual(landline('010-12345678'));
    expect(parsePhone('0755-2345-6789')).toEqual(landline('0755-23456789'));
  });

  it('accepts +86 and 0086 without the trunk 0', () => {
    expect(parsePhone('+86 10 12345678')).toEqual(landline('010-12345678'));
    expect(parsePhone('0086-755-2345678')).toEqual(landline('0755-2345678'));
    expect(parsePhone('+86 (0)21 61234567')).toEqual(landline('021-61234567'));
  });

  it('asks for the area code when only a local number is given', () => {
    expect(parsePhone('12345678')).toEqual(rejected('missing_area_code'));
    expect(parsePhone('6123 4567')).toEqual(rejected('missing_area_code'));
    expect(parsePhone('2345678')).toEqual(rejected('missing_area_code'));
    expect(parsePhone('61234567转123')).toEqual(rejected('missing_area_code'));
  });

  it('rejects bad area codes, local numbers and extensions', () => {
    expect(parsePhone('011-12345678')).toEqual(rejected('bad_area_code'));
    expect(parsePhone('+86 (0)11 12345678')).toEqual(rejected('bad_area_code'));
    expect(parsePhone('010-123456')).toEqual(rejected('bad_local_number'));
    expect(parsePhone('010-123456789')).toEqual(rejected('bad_local_number'));
    expect(parsePhone('010-02345678')).toEqual(rejected('bad_local_number'));
    expect(parsePhone('010-12345678转1234567')).toEqual(rejected('bad_extension'));
    expect(parsePhone('010-12345678转总机')).toEqual(rejected('bad_extension'));
  });
});

describe('parsePhone: other rejections', () => {
  it('rejects empty input', () => {
    expect(parsePhone('')).toEqual(rejected('empty'));
    expect(parsePhone(' \u3000 - ')).toEqual(rejected('empty'));
  });

  it('rejects foreign numbers', () => {
    expect(parsePhone('+852 6123 4567')).toEqual(rejected('foreign_number'));
    expect(parsePhone('+1 415 555 0100')).toEqual(rejected('foreign_number'));
    expect(parsePhone('001 415 555 0100')).toEqual(rejected('foreign_number'));
  });

  it('rejects letters and other symbols', () => {
    expect(parsePhone('138-1234-567a')).toEqual(rejected('bad_characters'));
    expect(parsePhone('电话13812345678')).toEqual(rejected('bad_characters'));
    expect(parsePhone('138+12345678')).toEqual(rejected('bad_characters'));
  });

  it('rejects numbers that are neither mobile nor landline', () => {
    expect(parsePhone('23456789012')).toEqual(rejected('bad_format'));
    expect(parsePhone('110')).toEqual(rejected('bad_mobile_length'));
    expect(parsePhone('转123')).toEqual(rejected('bad_format'));
    expect(parsePhone('+86')).toEqual(rejected('bad_format'));
  });

  it('has Chinese and English text for every reason', () => {
    for (const { zh, en } of Object.values(PHONE_REASON_MESSAGES)) {
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[A-Z]/);
    }
  });
});

const digitsArb = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const mobileArb = fc
  .tuple(fc.constantFrom(...'3456789'), digitsArb(9))
  .map(([second, rest]) => `1${second}${rest}`);
const areaArb = fc.oneof(
  fc.constant('010'),
  digitsArb(1).map((d) => `02${d}`),
  fc.tuple(fc.constantFrom(...'3456789'), digitsArb(2)).map(([d, rest]) => `0${d}${rest}`),
);
const localArb = fc
  .tuple(fc.constantFrom(...'123456789'), fc.integer({ min: 6, max: 7 }).chain(digitsArb))
  .map(([first, rest]) => `${first}${rest}`);
const separatorArb = fc.constantFrom('', ' ', '-', '\u3000', '  ');

describe('parsePhone properties', () => {
  it('normalises mobiles whatever prefix and separators surround them', () => {
    fc.assert(
      fc.property(
        mobileArb,
        fc.constantFrom('', '+86', '+86 ', '0086', '0086-', '86', '(+86)'),
        separatorArb,
        separatorArb,
        (number, prefix, sep1, sep2) => {
          const raw = `${prefix}${number.slice(0, 3)}${sep1}${number.slice(3, 7)}${sep2}${number.slice(7)}`;
          expect(parsePhone(raw)).toEqual(mobile(number));
        },
      ),
    );
  });

  it('normalises landlines written in common styles', () => {
    fc.assert(
      fc.property(
        areaArb,
        localArb,
        fc.option(digitsArb(3), { nil: undefined }),
        fc.constantFrom('plain', 'brackets', 'space', 'intl'),
        (area, local, ext, style) => {
          const main = {
            plain: `${area}-${local}`,
            brackets: `(${area})${local}`,
            space: `${area} ${local}`,
            intl: `+86 ${area.slice(1)} ${local}`,
          }[style];
          const raw = ext === undefined ? main : `${main}转${ext}`;
          const expected = ext === undefined ? `${area}-${local}` : `${area}-${local}-${ext}`;
          expect(parsePhone(raw)).toEqual(landline(expected));
        },
      ),
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mobileArb,
          fc.tuple(areaArb, localArb).map(([a, l]) => `${a}${l}`),
          fc.string({ unit: fc.constantFrom(...'0123456789 -+()转'), maxLength: 20 }),
          fc.string({ unit: 'binary', maxLength: 20 }),
        ),
        (raw) => {
          const first = parsePhone(raw);
          if (first.ok) expect(parsePhone(first.normalized)).toEqual(first);
        },
      ),
    );
  });
});
