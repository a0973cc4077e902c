import type { Label } from '../people/people-enums';

// The pieces an audit sentence is made of (audit-sentence.ts builds them; the server sends them, the
// console and any export render them). Names arrive here already masked by the server.

/** Where a named object opens in the console. */
export const AUDIT_LINK_KINDS = [
  'resident',
  'household',
  'place',
  'account',
  'request',
  'campaign',
  'import_job',
] as const;
export type AuditLinkKind = (typeof AUDIT_LINK_KINDS)[number];

/** One piece of a sentence in both languages; a named object carries where it opens. */
export interface AuditPart {
  zh: string;
  en: string;
  link?: { kind: AuditLinkKind; id: number };
}

/** The person an entry is about, as the audit viewer may see them: masked name, door. */
export interface AuditPerson {
  id: number;
  /** Masked (王*明): the audit log shows no more of a person than a list does. */
  name: string;
  householdId: number | null;
  /** 紫萝园小区 1号楼 1单元 101 */
  address: string | null;
}

/** The names the server looked up for one entry (every id it mentions that it could name). */
export interface AuditNames {
  person?: AuditPerson | null;
  /** The door an entry is about when it is not a person's (a pass, a new household). */
  household?: { id: number; address: string } | null;
  /** Places by id, named with their compound (紫萝园小区 3号楼). */
  places: Record<number, string>;
  /** Doors by id (a move's from and to). */
  households: Record<number, string>;
  /** Accounts by id: 李梅（limei）. */
  accounts: Record<number, string>;
  gates: Record<number, string>;
  /** The community of the entry, for community-wide actions (exports, settings). */
  community?: string | null;
}

export const text = (zh: string, en: string = zh): AuditPart => ({ zh, en });
export const label = (l: Label): AuditPart => ({ zh: l.zh, en: l.en });
export const named = (name: string, kind?: AuditLinkKind, id?: number | null): AuditPart =>
  kind && typeof id === 'number' ? { zh: name, en: name, link: { kind, id } } : { zh: name, en: name };

/** A code as its name; an unknown code is shown as it is rather than dropped. */
export function labelOf(labels: Readonly<Record<string, Label>>, code: unknown): AuditPart {
  if (typeof code === 'string' && Object.hasOwn(labels, code)) return label(labels[code] as Label);
  return text(code === null || code === undefined ? '—' : String(code));
}

/** Several codes as names: 发烧、咳嗽 / Fever, Cough. */
export function labelsOf(labels: Readonly<Record<string, Label>>, codes: unknown): AuditPart {
  const list = Array.isArray(codes) ? codes : [];
  const parts = list.map((c) => labelOf(labels, c));
  return text(parts.map((p) => p.zh).join('、') || '—', parts.map((p) => p.en).join(', ') || '—');
}

export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** What of an audit row a sentence is made from. */
export interface AuditFacts {
  action: string;
  entity: string;
  entityId: number | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
}

export type Ctx = { e: AuditFacts; d: Record<string, unknown>; n: AuditNames };

/** 王*明（紫萝园小区 1号楼 1单元 101）, each linked to its page; "a resident" when it is gone. */
export function personParts(n: AuditNames): AuditPart[] {
  const p = n.person;
  if (!p) return [text('某居民', 'a resident')];
  const parts = [named(p.name, 'resident', p.id)];
  if (p.address) parts.push(text('（', ' ('), named(p.address, 'household', p.householdId), text('）', ')'));
  return parts;
}

export function householdParts(n: AuditNames, id: unknown): AuditPart {
  const known = typeof id === 'number' ? n.households[id] : undefined;
  if (known) return named(known, 'household', id as number);
  if (n.household) return named(n.household.address, 'household', n.household.id);
  return text('某住户', 'a household');
}

export function placePart(n: AuditNames, id: unknown): AuditPart {
  const name = typeof id === 'number' ? n.places[id] : undefined;
  return name ? named(name, 'place', id as number) : text('某地点', 'a place');
}

export function accountPart(n: AuditNames, id: unknown): AuditPart {
  const name = typeof id === 'number' ? n.accounts[id] : undefined;
  return name ? named(name, 'account', id as number) : text('某账号', 'an account');
}

/** The sentence in one language, as plain text (an export's cell, a test's expectation). */
export function sentenceText(parts: readonly AuditPart[], lang: 'zh' | 'en'): string {
  return parts.map((p) => p[lang]).join('');
}
