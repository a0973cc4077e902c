export const ROLES = [
  'district_officer',
  'subdistrict_officer',
  'community_secretary',
  'social_worker',
  'volunteer',
  'gate_guard',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  district_officer: { zh: '区级干部', en: 'District officer' },
  subdistrict_officer: { zh: '街道干部', en: 'Sub-district officer' },
  community_secretary: { zh: '社区书记', en: 'Community secretary' },
  social_worker: { zh: '社工', en: 'Social worker' },
  volunteer: { zh: '志愿者/楼门长', en: 'Volunteer / building captain' },
  gate_guard: { zh: '门岗', en: 'Gate guard' },
};

/**
 * What each role may do. Kept as one table so the server enforces and the console hides the same things.
 * Officers above a community read across it but do not edit residents nor reveal them: least privilege.
 */
export const PERMISSIONS = {
  'registry.read': [
    'district_officer',
    'subdistrict_officer',
    'community_secretary',
    'social_worker',
    'volunteer',
  ],
  'registry.write': ['community_secretary', 'social_worker'],
  'registry.reveal': ['community_secretary', 'social_worker'],
  'registry.import': ['community_secretary', 'social_worker'],
  'places.write': ['district_officer', 'subdistrict_officer', 'community_secretary'],
  'audit.read': ['district_officer', 'subdistrict_officer', 'community_secretary'],
  'accounts.manage': ['district_officer', 'subdistrict_officer', 'community_secretary'],
  /** Risk areas and status rules are set centrally, not by each community. */
  'rules.write': ['district_officer'],
  'declarations.read': [
    'district_officer',
    'subdistrict_officer',
    'community_secretary',
    'social_worker',
    'volunteer',
  ],
  /**
   * Residents' own declarations that wait for staff (a name not the registry's, a verified person's
   * change, a status staff set): the community's staff confirm or reject them, never volunteers.
   */
  'declarations.review': ['community_secretary', 'social_worker'],
  /** Volunteers fill the form at the door or on the phone (R1). */
  'declarations.write': ['community_secretary', 'social_worker', 'volunteer'],
  /** Screening campaigns (R1): officers above the community watch progress; staff run them. */
  'campaigns.read': ['district_officer', 'subdistrict_officer', 'community_secretary', 'social_worker'],
  'campaigns.manage': ['community_secretary', 'social_worker'],
  /** Going door to door: the phone page and recording visits. */
  'campaigns.visit': ['community_secretary', 'social_worker', 'volunteer'],
  /**
   * Taking photos in the field; each purpose also needs its own permission (photos.service: findings need
   * campaigns.visit, inspections duty.inspect). A photo is read by whoever may see the record it is attached to.
   */
  'photos.write': ['community_secretary', 'social_worker', 'volunteer', 'gate_guard'],
  /** The building profile and grid (动态楼宇): volunteers see their own buildings. */
  'buildings.read': [
    'district_officer',
    'subdistrict_officer',
    'community_secretary',
    'social_worker',
    'volunteer',
  ],
  /** Passes, gate checks and duty, read across the area (officers watch, the community acts). */
  'access.read': ['district_officer', 'subdistrict_officer', 'community_secretary', 'social_worker'],
  /** Issue, revoke, reissue and print passes; gates' shifts. */
  'access.manage': ['community_secretary', 'social_worker'],
  /** Work a gate: scan passes, record checks and visitors (volunteers take gate shifts too). */
  'gate.check': ['gate_guard', 'community_secretary', 'social_worker', 'volunteer'],
  /** Duty inspections of the gates (R8): the secretary walks between them. */
  'duty.inspect': ['community_secretary'],
  /**
   * One signing key serves every community of the installation, so rotating it (and re-issuing every
   * pass) is a district decision, not one community's.
   */
  'access.keys': ['district_officer'],
  /** The timed jobs (purge, vacuum, imports …) and their failures: watched by the district (and city). */
  'jobs.read': ['district_officer'],
  /** Home and centralised observation (R9): officers above the community watch the counts and lists. */
  'observation.read': ['district_officer', 'subdistrict_officer', 'community_secretary', 'social_worker'],
  /** Start, extend, end observations; eligibility; tasks. */
  'observation.manage': ['community_secretary', 'social_worker'],
  /** Record a check-in by phone or at the door; acknowledge an alert. */
  'observation.checkin': ['community_secretary', 'social_worker'],
  /** Shortening an observation needs the secretary (or an officer above). */
  'observation.shorten': ['district_officer', 'subdistrict_officer', 'community_secretary'],
  /** People who help (R4, R6, R11): helpers, building coverage, care needs and tasks, hours; read across the area. */
  'helpers.read': ['district_officer', 'subdistrict_officer', 'community_secretary', 'social_worker'],
  'helpers.manage': ['community_secretary', 'social_worker'],
  /** Taking and completing care tasks on a phone (volunteers), or on a helper's behalf (staff). */
  'care.tasks': ['community_secretary', 'social_worker', 'volunteer'],
  /**
   * Dashboards (issue 17): officers above the community and the community's staff; the rows behind a
   * number are lists of residents, so this also needs registry.read (every role here has it).
   */
  'dashboards.read': ['district_officer', 'subdistrict_officer', 'community_secretary', 'social_worker'],
  /** The daily report: the community corrects and resubmits, the sub-district (or district) confirms. */
  'reports.submit': ['community_secretary', 'social_worker'],
  'reports.confirm': ['district_officer', 'subdistrict_officer'],
  /** Big-screen links: officers above the community create and revoke them. */
  'screens.manage': ['district_officer', 'subdistrict_officer'],
  /** Installation-wide settings (the public address QR codes use): city and district officers. */
  'settings.write': ['district_officer'],
  /** Residents' requests (接诉即办): officers above the community watch lists and rates; staff handle them. */
  'requests.read': ['district_officer', 'subdistrict_officer', 'community_secretary', 'social_worker'],
  'requests.write': ['community_secretary', 'social_worker'],
  /** Leaving a request out of the rates (duplicate, outside the remit, malicious): the secretary approves. */
  'requests.approve': ['community_secretary'],
  /** Categories and their time limits are the district's. */
  'requests.categories': ['district_officer'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Which roles an account of `role` may create: never one above itself. */
export const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  district_officer: ROLES,
  subdistrict_officer: [
    'subdistrict_officer',
    'community_secretary',
    'social_worker',
    'volunteer',
    'gate_guard',
  ],
  community_secretary: ['social_worker', 'volunteer', 'gate_guard'],
  social_worker: [],
  volunteer: [],
  gate_guard: [],
};
