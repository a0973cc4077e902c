import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, evaluateStatus, validateRules } from '../../../shared/declarations';
import { addRule, moveRule, rulesOf, switchKind, toDraft, withStatus } from './rule-draft';
import { emptyTryInput, tryFacts } from './try-facts';

const TODAY = '2026-11-29';

describe('rule drafts', () => {
  it('keeps the evaluation order and round-trips the defaults unchanged', () => {
    const draft = toDraft(DEFAULT_RULES);
    expect(rulesOf(draft)).toEqual(DEFAULT_RULES);
    expect(rulesOf(draft)).not.toBe(DEFAULT_RULES);
  });

  it('moves a rule by swapping places and priorities with its neighbour', () => {
    const draft = toDraft(DEFAULT_RULES);
    const last = draft[draft.length - 1];
    if (!last) throw new Error('no rules');
    const moved = moveRule(draft, last.key, -1);
    const ids = rulesOf(moved).map((r) => r.id);
    expect(ids.slice(-2)).toEqual(['other-symptoms-verify', 'medium-risk-verify']);
    expect(
      rulesOf(moved)
        .slice(-2)
        .map((r) => r.priority),
    ).toEqual([50, 40]);
  });

  it('moves rules of equal priority by their place in the list', () => {
    const draft = toDraft(DEFAULT_RULES.map((r) => ({ ...r, priority: 1 })));
    const second = draft[1];
    if (!second) throw new Error('no rules');
    expect(rulesOf(moveRule(draft, second.key, -1))[0]?.id).toBe('high-risk-centralised');
  });

  it('adds a rule last with a free id, which needs its reason before it is valid', () => {
    const draft = addRule(toDraft(DEFAULT_RULES));
    const added = rulesOf(draft).at(-1);
    expect(added?.id).toBe('rule-8');
    expect(added?.priority).toBe(30);
    const checked = validateRules(rulesOf(draft));
    expect(checked.ok).toBe(false);
  });

  it('gives an observation period only to observation statuses', () => {
    expect(withStatus({ status: 'to_verify' }, 'home_observation')).toEqual({
      status: 'home_observation',
      observationDays: 14,
      observationFrom: 'return_date',
    });
    expect(withStatus({ status: 'home_observation', observationDays: 7 }, 'normal')).toEqual({
      status: 'normal',
    });
  });

  it('keeps members when a group changes kind and wraps a single condition', () => {
    const leaf = { contactConfirmedCase: true } as const;
    expect(switchKind({ all: [leaf] }, 'any')).toEqual({ any: [leaf] });
    expect(switchKind(leaf, 'all')).toEqual({ all: [leaf] });
    expect(switchKind(leaf, 'not')).toEqual({ not: leaf });
    expect(switchKind({ not: leaf }, 'any')).toEqual({ any: [leaf] });
    expect(switchKind(leaf, 'homeConditionsMet')).toEqual({ homeConditionsMet: false });
  });
});

describe('try-it facts', () => {
  const run = (input: ReturnType<typeof emptyTryInput>) => {
    const { facts, areas } = tryFacts(input);
    return evaluateStatus(facts, DEFAULT_RULES, areas, TODAY, input.declaredOn);
  };

  it('sees nobody at risk by default', () => {
    expect(run(emptyTryInput(TODAY)).status).toBe('normal');
  });

  it('makes the chosen origin level a risk area the rules can match', () => {
    const back = { ...emptyTryInput(TODAY), leftCity: true, returnDate: '2026-11-26' };
    expect(run({ ...back, originLevel: 'high', homeConditionsMet: false }).ruleId).toBe(
      'high-risk-centralised',
    );
    expect(run({ ...back, originLevel: 'high', homeConditionsMet: true })).toMatchObject({
      ruleId: 'high-risk-home',
      observationUntil: '2026-12-10',
    });
    expect(run({ ...back, originLevel: 'medium' }).ruleId).toBe('medium-risk-verify');
    expect(run({ ...back, originLevel: 'low' }).status).toBe('normal');
    expect(run({ ...back, originLevel: 'none' }).status).toBe('normal');
  });

  it('ignores the origin when the person did not leave the city', () => {
    expect(run({ ...emptyTryInput(TODAY), leftCity: false, originLevel: 'high' }).status).toBe('normal');
  });

  it('passes temperature, symptoms and contacts through', () => {
    expect(run({ ...emptyTryInput(TODAY), temperature: 37.5 }).status).toBe('referred_to_clinic');
    expect(run({ ...emptyTryInput(TODAY), symptoms: ['fatigue'] }).status).toBe('to_verify');
    expect(run({ ...emptyTryInput(TODAY), contactConfirmedCase: true }).ruleId).toBe('contact-home');
  });
});
