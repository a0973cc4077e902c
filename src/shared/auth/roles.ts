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
  /** Volunteers fill the form at the door or on the phone (R1). */
  'declarations.write': ['community_secretary', 'social_worker', 'volunteer'],
  /** Screening campaigns (R1): officers above the community watch progress; staff run them. */
  'campaigns.read': ['district_officer', 'subdistrict_officer', 'community_secretary', 'social_worker'],
  'campaigns.manage': ['community_secretary', 'social_worker'],
  /** Going door to door: the phone page and recording visits. */
  'campaigns.visit': ['community_secretary', 'social_worker', 'volunteer'],
  /** Taking photos in the field (campaign findings, gate inspections); reading them needs only the scope. */
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
