import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SignatureCheck } from '../../../shared/access';

/**
 * The pass-signing keys. They live in files in the data directory (private key readable by its owner
 * only), never in the database: a database dump or backup must not let anyone print passes.
 *
 *   <dir>/pass-key-<kid>.pem   private key, PKCS#8, mode 0600 — only the newest (active) one is kept
 *   <dir>/pass-key-<kid>.pub   public key, raw 32 bytes base64url — kept for every kid so that passes
 *                              signed before a rotation still verify until they are re-issued
 *
 * Several instances share the directory (DASHU_PASS_KEY_DIR, like the photo directory): it is the one
 * place the private key may live, so it is also where the others find the public keys. After a rotation
 * on one instance a change notice ('keys') makes every other `reload()` it: they sign with the new key
 * at once, stop signing with the retired one, and accept passes signed by either.
 */
export interface PublicKeyInfo {
  kid: number;
  /** Raw 32-byte Ed25519 public key, base64url: what the gate app caches. */
  key: string;
  active: boolean;
}

export interface PassKeyStore {
  readonly activeKid: number;
  signPayload(payload: Uint8Array): Uint8Array;
  publicKeys(): PublicKeyInfo[];
  /** kid → raw public key, for `readToken`. */
  publicKeyMap(): ReadonlyMap<number, Uint8Array>;
  check: SignatureCheck;
  /** Makes a new active key; the previous private key is deleted, its public key stays listed. */
  rotate(): number;
  /**
   * Reads the directory again (another instance rotated): the newest private key becomes the active one
   * and every public key is listed. Answers whether the active key changed.
   */
  reload(): boolean;
}

const PRIVATE = /^pass-key-(\d+)\.pem$/;
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function rawPublic(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

function publicFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function openPassKeyStore(dir: string): PassKeyStore {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const kids = () =>
    readdirSync(dir)
      .map((f) => PRIVATE.exec(f)?.[1])
      .filter((k): k is string => k !== undefined)
      .map(Number)
      .sort((a, b) => a - b);

  function create(kid: number): KeyObject {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const file = path.join(dir, `pass-key-${kid}.pem`);
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    chmodSync(file, 0o600);
    writeFileSync(path.join(dir, `pass-key-${kid}.pub`), `${rawPublic(publicKey).toString('base64url')}\n`);
    return privateKey;
  }

  // First start: no key yet, so key 1 is made now.
  let activeKid = kids().at(-1) ?? 1;
  const activeFile = path.join(dir, `pass-key-${activeKid}.pem`);
  let privateKey = existsSync(activeFile) ? createPrivateKey(readFileSync(activeFile)) : create(activeKid);

  // Verification runs on every gate check: parsed key objects are kept, not re-read per call.
  let publicCache = new Map<number, { raw: Uint8Array; object: KeyObject }>();
  function loadPublic() {
    publicCache = new Map();
    for (const file of readdirSync(dir)) {
      const kid = /^pass-key-(\d+)\.pub$/.exec(file)?.[1];
      if (kid === undefined) continue;
      const raw = new Uint8Array(Buffer.from(readFileSync(path.join(dir, file), 'utf8').trim(), 'base64url'));
      if (raw.length === 32) publicCache.set(Number(kid), { raw, object: publicFromRaw(raw) });
    }
  }
  loadPublic();
  const objectByRaw = new WeakMap<Uint8Array, KeyObject>();
  for (const { raw, object } of publicCache.values()) objectByRaw.set(raw, object);

  return {
    get activeKid() {
      return activeKid;
    },
    reload() {
      const newest = kids().at(-1);
      const changed = newest !== undefined && newest !== activeKid;
      if (newest !== undefined && changed) {
        privateKey = createPrivateKey(readFileSync(path.join(dir, `pass-key-${newest}.pem`)));
        activeKid = newest;
      }
      loadPublic();
      for (const { raw, object } of publicCache.values()) objectByRaw.set(raw, object);
      return changed;
    },
    signPayload: (payload) => new Uint8Array(sign(null, payload, privateKey)),
    publicKeys: () =>
      [...publicCache.entries()]
        .sort(([a], [b]) => a - b)
        .map(([kid, { raw }]) => ({
          kid,
          key: Buffer.from(raw).toString('base64url'),
          active: kid === activeKid,
        })),
    publicKeyMap: () => new Map([...publicCache.entries()].map(([kid, v]) => [kid, v.raw])),
    check: (signature, message, publicKey) =>
      verify(null, message, objectByRaw.get(publicKey) ?? publicFromRaw(publicKey), signature),
    rotate() {
      const previous = activeKid;
      const next = Math.max(previous, ...publicCache.keys()) + 1;
      privateKey = create(next);
      activeKid = next;
      const old = path.join(dir, `pass-key-${previous}.pem`);
      if (existsSync(old)) rmSync(old);
      loadPublic();
      for (const { raw, object } of publicCache.values()) objectByRaw.set(raw, object);
      return next;
    },
  };
}
