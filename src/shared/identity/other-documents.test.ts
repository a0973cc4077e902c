import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from './checksum';
import { type DocumentType, type IdRejectReason, parseIdNumber } from './id-number';

const NOW = new Date('2025-06-15T04:00:00Z');
const parse = (type: DocumentType, raw: string) => parseIdNumber(type, raw, { now: NOW });
const rejected = (reason: IdRejectReason) => ({ ok: false, reason });
const withCheck = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;

describe('home_return_permit', () => {
  it('accepts H/M + 8 digits and the legacy 10-digit form', () => {
    expect(parse('home_return_permit', 'H12345678')).toEqual({ ok: true, normalized: 'H12345678' });
    expect(parse('home_return_permit', 'm 1234 5678')).toEqual({ ok: true, normalized: 'M12345678' });
    expect(parse('home_return_permit', 'Ｈ0123456700')).toEqual({ ok: true, normalized: 'H0123456700' });
    expect(parse('home_return_permit', 'H01234567(00)')).toEqual({ ok: true, normalized: 'H0123456700' });
  });

  it('rejects other prefixes, lengths and characters', () => {
    expect(parse('home_return_permit', 'K12345678')).toEqual(rejected('bad_format'));
    expect(parse('home_return_permit', '12345678')).toEqual(rejected('bad_format'));
    expect(parse('home_return_permit', 'H1234567')).toEqual(rejected('bad_length'));
    expect(parse('home_return_permit', 'H123456789')).toEqual(rejected('bad_length'));
    expect(parse('home_return_permit', 'H1234567A')).toEqual(rejected('bad_format'));
    expect(parse('home_return_permit', 'H1234567.8')).toEqual(rejected('bad_characters'));
    expect(parse('home_return_permit', '')).toEqual(rejected('empty'));
  });
});

describe('taiwan_compatriot_permit', () => {
  it('accepts the current 8-digit card', () => {
    expect(parse('taiwan_compatriot_permit', '12345678')).toEqual({ ok: true, normalized: '12345678' });
  });

  it('accepts legacy numbers and drops the brackets', () => {
    expect(parse('taiwan_compatriot_permit', '1234567890')).toEqual({ ok: true, normalized: '1234567890' });
    expect(parse('taiwan_compatriot_permit', '12345678(b)')).toEqual({ ok: true, normalized: '12345678B' });
    expect(parse('taiwan_compatriot_permit', '12345678（01）')).toEqual({
      ok: true,
      normalized: '1234567801',
    });
    expect(parse('taiwan_compatriot_permit', '12345678B')).toEqual({ ok: true, normalized: '12345678B' });
  });

  it('rejects malformed numbers', () => {
    expect(parse('taiwan_compatriot_permit', '1234567')).toEqual(rejected('bad_length'));
    expect(parse('taiwan_compatriot_permit', '12345678901')).toEqual(rejected('bad_length'));
    expect(parse('taiwan_compatriot_permit', 'A2345678')).toEqual(rejected('bad_format'));
    expect(parse('taiwan_compatriot_permit', '12345678(ABC)')).toEqual(rejected('bad_characters'));
    expect(parse('taiwan_compatriot_permit', '12345678()')).toEqual(rejected('bad_characters'));
  });
});

describe('passport_cn', () => {
  it('accepts ordinary, new-series and official passports', () => {
    for (const number of [
      'E12345678',
      'G12345678',
      'EA1234567',
      'EH7654321',
      'D1234567',
      'S1234567',
      'P1234567',
    ]) {
      expect(parse('passport_cn', number)).toEqual({ ok: true, normalized: number });
    }
    expect(parse('passport_cn', 'ea 123 4567')).toEqual({ ok: true, normalized: 'EA1234567' });
    expect(parse('passport_cn', 'DE1234567')).toEqual({ ok: true, normalized: 'DE1234567' });
  });

  it('rejects other shapes', () => {
    expect(parse('passport_cn', 'E1234567')).toEqual(rejected('bad_format'));
    expect(parse('passport_cn', 'X12345678')).toEqual(rejected('bad_format'));
    expect(parse('passport_cn', 'EA12345678')).toEqual(rejected('bad_length'));
    expect(parse('passport_cn', 'E123')).toEqual(rejected('bad_length'));
    expect(parse('passport_cn', 'E1234567#')).toEqual(rejected('bad_characters'));
  });
});

describe('passport_foreign', () => {
  it('accepts 5 to 17 letters and digits with at least one digit', () => {
    expect(parse('passport_foreign', 'x1234')).toEqual({ ok: true, normalized: 'X1234' });
    expect(parse('passport_foreign', 'AB 123 456 7')).toEqual({ ok: true, normalized: 'AB1234567' });
    expect(parse('passport_foreign', '1234567890ABCDEFG')).toEqual({
      ok: true,
      normalized: '1234567890ABCDEFG',
    });
  });

  it('rejects names, short or long values and punctuation', () => {
    expect(parse('passport_foreign', 'SMITH')).toEqual(rejected('bad_format'));
    expect(parse('passport_foreign', 'A123')).toEqual(rejected('bad_length'));
    expect(parse('passport_foreign', '1234567890ABCDEFGH')).toEqual(rejected('bad_length'));
    expect(parse('passport_foreign', 'AB/12345')).toEqual(rejected('bad_characters'));
  });
});

describe('foreign_permanent_residence', () => {
  it('accepts the 2004 card without deriving anything', () => {
    expect(parse('foreign_permanent_residence', 'usa 110079031501')).toEqual({
      ok: true,
      normalized: 'USA110079031501',
    });
  });

  it('accepts the 2023 card and derives birth date and gender', () => {
    const id = withCheck('91184019880808123');
    expect(parse('foreign_permanent_residence', id)).toEqual({
      ok: true,
      normalized: id,
      birthDate: '1988-08-08',
      gender: 'male',
    });
  });

  it('validates the 2023 card like a resident ID', () => {
    const valid = withCheck('93184019880808124');
    const wrongCheck = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
    expect(parse('foreign_permanent_residence', wrongCheck)).toEqual(rejected('bad_checksum'));
    expect(parse('foreign_permanent_residence', withCheck('91184019880230123'))).toEqual(
      rejected('bad_date'),
    );
    expect(parse('foreign_permanent_residence', withCheck('91184020990101123'))).toEqual(
      rejected('future_date'),
    );
    expect(parse('foreign_permanent_residence', withCheck('99984019880808123'))).toEqual(
      rejected('bad_region'),
    );
    expect(parse('foreign_permanent_residence', withCheck('97184019880808123'))).toEqual(
      rejected('bad_region'),
    );
  });

  it('rejects other shapes', () => {
    expect(parse('foreign_permanent_residence', '11010519491231002X')).toEqual(rejected('bad_format'));
    expect(parse('foreign_permanent_residence', '91184019880808X231')).toEqual(rejected('misplaced_x'));
    expect(parse('foreign_permanent_residence', 'US1110079031501')).toEqual(rejected('bad_format'));
    expect(parse('foreign_permanent_residence', 'USA11007903150')).toEqual(rejected('bad_length'));
    expect(parse('foreign_permanent_residence', 'USA11007903150.')).toEqual(rejected('bad_characters'));
  });
});
