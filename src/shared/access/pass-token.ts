import { addDays, daysBetween, isCalendarDate } from '../time/beijing';
import { fromBase64Url, toBase64Url } from './base64url';

/**
 * The signed token printed in a pass's QR code. Binary and fixed-size so the QR stays low-density and
 * prints well: 18 bytes of payload + a 64-byte Ed25519 signature = 82 bytes = 110 base64url characters.
 *
 * byte  0     format version (1)
 * bytes 1–2   key id (which signing key; old keys stay listed after a rotation)
 * bytes 3–6   pass number (per community, printed on the pass)
 * byte  7     holder kind (1 resident, 2 household, 3 visitor)
 * bytes 8–11  holder id (resident, household or visitor row id — never an ID number or a name)
 * bytes 12–15 compound id (the closed compound whose gates accept it)
 * bytes 16–17 valid until: days since 2020-01-01 (inclusive)
 */
export const PASS_TOKEN_VERSION = 1;
export const PAYLOAD_BYTES = 18;
export const SIGNATURE_BYTES = 64;
export const TOKEN_LENGTH = Math.ceil(((PAYLOAD_BYTES + SIGNATURE_BYTES) * 4) / 3);

export const HOLDER_KINDS = ['resident', 'household', 'visitor'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

export interface PassPayload {
  kid: number;
  passNumber: number;
  holderKind: HolderKind;
  holderId: number;
  compoundId: number;
  /** Last day the pass is valid, Beijing calendar date 'YYYY-MM-DD'. */
  validUntil: string;
}

/** Day 0 of the valid-until field. */
const EPOCH = '2020-01-01';

function dayIndex(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`not a date: ${date}`);
  const n = daysBetween(EPOCH, date);
  if (n < 0 || n > 0xffff) throw new RangeError(`date out of range: ${date}`);
  return n;
}

function uint(n: number, max: number, what: string): number {
  if (!Number.isInteger(n) || n < 0 || n > max) throw new RangeError(`${what} out of range: ${n}`);
  return n;
}

export function encodePayload(p: PassPayload): Uint8Array {
  const bytes = new Uint8Array(PAYLOAD_BYTES);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, PASS_TOKEN_VERSION);
  view.setUint16(1, uint(p.kid, 0xffff, 'kid'));
  view.setUint32(3, uint(p.passNumber, 0xffffffff, 'pass number'));
  view.setUint8(7, HOLDER_KINDS.indexOf(p.holderKind) + 1);
  view.setUint32(8, uint(p.holderId, 0xffffffff, 'holder id'));
  view.setUint32(12, uint(p.compoundId, 0xffffffff, 'compound id'));
  view.setUint16(16, dayIndex(p.validUntil));
  return bytes;
}

export function decodePayload(bytes: Uint8Array): PassPayload | null {
  if (bytes.length !== PAYLOAD_BYTES) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint8(0) !== PASS_TOKEN_VERSION) return null;
  const holderKind = HOLDER_KINDS[view.getUint8(7) - 1];
  if (!holderKind) return null;
  return {
    kid: view.getUint16(1),
    passNumber: view.getUint32(3),
    holderKind,
    holderId: view.getUint32(8),
    compoundId: view.getUint32(12),
    validUntil: addDays(EPOCH, view.getUint16(16)),
  };
}

export function joinToken(payload: Uint8Array, signature: Uint8Array): string {
  const all = new Uint8Array(payload.length + signature.length);
  all.set(payload, 0);
  all.set(signature, payload.length);
  return toBase64Url(all);
}

/** The two halves of a token, or null when it is not even shaped like one. */
export function splitToken(token: string): { payload: Uint8Array; signature: Uint8Array } | null {
  if (token.length !== TOKEN_LENGTH) return null;
  const bytes = fromBase64Url(token);
  if (!bytes || bytes.length !== PAYLOAD_BYTES + SIGNATURE_BYTES) return null;
  return { payload: bytes.subarray(0, PAYLOAD_BYTES), signature: bytes.subarray(PAYLOAD_BYTES) };
}

/** Checks one signature; the server passes Node's crypto, the gate app @noble/ed25519 (WebCrypto SHA-512). */
export type SignatureCheck = (
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
) => boolean | Promise<boolean>;

/**
 * The payload of a genuine token, or null: unknown shape, unknown key or a signature that does not
 * match (forged or altered) all answer the same.
 */
export async function readToken(
  token: string,
  publicKeys: ReadonlyMap<number, Uint8Array>,
  check: SignatureCheck,
): Promise<PassPayload | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  const payload = decodePayload(parts.payload);
  if (!payload) return null;
  const key = publicKeys.get(payload.kid);
  if (!key) return null;
  try {
    return (await check(parts.signature, parts.payload, key)) ? payload : null;
  } catch {
    return null;
  }
}
