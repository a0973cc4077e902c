import { type Gender, randomGivenName, randomSurname } from './names';
import type { Rng } from './prng';
import type { DemoRelation, DemoResidenceType } from './types';

/** A household member before documents and phones are issued. */
export interface Member {
  name: string;
  gender: Gender;
  age: number;
  relation: DemoRelation;
  residenceType: DemoResidenceType;
  /** Whether the ID carries a Beijing or another province's region code. */
  fromBeijing: boolean;
  tags: string[];
  notes: string | null;
}

type Kind = 'elderly_alone' | 'single' | 'couple' | 'nuclear' | 'three_gen' | 'grandparents' | 'renters';

// Weights tuned for a mean of about 2.4 residents per occupied household, the Beijing census figure
// for older inner-suburb communities, with a high share of elderly people living alone (R11).
const KINDS: ReadonlyArray<readonly [Kind, number]> = [
  ['elderly_alone', 9],
  ['single', 12],
  ['couple', 25],
  ['nuclear', 26],
  ['three_gen', 8],
  ['grandparents', 6],
  ['renters', 14],
];

const ALONE_NOTES: readonly (string | null)[] = [
  '子女在外区居住，每周探望',
  '子女在外地，需定期电话关心',
  '需送菜上门',
  '老伴已故，独居多年',
  null,
  null,
];

const opposite = (gender: Gender): Gender => (gender === 'male' ? 'female' : 'male');

interface MemberSpec {
  age: number;
  relation: DemoRelation;
  gender?: Gender;
  /** Chance of a man when `gender` is not given. */
  maleShare?: number;
  surname?: string;
  residenceType?: DemoResidenceType;
  fromBeijing?: boolean;
}

/** Builds one household's members, head first. `todayYear` only steers the choice of given names. */
export class FamilyBuilder {
  constructor(
    private readonly rng: Rng,
    private readonly todayYear: number,
  ) {}

  household(): Member[] {
    switch (this.rng.weighted(KINDS)) {
      case 'elderly_alone':
        return this.elderlyAlone();
      case 'single':
        return this.single();
      case 'couple':
        return this.couple();
      case 'nuclear':
        return this.nuclear();
      case 'three_gen':
        return this.threeGenerations();
      case 'grandparents':
        return this.grandparents();
      case 'renters':
        return this.renters();
    }
  }

  private member(spec: MemberSpec): Member {
    const gender = spec.gender ?? (this.rng.chance(spec.maleShare ?? 0.5) ? 'male' : 'female');
    const surname = spec.surname ?? randomSurname(this.rng);
    return {
      name: `${surname}${randomGivenName(this.rng, gender, this.todayYear - spec.age)}`,
      gender,
      age: spec.age,
      relation: spec.relation,
      residenceType: spec.residenceType ?? 'registered',
      fromBeijing: spec.fromBeijing ?? true,
      tags: [],
      notes: null,
    };
  }

  /** A registered head of household; some moved to Beijing for work and keep their home province's ID. */
  private head(maleShare: number, age: number): Member {
    return this.member({ age, relation: 'self', maleShare, fromBeijing: age < 25 || !this.rng.chance(0.12) });
  }

  /** Returns [spouse, father, mother]; husbands are on average a couple of years older than their wives. */
  private marry(head: Member): [Member, Member, Member] {
    const gap = this.rng.int(-1, 4);
    const age = Math.max(20, head.gender === 'male' ? head.age - gap : head.age + gap);
    const { residenceType, fromBeijing } = head;
    const spouse = this.member({
      age,
      relation: 'spouse',
      gender: opposite(head.gender),
      residenceType,
      fromBeijing,
    });
    return head.gender === 'male' ? [spouse, head, spouse] : [spouse, spouse, head];
  }

  /** Children are 22–35 years younger than their younger parent; none if that is impossible. */
  private children(father: Member, mother: Member, count: number): Member[] {
    const youngest = Math.min(father.age, mother.age);
    if (youngest < 22) return [];
    const maxGap = Math.min(35, youngest);
    const gap = this.rng.int(22, maxGap);
    const gaps = [gap];
    if (count > 1) {
      // Siblings 2–8 years apart, both still within the 22–35 window of the younger parent.
      const spacing = this.rng.int(2, 8);
      const other = gap + spacing <= maxGap ? gap + spacing : gap - spacing;
      if (other >= 22) gaps.push(other);
    }
    const ages = gaps.sort((a, b) => b - a).map((g) => youngest - g);
    // A child born in Beijing is registered here unless the parents' own registration is elsewhere.
    const fromBeijing = father.residenceType === 'registered' || father.fromBeijing;
    const { residenceType } = father;
    const surname = father.name.charAt(0);
    return ages.map((age) =>
      this.member({ age, relation: 'child', maleShare: 0.52, surname, residenceType, fromBeijing }),
    );
  }

  private elderlyAlone(): Member[] {
    const age = this.rng.int(70, 82) + (this.rng.chance(0.3) ? this.rng.int(0, 13) : 0);
    const person = this.member({ age, relation: 'self', maleShare: 0.35 });
    person.tags.push('elderly_alone');
    person.notes = this.rng.pick(ALONE_NOTES);
    return [person];
  }

  private single(): Member[] {
    const head = this.head(0.5, this.rng.int(22, 69));
    if (!this.rng.chance(0.08)) return [head];
    // An unmarried brother or sister sharing the flat.
    const age = Math.max(18, head.age + this.rng.int(-8, 8));
    return [head, this.member({ age, relation: 'sibling', surname: head.name.charAt(0) })];
  }

  private couple(): Member[] {
    const [low, high] = this.rng.weighted<readonly [number, number]>([
      [[25, 35], 25],
      [[40, 64], 35],
      [[60, 88], 40],
    ]);
    const head = this.head(0.8, this.rng.int(low, high));
    const [spouse] = this.marry(head);
    if (head.age < 75 || !this.rng.chance(0.2)) return [head, spouse];
    const carer = this.member({
      age: this.rng.int(40, 60),
      relation: 'other',
      gender: 'female',
      residenceType: 'floating',
      fromBeijing: false,
    });
    carer.notes = '住家保姆';
    return [head, spouse, carer];
  }

  private nuclear(): Member[] {
    const head = this.head(0.75, this.rng.int(28, 55));
    const [spouse, father, mother] = this.marry(head);
    return [head, spouse, ...this.children(father, mother, this.rng.chance(0.4) ? 2 : 1)];
  }

  private threeGenerations(): Member[] {
    const head = this.head(0.75, this.rng.int(35, 60));
    const [spouse, father, mother] = this.marry(head);
    const age = Math.min(98, head.age + this.rng.int(22, 35));
    const both = this.rng.chance(0.45);
    // Widowed mothers outnumber widowed fathers, as women live longer.
    const withFather = both || this.rng.chance(0.35);
    const elders: Member[] = [];
    if (withFather) {
      const fatherAge = Math.min(99, age + this.rng.int(0, 3));
      elders.push(
        this.member({ age: fatherAge, relation: 'parent', gender: 'male', surname: head.name.charAt(0) }),
      );
    }
    if (both || !withFather) elders.push(this.member({ age, relation: 'parent', gender: 'female' }));
    return [head, spouse, ...this.children(father, mother, 1), ...elders];
  }

  private grandparents(): Member[] {
    const head = this.head(0.7, this.rng.int(58, 80));
    const [spouse, grandfather] = this.marry(head);
    const youngest = Math.min(head.age, spouse.age);
    // Grandchildren live with grandparents while their parents work (隔代抚养); sometimes a parent lives in too.
    const age = Math.max(0, Math.min(16, youngest - this.rng.int(44, 60)));
    const viaSon = this.rng.chance(0.7);
    const family = grandfather.name.charAt(0);
    const grandchild = this.member({ age, relation: 'grandchild', surname: viaSon ? family : undefined });
    if (!this.rng.chance(0.4)) return [head, spouse, grandchild];
    // The parent in between is 22–35 years from both generations; 44 <= youngest - age <= 70 makes room.
    const parentAge = this.rng.int(Math.max(age + 22, youngest - 35), Math.min(youngest - 22, age + 35));
    const gender: Gender = viaSon ? 'male' : 'female';
    const parent = this.member({ age: parentAge, relation: 'child', gender, surname: family });
    return [head, spouse, parent, grandchild];
  }

  private renters(): Member[] {
    const residence = (): DemoResidenceType => (this.rng.chance(0.6) ? 'long_term_renter' : 'floating');
    const style = this.rng.weighted([
      ['family', 40],
      ['shared', 30],
      ['alone', 30],
    ] as const);
    const age = this.rng.int(22, 45);
    const head = this.member({
      age,
      relation: 'self',
      maleShare: 0.6,
      residenceType: residence(),
      fromBeijing: false,
    });
    if (style === 'alone') return [head];
    if (style === 'family') {
      const [spouse, father, mother] = this.marry(head);
      return [head, spouse, ...(this.rng.chance(0.5) ? this.children(father, mother, 1) : [])];
    }
    const flatmates = Array.from({ length: this.rng.int(1, 2) }, () =>
      this.member({
        age: this.rng.int(20, 35),
        relation: 'tenant',
        residenceType: residence(),
        fromBeijing: false,
      }),
    );
    return [head, ...flatmates];
  }
}
