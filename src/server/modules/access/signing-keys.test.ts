import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload, joinToken, readToken } from '../../../shared/access';
import { openPassKeyStore } from './signing-keys';

const payload = encodePayload({
  kid: 1,
  passNumber: 7,
  holderKind: 'resident',
  holderId: 9,
  compoundId: 3,
  validUntil: '2020-05-01',
});

describe('pass signing keys', () => {
  it('creates the key on first start as an owner-only file and finds it again on the next', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pass-keys-'));
    const first = openPassKeyStore(dir);
    expect(first.activeKid).toBe(1);
    expect(statSync(path.join(dir, 'pass-key-1.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, 'pass-key-1.pem'), 'utf8')).toContain('PRIVATE KEY');
    const token = joinToken(payload, first.signPayload(payload));
    const again = openPassKeyStore(dir);
    expect(again.publicKeys()).toEqual(first.publicKeys());
    expect(await readToken(token, again.publicKeyMap(), again.check)).not.toBeNull();
  });

  it('rotates: the old private key is deleted, its public key stays so old passes still verify', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pass-keys-'));
    const store = openPassKeyStore(dir);
    const old = joinToken(payload, store.signPayload(payload));
    expect(store.rotate()).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['pass-key-1.pub', 'pass-key-2.pem', 'pass-key-2.pub']);
    expect(store.publicKeys().map((k) => [k.kid, k.active])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(await readToken(old, store.publicKeyMap(), store.check)).not.toBeNull();
    const reopened = openPassKeyStore(dir);
    expect(reopened.activeKid).toBe(2);
  });

  it('another instance on the same directory signs with the new key after reload, and verifies both', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pass-keys-'));
    const a = openPassKeyStore(dir);
    const b = openPassKeyStore(dir);
    const before = joinToken(payload, b.signPayload(payload));
    const kid = a.rotate();
    expect(b.reload()).toBe(true);
    expect(b.activeKid).toBe(kid);
    expect(b.publicKeys().map((k) => [k.kid, k.active])).toEqual([
      [1, false],
      [2, true],
    ]);
    // B now signs with the key A made: A verifies it; both still verify what B signed before.
    const decoded = decodePayload(payload);
    if (!decoded) throw new Error('payload');
    const next = encodePayload({ ...decoded, kid });
    const after = joinToken(next, b.signPayload(next));
    expect(await readToken(after, a.publicKeyMap(), a.check)).not.toBeNull();
    expect(await readToken(before, a.publicKeyMap(), a.check)).not.toBeNull();
    expect(b.reload()).toBe(false);
  });
});
