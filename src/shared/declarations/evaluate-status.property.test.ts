import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_SEVERITY, SYMPTOMS } from './declaration-enums';
import type { DeclarationFacts } from './declaration-facts';
import { evaluateStatus } from './evaluate-status';
import { DEFAULT_RULES } from './status-rules';
import { dateNearTodayArb, factsArb, riskAreasArb, TODAY } from './test-arbitraries';

const severity = (f: DeclarationFacts, areas: Parameters<typeof evaluateStatus>[2], declaredOn: string) =>
  STATUS_SEVERITY[evaluateStatus(f, DEFAULT_RULES, areas, TODAY, declaredOn).status];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('evaluateStatus properties (default rules)', () => {
  it('adding a symptom never makes the status less severe', () => {
    fc.assert(
      fc.property(
        factsArb,
        riskAreasArb,
        dateNearTodayArb,
        fc.constantFrom(...SYMPTOMS),
        (f, areas, on, s) => {
          const more = { ...f, symptoms: f.symptoms.includes(s) ? f.symptoms : [...f.symptoms, s] };
          expect(severity(more, areas, on)).toBeGreaterThanOrEqual(severity(f, areas, on));
        },
      ),
    );
  });

  it('a higher temperature never makes the status less severe', () => {
    fc.assert(
      fc.property(
        factsArb,
        riskAreasArb,
        dateNearTodayArb,
        fc.integer({ min: 0, max: 40 }),
        (f, areas, on, up) => {
          const hotter = { ...f, temperature: ((f.temperature ?? 35) * 10 + up) / 10 };
          expect(severity(hotter, areas, on)).toBeGreaterThanOrEqual(severity(f, areas, on));
        },
      ),
    );
  });

  it('is deterministic and leaves its inputs untouched', () => {
    fc.assert(
      fc.property(factsArb, riskAreasArb, dateNearTodayArb, (f, areas, on) => {
        const before = structuredClone({ f, areas, rules: DEFAULT_RULES });
        const frozen = deepFreeze(structuredClone(before));
        const first = evaluateStatus(frozen.f, frozen.rules, frozen.areas, TODAY, on);
        expect(evaluateStatus(f, DEFAULT_RULES, areas, TODAY, on)).toEqual(first);
        expect({ f, areas, rules: DEFAULT_RULES }).toEqual(before);
        expect(frozen).toEqual(before);
      }),
    );
  });

  it('no risk areas, no symptoms, no fever and no contact → normal', () => {
    fc.assert(
      fc.property(factsArb, dateNearTodayArb, (f, on) => {
        const calm: DeclarationFacts = {
          ...f,
          symptoms: [],
          temperature: f.temperature === null ? null : Math.min(f.temperature, 37.2),
          contactConfirmedCase: false,
          contactRiskAreaPeople: false,
        };
        expect(evaluateStatus(calm, DEFAULT_RULES, [], TODAY, on).status).toBe('normal');
      }),
    );
  });
});
