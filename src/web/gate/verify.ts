import {
  type Direction,
  type GateHolder,
  type GateKnowledge,
  judgePass,
  type PassPayload,
  readToken,
  TOKEN_LENGTH,
  type Verdict,
} from '../../shared/access';
import { nobleCheck } from '../../shared/access/verify-noble';
import type { GateDoor, OfflineBundle } from './gate-api';

/** The bundle turned into lookups once, not per scan. */
export interface Knowledge extends GateKnowledge {
  keys: Map<number, Uint8Array>;
  active: Map<number, string>;
  compoundName: string;
  /** The compound's doors by household id, in the server's order (a visitor's destination). */
  doors: Map<number, GateDoor>;
  /** Per active pass: its door and the holder's masked name. */
  holders: Map<number, { door: number; name: string | null }>;
}

function fromB64(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export function knowledgeOf(bundle: OfflineBundle, today: string): Knowledge {
  return {
    compoundId: bundle.compoundId,
    today,
    revoked: new Set(bundle.revoked),
    mustNotGoOut: new Set(bundle.mustNotGoOut),
    keys: new Map(bundle.keys.map((k) => [k.kid, fromB64(k.key)])),
    active: new Map(bundle.activePasses),
    compoundName: bundle.compoundName ?? '',
    // A list kept from an older app version has no doors nor holders: the verdict then shows none.
    doors: new Map((bundle.doors ?? []).map((d) => [d.id, d])),
    holders: new Map((bundle.passHolders ?? []).map(([n, door, name]) => [n, { door, name }])),
  };
}

/** Whose pass a number of this compound is, from the offline list: masked name, door, people there. */
export function holderOf(number: number, k: Knowledge): GateHolder | undefined {
  const held = k.holders.get(number);
  const door = held && k.doors.get(held.door);
  if (!held || !door) return undefined;
  return {
    name: held.name,
    compound: k.compoundName,
    building: door.building,
    unit: door.unit,
    room: door.room,
    holders: door.holders,
  };
}

export type Typed =
  | { kind: 'token'; token: string }
  | { kind: 'number'; number: number }
  | { kind: 'document'; text: string };

/** What the guard typed (or a scanner typed for them): a whole token, a pass number or an ID number. */
export function classify(input: string): Typed | null {
  const text = input.trim();
  if (text.length === TOKEN_LENGTH && /^[A-Za-z0-9_-]+$/.test(text)) return { kind: 'token', token: text };
  if (/^\d{1,7}$/.test(text)) return { kind: 'number', number: Number(text) };
  if (/^[0-9A-Za-z]{8,20}$/.test(text)) return { kind: 'document', text };
  return null;
}

export interface LocalVerdict {
  verdict: Verdict;
  payload: PassPayload | null;
  holder?: GateHolder;
}

/** Verifies the signature on the phone (no network) and applies the shared rule. */
export async function verifyToken(token: string, direction: Direction, k: Knowledge): Promise<LocalVerdict> {
  const payload = await readToken(token, k.keys, nobleCheck);
  const verdict = judgePass(payload, direction, k);
  // Only a resident or household pass of this compound has its holder in the list.
  const own = payload && payload.holderKind !== 'visitor' && payload.compoundId === k.compoundId;
  const holder = own ? holderOf(payload.passNumber, k) : undefined;
  return { verdict, payload, ...(holder ? { holder } : {}) };
}

/** A typed number: judged from the cached list of the compound's passes. */
export function verifyNumber(number: number, direction: Direction, k: Knowledge): LocalVerdict {
  if (k.revoked.has(number)) return { verdict: 'revoked', payload: null };
  const validUntil = k.active.get(number);
  // A number no pass of this compound has: most often a typo, never called forged.
  if (!validUntil) return { verdict: 'not_found', payload: null };
  const payload: PassPayload = {
    kid: 0,
    passNumber: number,
    holderKind: 'household',
    holderId: 0,
    compoundId: k.compoundId,
    validUntil,
  };
  const holder = holderOf(number, k);
  return { verdict: judgePass(payload, direction, k), payload, ...(holder ? { holder } : {}) };
}
