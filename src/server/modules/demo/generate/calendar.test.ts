import { describe, expect, it } from 'vitest';
import { Calendar } from './calendar';
import { createRng, weightedSample } from './prng';

describe('Calendar', () => {
  it('makes people exactly the requested age, including around 29 February', () => {
    const rng = createRng(1);
    for (const today of ['2024-02-29T10:00:00Z', '2023-03-01T00:00:00Z', '2020-12-31T23:59:00Z']) {
      const calendar = new Calendar(new Date(today));
      for (let age = 0; age <= 100; age++) {
        for (let i = 0; i < 20; i++) expect(calendar.ageOn(calendar.birthDateForAge(rng, age))).toBe(age);
      }
    }
  });

  it('spreads birth dates over every day of the year, matching Date', () => {
    const calendar = new Calendar(new Date('2021-06-15T08:00:00Z'));
    const rng = createRng(4);
    const dates = new Set(Array.from({ length: 20_000 }, () => calendar.birthDateForAge(rng, 50)));
    // Born 1970-06-16 … 1971-06-15: 365 days, each one a real calendar date.
    expect(dates.size).toBe(365);
    for (const date of dates) expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
    expect([...dates].sort()[0]).toBe('1970-06-16');
    expect([...dates].sort().at(-1)).toBe('1971-06-15');
  });

  it('never yields a birth date after today', () => {
    const calendar = new Calendar(new Date('2024-02-29T10:00:00Z'));
    const rng = createRng(2);
    for (let i = 0; i < 500; i++) expect(calendar.birthDateForAge(rng, 0) <= '2024-02-29').toBe(true);
  });
});

describe('prng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(createRng(43).next()).not.toBe(createRng(42).next());
  });

  it('samples exactly the requested number of distinct items, never a weightless one if avoidable', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const chosen = weightedSample(createRng(3), items, (i) => (i < 50 ? 0 : 1), 40);
    expect(new Set(chosen).size).toBe(40);
    expect(chosen.every((i) => i >= 50)).toBe(true);
  });
});
