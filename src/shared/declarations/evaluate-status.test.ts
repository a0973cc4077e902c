import { describe, expect, it } from 'vitest';
import { addDays } from '../time/beijing';
import type { DeclarationFacts } from './declaration-facts';
import { evaluateStatus } from './evaluate-status';
import type { RiskArea } from './risk-areas';
import { DEFAULT_RULES, type StatusRule } from './status-rules';
import { facts, TODAY } from './test-arbitraries';

const AREAS: RiskArea[] = [
  { regionCode: '420100', level: 'high', validFrom: '2020-01-23', validTo: null },
  { regionCode: '310000', level: 'medium', validFrom: '2020-01-25', validTo: null },
];
const daysAgo = (n: number) => addDays(TODAY, -n);
const run = (f: DeclarationFacts, declaredOn?: string, rules = DEFAULT_RULES, areas = AREAS) =>
  evaluateStatus(f, rules, areas, TODAY, declaredOn);
const fromWuhan = (overrides: Partial<DeclarationFacts> = {}) =>
  facts({ leftCity: true, originRegion: '420106', returnDate: daysAgo(3), ...overrides });

describe('evaluateStatus with the default rules', () => {
  it('nothing to report → normal, no rule, the no-risk reason', () => {
    expect(run(facts())).toEqual({
      status: 'normal',
      ruleId: null,
      reason: { zh: '未发现风险', en: 'No risk found' },
      observationUntil: null,
    });
  });

  it('37.2 °C is normal, 37.3 °C is referred to the clinic', () => {
    expect(run(facts({ temperature: 37.2 })).status).toBe('normal');
    const fever = run(facts({ temperature: 37.3 }));
    expect(fever).toMatchObject({ status: 'referred_to_clinic', ruleId: 'clinic-fever-respiratory' });
    expect(fever.observationUntil).toBeNull();
    expect(run(facts({ temperature: 36.5 + 0.8 })).status).toBe('referred_to_clinic');
  });

  it('fever or respiratory symptoms are referred even at a normal temperature', () => {
    for (const symptom of ['fever', 'cough', 'breathing_difficulty', 'sore_throat'] as const) {
      expect(run(facts({ symptoms: [symptom] })).status).toBe('referred_to_clinic');
    }
  });

  it('other symptoms are verified by phone', () => {
    expect(run(facts({ symptoms: ['diarrhoea'] }))).toMatchObject({
      status: 'to_verify',
      ruleId: 'other-symptoms-verify',
    });
  });

  it('clinic referral outranks observation', () => {
    expect(run(fromWuhan({ temperature: 38.1, homeConditionsMet: false })).status).toBe('referred_to_clinic');
  });

  it('back from a high-risk area → home observation until return date + 14', () => {
    expect(run(fromWuhan())).toMatchObject({
      status: 'home_observation',
      ruleId: 'high-risk-home',
      observationUntil: addDays(daysAgo(3), 14),
      reason: { zh: '14天内从高风险地区返回' },
    });
  });

  it('home conditions not met → centralised observation; unknown conditions stay at home', () => {
    expect(run(fromWuhan({ homeConditionsMet: false }))).toMatchObject({
      status: 'centralised_observation',
      ruleId: 'high-risk-centralised',
      observationUntil: addDays(daysAgo(3), 14),
    });
    expect(run(fromWuhan({ homeConditionsMet: null })).status).toBe('home_observation');
  });

  it('returned exactly 14 days ago still matches (last day of observation), 15 days ago is over', () => {
    expect(run(fromWuhan({ returnDate: daysAgo(14) }))).toMatchObject({
      status: 'home_observation',
      observationUntil: TODAY,
    });
    expect(run(fromWuhan({ returnDate: daysAgo(15) })).status).toBe('normal');
    expect(run(fromWuhan({ returnDate: daysAgo(20), homeConditionsMet: false })).status).toBe('normal');
  });

  it('province, city and district codes: Hubei overlaps the Wuhan area, Hunan does not', () => {
    expect(run(fromWuhan({ originRegion: '420000' })).status).toBe('home_observation');
    expect(run(fromWuhan({ originRegion: '420100' })).status).toBe('home_observation');
    expect(run(fromWuhan({ originRegion: '420200' })).status).toBe('normal');
    expect(run(fromWuhan({ originRegion: '430100' })).status).toBe('normal');
    expect(run(fromWuhan({ originRegion: null, riskRegionsVisited: ['420111'] })).status).toBe(
      'home_observation',
    );
  });

  it('medium risk → to verify; high wins over medium', () => {
    expect(run(fromWuhan({ originRegion: '310101' }))).toMatchObject({
      status: 'to_verify',
      ruleId: 'medium-risk-verify',
      observationUntil: null,
    });
    expect(run(fromWuhan({ originRegion: '310101', riskRegionsVisited: ['420106'] })).status).toBe(
      'home_observation',
    );
    expect(run(fromWuhan({ originRegion: '310101', returnDate: daysAgo(15) })).status).toBe('normal');
  });

  it('an area designated only after the return date still counts while within 14 days', () => {
    const later: RiskArea[] = [{ regionCode: '330100', level: 'high', validFrom: daysAgo(1), validTo: null }];
    const f = fromWuhan({ originRegion: '330106', returnDate: daysAgo(5) });
    expect(run(f, undefined, DEFAULT_RULES, later).status).toBe('home_observation');
    expect(run(f, undefined, DEFAULT_RULES, []).status).toBe('normal');
  });

  it('confirmed-case contact → home observation counted from the declaration day', () => {
    const contact = facts({ contactConfirmedCase: true });
    expect(run(contact, daysAgo(2))).toMatchObject({
      status: 'home_observation',
      ruleId: 'contact-home',
      observationUntil: addDays(daysAgo(2), 14),
    });
    expect(run({ ...contact, homeConditionsMet: false }, daysAgo(2)).status).toBe('centralised_observation');
    // A declaration made 15 days ago: the observation it would call for is already over.
    expect(run(contact, daysAgo(15)).status).toBe('normal');
  });

  it('contact with people from risk areas → home observation while within 14 days of the declaration', () => {
    const contact = facts({ contactRiskAreaPeople: true });
    expect(run(contact, daysAgo(14)).status).toBe('home_observation');
    expect(run(contact, daysAgo(15)).status).toBe('normal');
    expect(run(contact).observationUntil).toBe(addDays(TODAY, 14));
  });

  it('an unparseable return date is treated as missing (half-typed form)', () => {
    expect(run(fromWuhan({ returnDate: '2020-02-' }), daysAgo(1)).observationUntil).toBe(
      addDays(daysAgo(1), 14),
    );
  });

  it('refuses a today that is not a calendar date', () => {
    expect(() => evaluateStatus(facts(), DEFAULT_RULES, AREAS, '20.02.2020')).toThrow(RangeError);
  });
});

describe('evaluateStatus with edited rules', () => {
  const rule = (id: string, priority: number, status: StatusRule['outcome']['status']): StatusRule => ({
    id,
    priority,
    when: { homeConditionsMet: true },
    outcome: { status },
    reason: { zh: id, en: id },
  });

  it('higher priority first, equal priorities in list order', () => {
    const rules = [rule('a', 1, 'to_verify'), rule('b', 5, 'to_verify'), rule('c', 5, 'normal')];
    expect(run(facts(), undefined, rules).ruleId).toBe('b');
    expect(run(facts(), undefined, [rules[2], rules[1], rules[0]] as StatusRule[]).ruleId).toBe('c');
  });

  it('skips a rule whose observation would already be over and falls through to the next', () => {
    const sloppy: StatusRule = {
      id: 'long-window',
      priority: 10,
      when: { visitedRisk: { level: 'high', withinDays: 30 } },
      outcome: { status: 'home_observation', observationDays: 14, observationFrom: 'return_date' },
      reason: { zh: '长窗口', en: 'Long window' },
    };
    const rules = [
      sloppy,
      { ...rule('fallback', 1, 'to_verify'), when: { not: { contactConfirmedCase: true } } },
    ];
    expect(run(fromWuhan({ returnDate: daysAgo(20) }), undefined, rules as StatusRule[]).ruleId).toBe(
      'fallback',
    );
    expect(run(fromWuhan({ returnDate: daysAgo(10) }), undefined, rules as StatusRule[]).ruleId).toBe(
      'long-window',
    );
  });

  it('rules survive a JSON round trip with identical results', () => {
    const copy = JSON.parse(JSON.stringify(DEFAULT_RULES)) as StatusRule[];
    const samples = [
      facts(),
      facts({ temperature: 37.3 }),
      fromWuhan(),
      fromWuhan({ homeConditionsMet: false }),
      fromWuhan({ originRegion: '310101' }),
      facts({ contactConfirmedCase: true }),
      facts({ symptoms: ['fatigue'] }),
    ];
    for (const f of samples) expect(run(f, daysAgo(1), copy)).toEqual(run(f, daysAgo(1)));
  });
});
