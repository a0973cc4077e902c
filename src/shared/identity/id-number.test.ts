import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from './checksum';
import { DOCUMENT_TYPES, ID_REASON_MESSAGES, type IdRejectReason, parseIdNumber } from './id-number';

const NOW = new Date('2025-06-15T04:00:00Z');
const resident = (raw: string, now: Date = NOW) => parseIdNumber('resident_id', raw, { now });
const permit = (raw: string) => parseIdNumber('hk_macao_tw_residence_permit', raw, { now: NOW });
const withCheck = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;
const rejected = (reason: IdRejectReason) => ({ ok: false, reason });

describe('parseIdNumber: resident_id', () => {
  it('accepts a valid number and derives birth date and gender', () => {
    expect(resident('11010519491231002X')).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    expect(resident('440304198506152045')).toMatchObject({
      ok: true,
      birthDate: '1985-06-15',
      gender: 'female',
    });
    expect(resident('110105198001010016')).toMatchObject({ ok: true, gender: 'male' });
  });

  it('accepts lower-case x, full-width characters and spaces', () => {
    const expected = { ok: true, normalized: '11010519491231002X' };
    expect(resident('11010519491231002x')).toMatchObject(expected);
    expect(resident('１１０１０５１９４９１２３１００２ｘ')).toMatchObject(expected);
    expect(resident(' 110105 19491231 002X ')).toMatchObject(expected);
    expect(resident('110105\u300019491231\u3000002Ｘ')).toMatchObject(expected);
    expect(resident('110105-19491231-002X')).toMatchObject(expected);
  });

  it('upgrades 15-digit legacy numbers to 18 digits', () => {
    expect(resident('110105491231002')).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
    expect(resident('440304850615204')).toMatchObject({ ok: true, normalized: '440304198506152045' });
  });

  it('validates legacy numbers like 18-digit ones', () => {
    expect(resident('110105491331002')).toEqual(rejected('bad_date'));
    expect(resident('990105491231002')).toEqual(rejected('bad_region'));
    expect(resident('810000491231002')).toEqual(rejected('bad_region'));
    expect(resident('11010549123100X')).toEqual(rejected('misplaced_x'));
  });

  it('handles 29 February on leap and non-leap years', () => {
    expect(resident(withCheck('44030420000229123'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(resident(withCheck('11010520240229101'))).toMatchObject({ ok: true, birthDate: '2024-02-29' });
    expect(resident(withCheck('11010520230229101'))).toEqual(rejected('bad_date'));
    // 1900 is divisible by 100 but not by 400, so it is not a leap year.
    expect(resident(withCheck('11010519000229101'))).toEqual(rejected('bad_date'));
  });

  it('rejects impossible, too early and future birth dates', () => {
    expect(resident(withCheck('11010519901301101'))).toEqual(rejected('bad_date'));
    expect(resident(withCheck('11010519900431101'))).toEqual(rejected('bad_date'));
    expect(resident(withCheck('11010519900100101'))).toEqual(rejected('bad_date'));
    expect(resident(withCheck('11010518991231101'))).toEqual(rejected('date_too_early'));
    expect(resident(withCheck('11010520250616101'))).toEqual(rejected('future_date'));
    expect(resident(withCheck('11010520250615101'))).toMatchObject({ ok: true, birthDate: '2025-06-15' });
  });

  it('decides "today" in China time, not in the server or browser time zone', () => {
    const bornNewYear = withCheck('11010520250101101');
    // 00:30 on 1 January in Beijing is still 31 December in UTC.
    expect(resident(bornNewYear, new Date('2024-12-31T16:30:00Z'))).toMatchObject({ ok: true });
    expect(resident(bornNewYear, new Date('2024-12-31T15:30:00Z'))).toEqual(rejected('future_date'));
  });

  it('accepts every province-level code and the HK/Macao/Taiwan codes', () => {
    for (const province of ['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71']) {
      expect(resident(withCheck(`${province}010519800101101`)).ok).toBe(true);
    }
    for (const region of ['810000', '820000', '830000']) {
      expect(resident(withCheck(`${region}19800101101`)).ok).toBe(true);
    }
  });

  it('rejects unknown region codes', () => {
    for (const province of [
      '00',
      '10',
      '16',
      '20',
      '24',
      '38',
      '47',
      '55',
      '60',
      '66',
      '70',
      '72',
      '84',
      '99',
    ]) {
      expect(resident(withCheck(`${province}010519800101101`))).toEqual(rejected('bad_region'));
    }
    expect(resident(withCheck('81010019800101101'))).toEqual(rejected('bad_region'));
  });

  it('rejects a wrong check character', () => {
    expect(resident('110105194912310021')).toEqual(rejected('bad_checksum'));
    expect(resident('110105194912310020')).toEqual(rejected('bad_checksum'));
  });

  it('rejects empty input, bad characters, wrong lengths and a misplaced X', () => {
    expect(resident('')).toEqual(rejected('empty'));
    expect(resident(' \u3000 - ')).toEqual(rejected('empty'));
    expect(resident('11010519491231002Y')).toEqual(rejected('bad_characters'));
    expect(resident('身份证11010519491231002X')).toEqual(rejected('bad_characters'));
    expect(resident('1101051949123100')).toEqual(rejected('bad_length'));
    expect(resident('11010519491231002X1')).toEqual(rejected('bad_length'));
    expect(resident('1101051949123100X2')).toEqual(rejected('misplaced_x'));
  });
});

describe('parseIdNumber: hk_macao_tw_residence_permit', () => {
  it('accepts 810000, 820000 and 830000 permits', () => {
    expect(permit('810000199001010019')).toEqual({
      ok: true,
      normalized: '810000199001010019',
      birthDate: '1990-01-01',
      gender: 'male',
    });
    expect(permit(withCheck('82000019851111002'))).toMatchObject({ ok: true, gender: 'female' });
    expect(permit(withCheck('83000020010203005')).ok).toBe(true);
  });

  it('points out a mainland resident ID entered under the permit type', () => {
    expect(permit('11010519491231002X')).toEqual(rejected('not_residence_permit'));
    expect(permit('110105194912310021')).toEqual(rejected('not_residence_permit'));
  });

  it('rejects legacy 15-digit numbers and malformed permits', () => {
    expect(permit('810000900101001')).toEqual(rejected('bad_length'));
    expect(permit(withCheck('81010019900101001'))).toEqual(rejected('bad_region'));
    expect(permit('810000199001010010')).toEqual(rejected('bad_checksum'));
    expect(permit(withCheck('81000019901301001'))).toEqual(rejected('bad_date'));
  });
});

describe('DOCUMENT_TYPES and messages', () => {
  it('lists every document type once', () => {
    expect(new Set(DOCUMENT_TYPES).size).toBe(7);
  });

  it('throws on a document type outside the union (untyped callers)', () => {
    expect(() => parseIdNumber('driving_licence' as never, '123')).toThrow(TypeError);
  });

  it('has Chinese and English text for every reason', () => {
    for (const { zh, en } of Object.values(ID_REASON_MESSAGES)) {
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[A-Z]/);
    }
  });
});
