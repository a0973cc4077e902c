import { describe, expect, it } from 'vitest';
import { PERSON_STATUSES, type PersonStatus } from '../declarations/declaration-enums';
import {
  type CurrentStatus,
  isLower,
  judgeSelfDeclaration,
  mayChange,
  reevaluationMayChange,
  STATUS_SOURCES,
  STATUSES_BY_SEVERITY,
  sourceAfter,
} from './status-policy';

const staffSet = (status: PersonStatus): CurrentStatus => ({ status, source: 'staff' });
const selfSet = (status: PersonStatus): CurrentStatus => ({ status, source: 'self' });
const own = { verified: false, nameMatches: true };

describe('the severity order', () => {
  it('runs from released and normal up to referred to the clinic', () => {
    expect(STATUSES_BY_SEVERITY).toEqual([
      'released',
      'normal',
      'to_verify',
      'home_observation',
      'centralised_observation',
      'referred_to_clinic',
    ]);
    expect(isLower('normal', 'home_observation')).toBe(true);
    expect(isLower('referred_to_clinic', 'home_observation')).toBe(false);
    expect(isLower('normal', 'normal')).toBe(false);
  });
});

describe('a resident’s own declaration', () => {
  it('never lowers a status set by staff, the gate or observation: it is held', () => {
    for (const source of ['staff', 'gate', 'observation'] as const) {
      const verdict = judgeSelfDeclaration({
        ...own,
        current: { status: 'home_observation', source },
        proposed: 'normal',
      });
      expect(verdict).toEqual({ outcome: 'hold', reasons: ['would_lower'] });
    }
    expect(
      judgeSelfDeclaration({
        ...own,
        current: { status: 'referred_to_clinic', source: 'gate' },
        proposed: 'released',
      }),
    ).toEqual({ outcome: 'hold', reasons: ['would_lower'] });
  });

  it('may raise a staff-set status, which stays in staff’s hands', () => {
    expect(
      judgeSelfDeclaration({ ...own, current: staffSet('home_observation'), proposed: 'referred_to_clinic' }),
    ).toEqual({ outcome: 'apply', source: 'staff' });
    // …so the next "nothing happened" cannot step it back down.
    expect(
      judgeSelfDeclaration({ ...own, current: staffSet('referred_to_clinic'), proposed: 'home_observation' })
        .outcome,
    ).toBe('hold');
  });

  it('leaves a staff-set status alone when it says the same (no refreshed dates or reasons)', () => {
    expect(
      judgeSelfDeclaration({ ...own, current: staffSet('home_observation'), proposed: 'home_observation' }),
    ).toEqual({ outcome: 'keep' });
  });

  it('changes an unverified person’s own status either way, as before', () => {
    expect(
      judgeSelfDeclaration({ ...own, current: selfSet('home_observation'), proposed: 'normal' }),
    ).toEqual({
      outcome: 'apply',
      source: 'self',
    });
    expect(judgeSelfDeclaration({ ...own, current: null, proposed: 'referred_to_clinic' })).toEqual({
      outcome: 'apply',
      source: 'self',
    });
  });

  it('holds a name that is not the registry’s, whatever it says', () => {
    for (const proposed of PERSON_STATUSES) {
      const verdict = judgeSelfDeclaration({ current: null, proposed, verified: false, nameMatches: false });
      expect(verdict).toEqual({ outcome: 'hold', reasons: ['name_mismatch'] });
    }
  });

  it('about a verified person, waits for staff when it would change the status (either way)', () => {
    const verified = { verified: true, nameMatches: true };
    expect(judgeSelfDeclaration({ ...verified, current: null, proposed: 'home_observation' })).toEqual({
      outcome: 'hold',
      reasons: ['needs_confirmation'],
    });
    expect(
      judgeSelfDeclaration({ ...verified, current: selfSet('home_observation'), proposed: 'normal' }),
    ).toEqual({
      outcome: 'hold',
      reasons: ['needs_confirmation'],
    });
    expect(
      judgeSelfDeclaration({ ...verified, current: staffSet('home_observation'), proposed: 'normal' }),
    ).toEqual({ outcome: 'hold', reasons: ['needs_confirmation', 'would_lower'] });
    // No status yet and nothing to report: nothing changes, nothing to confirm.
    expect(judgeSelfDeclaration({ ...verified, current: null, proposed: 'normal' })).toEqual({
      outcome: 'apply',
      source: 'self',
    });
    expect(judgeSelfDeclaration({ ...verified, current: staffSet('normal'), proposed: 'normal' })).toEqual({
      outcome: 'keep',
    });
  });

  it('over every case: applied only when allowed, and never below a status it does not own', () => {
    const currents: Array<CurrentStatus | null> = [
      null,
      ...STATUS_SOURCES.flatMap((source) => PERSON_STATUSES.map((status) => ({ status, source }))),
    ];
    for (const current of currents)
      for (const proposed of PERSON_STATUSES)
        for (const verified of [false, true])
          for (const nameMatches of [false, true]) {
            const verdict = judgeSelfDeclaration({ current, proposed, verified, nameMatches });
            if (verdict.outcome === 'hold') continue;
            expect(nameMatches).toBe(true);
            expect(mayChange('self', current, proposed)).toBe(true);
            if (verified) expect(proposed).toBe(current?.status ?? 'normal');
            if (current && current.source !== 'self') expect(isLower(proposed, current.status)).toBe(false);
          }
  });
});

describe('staff, the gate and re-evaluation', () => {
  it('staff and the gate may set any status, and the status is theirs afterwards', () => {
    expect(mayChange('staff', { status: 'referred_to_clinic', source: 'gate' }, 'normal')).toBe(true);
    expect(sourceAfter('staff', selfSet('normal'))).toBe('staff');
    expect(sourceAfter('gate', staffSet('normal'))).toBe('gate');
  });

  it('re-judging never touches a gate or observation status, nor lowers staff’s on a resident’s word', () => {
    expect(reevaluationMayChange('staff', { status: 'referred_to_clinic', source: 'gate' }, 'normal')).toBe(
      false,
    );
    expect(
      reevaluationMayChange('staff', { status: 'normal', source: 'observation' }, 'home_observation'),
    ).toBe(false);
    expect(reevaluationMayChange('self', staffSet('home_observation'), 'normal')).toBe(false);
    expect(reevaluationMayChange('self', staffSet('normal'), 'home_observation')).toBe(true);
    expect(reevaluationMayChange('self', selfSet('home_observation'), 'normal')).toBe(true);
    expect(reevaluationMayChange('staff', staffSet('home_observation'), 'normal')).toBe(true);
  });
});
