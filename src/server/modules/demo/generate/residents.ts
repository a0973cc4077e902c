import type { Calendar } from './calendar';
import { FamilyBuilder, type Member } from './families';
import type { IdentityFactory } from './identity';
import type { CommunityLayout } from './layout-data';
import { type Rng, weightedSample } from './prng';
import { beijingRegion, otherProvinceRegion } from './regions';
import type { DemoHousehold, DemoResident } from './types';

const DISABLED_NOTES: readonly (string | null)[] = ['行动不便，需上门服务', '持残疾证', null];

/** Adds the health and life-situation tags that the care workflows filter on (R9, R11). */
function addTags(rng: Rng, members: Member[]): void {
  const married = members.some((m) => m.relation === 'spouse');
  for (const m of members) {
    if (rng.chance(m.age >= 70 ? 0.05 : 0.01)) {
      m.tags.push('disabled');
      m.notes ??= rng.pick(DISABLED_NOTES);
    }
    if (rng.chance(m.age >= 60 ? 0.3 : m.age >= 40 ? 0.08 : 0)) m.tags.push('chronic_illness');
    const couple = married && (m.relation === 'self' || m.relation === 'spouse');
    if (m.gender === 'female' && couple && m.age >= 22 && m.age <= 38 && rng.chance(0.06))
      m.tags.push('pregnant');
  }
}

/** Children have no phone, teenagers sometimes, the very old often only a landline. */
function phoneFor(rng: Rng, ids: IdentityFactory, age: number): string | null {
  if (age < 12) return null;
  if (age < 18) return rng.chance(0.5) ? ids.mobile() : null;
  if (age < 75) return ids.mobile();
  const roll = rng.next();
  if (roll < 0.45) return ids.landline();
  return roll < 0.9 ? ids.mobile() : null;
}

// Party members are older on average and almost all registered here (others belong to a branch at home).
function partyWeight(resident: DemoResident, age: number): number {
  if (age < 18) return 0;
  const byAge = age >= 60 ? 4 : age >= 40 ? 2 : age >= 25 ? 1 : 0.3;
  return resident.residenceType === 'registered' ? byAge : byAge * 0.1;
}

export interface ResidentContext {
  rng: Rng;
  ids: IdentityFactory;
  calendar: Calendar;
}

/**
 * Residents of one community's occupied households; exactly `partyMembers` adults get the party_member
 * tag so the register agrees with the branches' member counts.
 */
export function buildResidents(
  ctx: ResidentContext,
  community: CommunityLayout,
  households: readonly DemoHousehold[],
  partyMembers: number,
): DemoResident[] {
  const { rng, ids, calendar } = ctx;
  const families = new FamilyBuilder(rng, calendar.year);
  const entries: Array<{ resident: DemoResident; age: number }> = [];
  for (const household of households) {
    if (household.vacant || household.communityKey !== community.key) continue;
    const members = families.household();
    addTags(rng, members);
    // Renting families from elsewhere usually share one home town.
    const familyRegion = otherProvinceRegion(rng);
    for (const m of members) {
      const region = m.fromBeijing
        ? beijingRegion(rng, community.homeRegion)
        : m.relation === 'tenant' || m.relation === 'other' || rng.chance(0.2)
          ? otherProvinceRegion(rng)
          : familyRegion;
      const birthDate = calendar.birthDateForAge(rng, m.age);
      const resident: DemoResident = {
        householdKey: household.key,
        communityKey: community.key,
        name: m.name,
        gender: m.gender,
        docType: 'resident_id',
        docNumber: ids.residentId(region, birthDate, m.gender),
        phone: phoneFor(rng, ids, m.age),
        birthDate,
        relationToHead: m.relation,
        residenceType: m.residenceType,
        tags: m.tags,
        notes: m.notes,
      };
      entries.push({ resident, age: m.age });
    }
  }
  const chosen = weightedSample(rng, entries, (e) => partyWeight(e.resident, e.age), partyMembers);
  for (const { resident } of chosen) resident.tags.push('party_member');
  return entries.map((e) => e.resident);
}
