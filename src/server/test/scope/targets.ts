// What the scope probes aim at: real objects of community A, each created through the product before any
// probe runs and checked to exist. A probe that changes or deletes something has an object of its own
// (editResident, revokePass, deleteShift …), because the owner's control requests really run it.
import { phoneJpeg } from '../../modules/photos/test-jpegs';
import { createFixture, type Fixture, login, syntheticId } from '../fixture';
import type { TestApp } from '../test-app';
import { createAccessTargets } from './targets-access';
import { createCampaignTargets } from './targets-campaigns';
import { createHelperTargets } from './targets-helpers';
import { createObservationTargets } from './targets-observation';
import { createPolicyTargets } from './targets-policy';
import { createRecordTargets } from './targets-records';
import { createReportTargets, type ReportTargets } from './targets-reports';
import { createRequestTargets, type RequestTargets } from './targets-requests';

/** An id that exists nowhere. */
export const MISSING_ID = 2_000_000_000;
/** A well-formed photo id that exists nowhere (22 base64url characters). */
export const MISSING_PHOTO = 'AAAAAAAAAAAAAAAAAAAAAA';

/** The pairs of accounts a probe can be asked by: an outsider (B's, or another district's) and the owner. */
export type Pair = 'secretary' | 'guard' | 'district';

/** Community A's places, by id. */
export interface PlacesOfA {
  community: number;
  compound: number;
  buildings: [number, number];
  entrance: number;
  households: [number, number, number];
}

export interface ProbeTargets
  extends RecordTargets,
    CampaignTargets,
    AccessTargets,
    PolicyTargets,
    ObservationTargets,
    HelperTargets,
    RequestTargets,
    ReportTargets {
  a: PlacesOfA;
  /** The outsider's own places, which a probe may name beside A's (never swapped for missing ids). */
  b: { community: number; households: number[] };
  /** A's accounts a request names (an assignment's assignee). */
  accountsOfA: { socialWorker: number; guard: number };
  /** Volunteers of A for the accounts page's changes, one per route that changes an account. */
  managedOfA: { edit: number; disable: number; enable: number; reset: number };
  /** Files for the upload routes (not ids: the same in both variants). */
  files: { jpeg: Buffer };
}

export interface RecordTargets {
  resident: number;
  residentDoc: string;
  editResident: number;
  verifyResident: number;
  moveResident: number;
  declaration: number;
  /** Residents' own declarations about 周甲 under another name, held in A's review queue. */
  confirmReview: number;
  rejectReview: number;
  job: number;
  /** Previewed imports of A: one to read, one to confirm, one to discard. */
  previewJob: number;
  confirmJob: number;
  discardJob: number;
  poster: number;
  deletePoster: number;
  renamePlace: number;
}

export interface CampaignTargets {
  campaign: number;
  target: number;
  assignment: number;
  closeCampaign: number;
  govCampaign: number;
  govTarget: number;
  finding: number;
}

export interface AccessTargets {
  gate: number;
  pass: number;
  revokePass: number;
  reissuePass: number;
  shift: number;
  deleteShift: number;
  inspection: number;
  deleteInspection: number;
  photo: string;
}

export interface ObservationTargets {
  /** An observation of A (read, checked in, a new link), and one each to extend, shorten and end. */
  observation: number;
  extendObservation: number;
  shortenObservation: number;
  endObservation: number;
  /** A resident of A with no observation, for the start probe. */
  observeResident: number;
  alert: number;
  task: number;
}

export interface HelperTargets {
  helper: number;
  deleteAssignment: number;
  acceptTask: number;
  declineTask: number;
  completeTask: number;
  hoursEntry: number;
}

export interface PolicyTargets {
  riskArea: number;
  retireRiskArea: number;
  /** The rules in force at A's community, sent back unchanged by the owner's control. */
  rules: unknown[];
  /** Workbooks for the imports (roster CSV, risk areas). */
  rosterCsv: Buffer;
  riskAreasXlsx: Buffer;
}

export interface ScopeSetup {
  targets: ProbeTargets;
  fixture: Fixture;
  /** Cookies of each pair, signed in once. */
  pairs: Record<Pair, { outsider: string; owner: string }>;
  /** What in an answer betrays community A (names only A's objects carry). */
  traces: string[];
}

/** Fails the set-up when an object a probe needs was not created. */
export function need<T extends number | string>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined || value === 0 || value === '' || Number.isNaN(value))
    throw new Error(`scope fixture: ${what} was not created`);
  return value;
}

/** Calls the API as `cookie`, failing the set-up on anything but success. */
export async function call<T = unknown>(
  t: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await t.app.inject({ method, url, headers: { ...headers, cookie }, payload });
  if (res.statusCode >= 300)
    throw new Error(`scope fixture: ${method} ${url} → ${res.statusCode} ${res.body}`);
  return (res.statusCode === 204 ? null : res.json()) as T;
}

export async function accountId(t: TestApp, username: string): Promise<number> {
  const { rows } = await t.services.database.pool.query<{ id: number }>(
    'select id from accounts where username = $1',
    [username],
  );
  return need(rows[0]?.id, `account ${username}`);
}

/** A volunteer of A made through the accounts route, for a probe that changes it. */
async function managedVolunteer(t: TestApp, secretaryA: string, a: PlacesOfA, what: string) {
  const made = await call<{ account: { id: number } }>(t, secretaryA, 'POST', '/api/accounts', {
    username: `probe-${what}-${Math.random().toString(36).slice(2, 10)}`,
    displayName: `甲志愿者${what}`,
    role: 'volunteer',
    scopePlaceId: a.community,
    scopeBuildingIds: [a.buildings[0]],
  });
  return need(made.account.id, `volunteer to ${what}`);
}

/** Two communities (fixture.ts), officers of A's district and of another district, and A's objects. */
export async function createScopeSetup(t: TestApp): Promise<ScopeSetup> {
  const f = await createFixture(t.services);
  const secretaryA = await login(t, f.a.usernames.community_secretary);
  const [b1, b2] = f.a.buildings as [(typeof f.a.buildings)[0], (typeof f.a.buildings)[0]];
  const a: PlacesOfA = {
    community: f.a.community.id,
    compound: f.a.compound.id,
    buildings: [need(b1?.id, 'building 1'), need(b2?.id, 'building 2')],
    entrance: f.a.entrance.id,
    households: f.a.householdIds.map((id, i) => need(id, `household ${i}`)) as PlacesOfA['households'],
  };
  const ctx = { t, f, a, secretaryA };
  const policy = await createPolicyTargets(ctx);
  const records = await createRecordTargets(ctx);
  const campaigns = await createCampaignTargets(ctx);
  const access = await createAccessTargets(ctx, records.residentDoc);
  const observation = await createObservationTargets(ctx);
  const helpers = await createHelperTargets(ctx, records.resident);
  const requests = await createRequestTargets(ctx);
  const reports = await createReportTargets(ctx, policy.officers.owner);
  const targets: ProbeTargets = {
    a,
    b: { community: f.b.community.id, households: f.b.householdIds },
    accountsOfA: {
      socialWorker: await accountId(t, f.a.usernames.social_worker),
      guard: await accountId(t, f.a.usernames.gate_guard),
    },
    managedOfA: {
      edit: await managedVolunteer(t, secretaryA, a, 'edit'),
      disable: await managedVolunteer(t, secretaryA, a, 'disable'),
      enable: await managedVolunteer(t, secretaryA, a, 'enable'),
      reset: await managedVolunteer(t, secretaryA, a, 'reset'),
    },
    files: { jpeg: phoneJpeg() },
    ...records,
    ...campaigns,
    ...access,
    ...observation,
    ...helpers,
    ...requests,
    ...policy.targets,
    ...reports,
  };
  return {
    targets,
    fixture: f,
    pairs: {
      secretary: { outsider: await login(t, f.b.usernames.community_secretary), owner: secretaryA },
      guard: {
        outsider: await login(t, f.b.usernames.gate_guard),
        owner: await login(t, f.a.usernames.gate_guard),
      },
      district: policy.officers,
    },
    traces: [f.a.community.name, f.a.compound.name, ...TRACE_NAMES],
  };
}

/**
 * Names that only A's objects carry (the fixture names B's 乙…): a resident, a gate, a campaign, a form
 * question. An outsider's answer containing one of them shows A.
 */
export const TRACE_NAMES = ['周甲', '甲东门', '甲社区排查', '甲社区消防通道检查', '甲区问题'];

/** What every set-up step receives. */
export interface SetupContext {
  t: TestApp;
  f: Fixture;
  a: PlacesOfA;
  secretaryA: string;
}

/**
 * The same targets with every object of A replaced by one that exists nowhere: a probe built from them
 * asks the same question about nothing, and the outsider's answer must be the same ("out of scope
 * answers as missing"). The outsider's own places, the files and the rules stay.
 */
export function nowhere(c: ProbeTargets): ProbeTargets {
  const missing = (value: unknown): unknown => {
    if (typeof value === 'number') return MISSING_ID;
    if (Array.isArray(value)) return value.map(missing);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, missing(v)]));
    return value;
  };
  const keep = new Set([
    'b',
    'files',
    'rules',
    'rosterCsv',
    'riskAreasXlsx',
    'hotlineXlsx',
    'residentDoc',
    'photo',
  ]);
  const swapped = Object.fromEntries(
    Object.entries(c).map(([key, value]) => [key, keep.has(key) ? value : missing(value)]),
  ) as unknown as ProbeTargets;
  return { ...swapped, residentDoc: NOBODY_DOC, photo: MISSING_PHOTO };
}

/** A valid ID number nobody in the test database holds (born 1 January 1901). */
const NOBODY_DOC = syntheticId('19010101');
