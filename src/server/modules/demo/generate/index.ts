import { DEMO_ACCOUNTS } from './accounts';
import { Calendar } from './calendar';
import { IdentityFactory } from './identity';
import { buildGates, buildHouseholds, buildPlaces, COMMUNITIES } from './layout';
import { buildOrganisations, buildPartyBranches, partyMemberTotal } from './organisations';
import { createRng } from './prng';
import { buildResidents } from './residents';
import type { DemoData } from './types';

export type {
  DemoAccount,
  DemoData,
  DemoGate,
  DemoHousehold,
  DemoOrganisation,
  DemoPartyBranch,
  DemoPlace,
  DemoPlaceKind,
  DemoRelation,
  DemoResidenceType,
  DemoResident,
  DemoRole,
} from './types';

/** 23 January 2020, the evening the door-to-door screening started (R1). */
export const DEFAULT_DEMO_SEED = 20200123;

function assertUnique(label: string, values: ReadonlyArray<string | null>): void {
  const present = values.filter((v): v is string => v !== null);
  if (new Set(present).size !== present.length) throw new Error(`demo data: duplicate ${label}`);
}

/**
 * The two communities of the story (Ziluoyuan and Gongyun) as plain objects, ready to be inserted.
 * Pure: the same seed and `today` always give the same data. `today` bounds birth dates and ages.
 */
export function generateDemoData(seed: number = DEFAULT_DEMO_SEED, today: Date = new Date()): DemoData {
  const rng = createRng(seed);
  const ids = new IdentityFactory(rng);
  const calendar = new Calendar(today);
  const places = buildPlaces();
  const households = buildHouseholds(rng);
  const residents = COMMUNITIES.flatMap((community) =>
    buildResidents({ rng, ids, calendar }, community, households, partyMemberTotal(community.key)),
  );
  const organisations = COMMUNITIES.flatMap((community) => buildOrganisations(rng, ids, community.key));
  const partyBranches = COMMUNITIES.flatMap((community) => buildPartyBranches(rng, community.key, residents));
  const accounts = DEMO_ACCOUNTS.map((account) => ({
    ...account,
    ...(account.scopeBuildingKeys ? { scopeBuildingKeys: [...account.scopeBuildingKeys] } : {}),
  }));

  // The database enforces these too, but a clear message here beats a constraint error mid-insert.
  assertUnique(
    'place code',
    places.map((p) => p.code),
  );
  assertUnique(
    'household key',
    households.map((h) => h.key),
  );
  assertUnique(
    'document number',
    residents.map((r) => r.docNumber),
  );
  assertUnique('phone', [...residents.map((r) => r.phone), ...organisations.map((o) => o.contactPhone)]);

  return { places, gates: buildGates(), households, residents, organisations, partyBranches, accounts };
}
