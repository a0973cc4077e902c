export type DemoPlaceKind =
  | 'district'
  | 'subdistrict'
  | 'community'
  | 'compound'
  | 'building'
  | 'bungalow_area'
  | 'entrance';

export interface DemoPlace {
  key: string;
  parentKey: string | null;
  kind: DemoPlaceKind;
  name: string;
  code: string;
  sortKey: number;
}

export interface DemoGate {
  compoundKey: string;
  name: string;
  vehiclesAllowed: boolean;
  openingHours: string;
}

export interface DemoHousehold {
  key: string;
  communityKey: string;
  buildingKey: string;
  entranceKey: string | null;
  floor: number | null;
  room: string;
  vacant: boolean;
}

export type DemoRelation =
  | 'self'
  | 'spouse'
  | 'child'
  | 'parent'
  | 'grandchild'
  | 'sibling'
  | 'tenant'
  | 'other';
export type DemoResidenceType = 'registered' | 'long_term_renter' | 'floating';

export interface DemoResident {
  householdKey: string;
  communityKey: string;
  name: string;
  gender: 'male' | 'female';
  docType: 'resident_id';
  docNumber: string;
  phone: string | null;
  birthDate: string;
  relationToHead: DemoRelation;
  residenceType: DemoResidenceType;
  tags: string[];
  notes: string | null;
}

export interface DemoOrganisation {
  communityKey: string;
  name: string;
  kind: string;
  address: string;
  contactName: string;
  contactPhone: string;
  staffCount: number;
}

export interface DemoPartyBranch {
  communityKey: string;
  name: string;
  secretaryName: string;
  memberCount: number;
}

export type DemoRole =
  | 'district_officer'
  | 'subdistrict_officer'
  | 'community_secretary'
  | 'social_worker'
  | 'volunteer'
  | 'gate_guard';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: DemoRole;
  /** A place key, or '*' for the whole tree (there is no 北京市 place above the districts). */
  scopeKey: string;
  scopeBuildingKeys?: string[];
}

export interface DemoData {
  places: DemoPlace[];
  gates: DemoGate[];
  households: DemoHousehold[];
  residents: DemoResident[];
  organisations: DemoOrganisation[];
  partyBranches: DemoPartyBranch[];
  accounts: DemoAccount[];
}
