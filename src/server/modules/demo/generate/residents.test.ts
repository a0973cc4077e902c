import { describe, expect, it } from 'vitest';
import { parseIdNumber, parsePhone } from '../../../../shared/identity';
import { Calendar } from './calendar';
import { type DemoResident, generateDemoData } from './index';

const today = new Date('2020-01-23T12:30:00Z');
const data = generateDemoData(7, today);
const calendar = new Calendar(today);
const age = (r: DemoResident) => calendar.ageOn(r.birthDate);

const byHousehold = new Map<string, DemoResident[]>();
for (const r of data.residents)
  byHousehold.set(r.householdKey, [...(byHousehold.get(r.householdKey) ?? []), r]);

describe('identity documents and phones', () => {
  it('issues valid resident IDs that agree with birth date and gender', () => {
    const mismatches = data.residents.filter((r) => {
      const parsed = parseIdNumber('resident_id', r.docNumber, { now: today });
      const expected = { ok: true, normalized: r.docNumber, birthDate: r.birthDate, gender: r.gender };
      return JSON.stringify(parsed) !== JSON.stringify(expected);
    });
    expect(mismatches).toEqual([]);
  });

  it('never repeats a document number or a phone number', () => {
    expect(new Set(data.residents.map((r) => r.docNumber)).size).toBe(data.residents.length);
    const phones = [
      ...data.residents.flatMap((r) => (r.phone === null ? [] : [r.phone])),
      ...data.organisations.map((o) => o.contactPhone),
    ];
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('gives most adults a valid mobile, some elderly a Beijing landline, young children none', () => {
    const invalid = data.residents.filter((r) => {
      if (r.phone === null) return false;
      const parsed = parsePhone(r.phone);
      if (!parsed.ok || parsed.normalized !== r.phone) return true;
      return parsed.kind === 'landline' && !/^010-6\d{7}$/.test(r.phone);
    });
    expect(invalid).toEqual([]);
    expect(data.residents.filter((r) => age(r) < 12).every((r) => r.phone === null)).toBe(true);
    const adults = data.residents.filter((r) => age(r) >= 18 && age(r) < 75);
    expect(adults.every((r) => /^1[3-9]\d{9}$/.test(r.phone ?? ''))).toBe(true);
    expect(data.residents.some((r) => r.phone?.startsWith('010-'))).toBe(true);
  });

  it('uses non-Beijing region codes for most renters and floating residents', () => {
    const incomers = data.residents.filter((r) => r.residenceType !== 'registered');
    const fromElsewhere = incomers.filter((r) => !r.docNumber.startsWith('11'));
    expect(fromElsewhere.length / incomers.length).toBeGreaterThan(0.8);
  });

  it('never puts a birth date after today, whatever today is', () => {
    const now = new Date();
    const rejected = generateDemoData(3, now).residents.filter(
      (r) => !parseIdNumber('resident_id', r.docNumber, { now }).ok,
    );
    expect(rejected).toEqual([]);
  });
});

describe('households and families', () => {
  it('places every resident in an occupied household of their community, 1–5 per household', () => {
    const households = new Map(data.households.map((h) => [h.key, h]));
    const misplaced = data.residents.filter((r) => {
      const household = households.get(r.householdKey);
      return household === undefined || household.vacant || household.communityKey !== r.communityKey;
    });
    expect(misplaced).toEqual([]);
    const badSize = data.households.filter((h) => {
      const size = byHousehold.get(h.key)?.length ?? 0;
      return h.vacant ? size !== 0 : size < 1 || size > 5;
    });
    expect(badSize).toEqual([]);
    const occupied = data.households.filter((h) => !h.vacant).length;
    expect(data.residents.length / occupied).toBeGreaterThan(2.2);
    expect(data.residents.length / occupied).toBeLessThan(2.7);
  });

  it('lists the head first, with a spouse of the other gender and children 22–35 years younger', () => {
    for (const members of byHousehold.values()) {
      const [head, ...others] = members;
      expect(head?.relationToHead).toBe('self');
      expect(others.every((m) => m.relationToHead !== 'self')).toBe(true);
      const spouse = others.find((m) => m.relationToHead === 'spouse');
      if (!head || !spouse) continue;
      expect(spouse.gender).not.toBe(head.gender);
      const father = head.gender === 'male' ? head : spouse;
      const youngerParent = Math.min(age(head), age(spouse));
      for (const child of others.filter((m) => m.relationToHead === 'child')) {
        expect(child.name.charAt(0)).toBe(father.name.charAt(0));
        // Whole-year ages can differ by one more or less than the gap in birth years.
        expect(youngerParent - age(child)).toBeGreaterThanOrEqual(21);
        expect(youngerParent - age(child)).toBeLessThanOrEqual(36);
      }
    }
  });

  it('tags elderly people living alone only when they are 70 or older and alone', () => {
    const alone = data.residents.filter((r) => r.tags.includes('elderly_alone'));
    expect(alone.length).toBeGreaterThan(100);
    for (const r of alone) {
      expect(age(r)).toBeGreaterThanOrEqual(70);
      expect(byHousehold.get(r.householdKey)).toHaveLength(1);
    }
  });

  it('tags pregnancy only for women aged 20–40', () => {
    const pregnant = data.residents.filter((r) => r.tags.includes('pregnant'));
    expect(pregnant.length).toBeGreaterThan(0);
    for (const r of pregnant) {
      expect(r.gender).toBe('female');
      expect(age(r)).toBeGreaterThanOrEqual(20);
      expect(age(r)).toBeLessThanOrEqual(40);
    }
  });

  it('has as many adult Party members in each community as its branches count', () => {
    for (const communityKey of ['ziluoyuan', 'gongyun']) {
      const members = data.residents.filter(
        (r) => r.communityKey === communityKey && r.tags.includes('party_member'),
      );
      const branches = data.partyBranches.filter((b) => b.communityKey === communityKey);
      expect(members).toHaveLength(branches.reduce((sum, b) => sum + b.memberCount, 0));
      expect(members.every((r) => age(r) >= 18)).toBe(true);
      for (const branch of branches) expect(members.map((r) => r.name)).toContain(branch.secretaryName);
    }
  });

  it('includes disabled, chronically ill and renting residents', () => {
    const tags = new Set(data.residents.flatMap((r) => r.tags));
    expect(tags).toEqual(
      new Set(['elderly_alone', 'disabled', 'pregnant', 'chronic_illness', 'party_member']),
    );
    const types = new Set(data.residents.map((r) => r.residenceType));
    expect(types).toEqual(new Set(['registered', 'long_term_renter', 'floating']));
  });
});

describe('determinism and speed', () => {
  it('gives identical data for the same seed and different data for another', () => {
    expect(generateDemoData(7, today)).toEqual(data);
    expect(generateDemoData(8, today).residents[0]).not.toEqual(data.residents[0]);
  });

  it('generates everything well within a second', () => {
    const start = performance.now();
    generateDemoData(11, today);
    // Generous bound for loaded CI machines; it takes ~150 ms warm. Guards against accidental O(n²).
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
