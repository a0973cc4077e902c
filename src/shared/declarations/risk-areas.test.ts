import { describe, expect, it } from 'vitest';
import {
  highestRiskVisited,
  type RiskArea,
  regionMatches,
  regionsOverlap,
  riskLevelDuring,
  riskLevelOn,
} from './risk-areas';
import { facts, TODAY } from './test-arbitraries';

const area = (
  regionCode: string,
  level: RiskArea['level'],
  validFrom = '2020-01-23',
  validTo: string | null = null,
) => ({
  regionCode,
  level,
  validFrom,
  validTo,
});

describe('regionMatches (GB/T 2260 hierarchy)', () => {
  it('a province covers all its cities and districts', () => {
    expect(regionMatches('420000', '420000')).toBe(true);
    expect(regionMatches('420000', '420100')).toBe(true);
    expect(regionMatches('420000', '420106')).toBe(true);
    expect(regionMatches('420000', '430100')).toBe(false);
  });

  it('a city covers its districts only', () => {
    expect(regionMatches('420100', '420106')).toBe(true);
    expect(regionMatches('420100', '420100')).toBe(true);
    expect(regionMatches('420100', '420200')).toBe(false);
    expect(regionMatches('420100', '420000')).toBe(false);
  });

  it('a district is matched exactly', () => {
    expect(regionMatches('420106', '420106')).toBe(true);
    expect(regionMatches('420106', '420107')).toBe(false);
    expect(regionMatches('420106', '420100')).toBe(false);
  });

  it('ignores codes that are not six digits', () => {
    expect(regionMatches('42', '420106')).toBe(false);
    expect(regionMatches('420000', '')).toBe(false);
    expect(regionMatches('42000x', '420000')).toBe(false);
  });

  it('overlap works both ways', () => {
    expect(regionsOverlap('420106', '420000')).toBe(true);
    expect(regionsOverlap('420000', '420106')).toBe(true);
    expect(regionsOverlap('420106', '430000')).toBe(false);
  });
});

describe('riskLevelOn / riskLevelDuring', () => {
  const areas = [
    area('420000', 'medium', '2020-01-01', '2020-01-31'),
    area('420100', 'high', '2020-01-23'),
    area('110106', 'high', '2020-06-13', '2020-07-05'),
  ];

  it('returns the highest level in force on the day, validTo included', () => {
    expect(riskLevelOn('420106', areas, '2020-01-10')).toBe('medium');
    expect(riskLevelOn('420106', areas, '2020-01-23')).toBe('high');
    expect(riskLevelOn('420500', areas, '2020-01-31')).toBe('medium');
    expect(riskLevelOn('420500', areas, '2020-02-01')).toBeNull();
    expect(riskLevelOn('110106', areas, '2020-07-05')).toBe('high');
    expect(riskLevelOn('110106', areas, '2020-07-06')).toBeNull();
  });

  it('riskLevelOn is about the place itself: a finer area does not colour a whole province', () => {
    expect(riskLevelOn('420000', areas, '2020-02-01')).toBeNull();
    expect(riskLevelDuring('420000', areas, '2020-02-01', '2020-02-01')).toBe('high');
  });
});

describe('highestRiskVisited', () => {
  const wuhanHigh = [area('420100', 'high', '2020-01-23', '2020-02-10')];

  it('counts an area that was high-risk on the return day even if lifted since', () => {
    const f = facts({ leftCity: true, originRegion: '420106', returnDate: '2020-02-10' });
    expect(highestRiskVisited(f, wuhanHigh, TODAY, 14)).toBe('high');
  });

  it('does not count a designation that ended before the return day', () => {
    const f = facts({ leftCity: true, originRegion: '420106', returnDate: '2020-02-11' });
    expect(highestRiskVisited(f, wuhanHigh, TODAY, 14)).toBeNull();
  });

  it('counts an area designated after the return day (designations lag the outbreak)', () => {
    const later = [area('420100', 'high', '2020-02-15')];
    const f = facts({ leftCity: true, originRegion: '420106', returnDate: '2020-02-10' });
    expect(highestRiskVisited(f, later, TODAY, 14)).toBe('high');
  });

  it('does not count a designation that starts after today', () => {
    const future = [area('420100', 'high', '2020-02-21')];
    const f = facts({ leftCity: true, originRegion: '420106', returnDate: '2020-02-10' });
    expect(highestRiskVisited(f, future, TODAY, 14)).toBeNull();
  });

  it('stops counting once the stay is more than windowDays ago', () => {
    const areas = [area('420100', 'high')];
    expect(
      highestRiskVisited(facts({ originRegion: '420100', returnDate: '2020-02-06' }), areas, TODAY, 14),
    ).toBe('high');
    expect(
      highestRiskVisited(facts({ originRegion: '420100', returnDate: '2020-02-05' }), areas, TODAY, 14),
    ).toBeNull();
  });

  it('takes the highest level over the origin and every place visited', () => {
    const areas = [area('310000', 'medium'), area('420106', 'high')];
    const f = facts({ originRegion: '310101', riskRegionsVisited: ['420000'], returnDate: '2020-02-18' });
    expect(highestRiskVisited(f, areas, TODAY, 14)).toBe('high');
    expect(highestRiskVisited({ ...f, riskRegionsVisited: [] }, areas, TODAY, 14)).toBe('medium');
  });

  it('without a return date the declaration day is the last possible day there', () => {
    const areas = [area('420100', 'high')];
    const f = facts({ originRegion: '420100' });
    expect(highestRiskVisited(f, areas, TODAY, 14, '2020-02-06')).toBe('high');
    expect(highestRiskVisited(f, areas, TODAY, 14, '2020-02-05')).toBeNull();
    expect(highestRiskVisited(f, areas, TODAY, 14)).toBe('high');
  });

  it('a future return date (not back yet) still counts', () => {
    const f = facts({ originRegion: '420100', returnDate: '2020-02-25' });
    expect(highestRiskVisited(f, [area('420100', 'high')], TODAY, 14)).toBe('high');
  });
});
