import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePayload, joinToken, type PassPayload, splitToken } from '../../../shared/access';
import { openPassKeyStore } from './signing-keys';
import { createTokenReader } from './verified-tokens';

const pass = (passNumber: number): PassPayload => ({
  kid: 1,
  passNumber,
  holderKind: 'household',
  holderId: passNumber,
  compoundId: 3,
  validUntil: '2020-05-01',
});

function setUp(maxRemembered?: number) {
  const keys = openPassKeyStore(mkdtempSync(path.join(os.tmpdir(), 'pass-keys-')));
  const sign = (p: PassPayload) => {
    const bytes = encodePayload(p);
    return joinToken(bytes, keys.signPayload(bytes));
  };
  return { keys, sign, reader: createTokenReader(keys, maxRemembered) };
}

describe('verified-token memory', () => {
  it('verifies a genuine token once, then answers it from memory with the same payload', async () => {
    const { sign, reader } = setUp();
    const token = sign(pass(7));
    expect(await reader.read(token)).toMatchObject({ passNumber: 7, compoundId: 3 });
    expect(await reader.read(token)).toMatchObject({ passNumber: 7, compoundId: 3 });
    expect(reader.stats).toEqual({ verified: 1, remembered: 1 });
  });

  it('never remembers a forged or altered token: each is refused after a full check', async () => {
    const { sign, reader } = setUp();
    const genuine = splitToken(sign(pass(7)));
    if (!genuine) throw new Error('token did not split');
    // The payload of pass 8 under pass 7's signature: an alteration.
    const altered = joinToken(encodePayload(pass(8)), genuine.signature);
    expect(await reader.read(altered)).toBeNull();
    expect(await reader.read(altered)).toBeNull();
    expect(await reader.read('not-a-token')).toBeNull();
    expect(reader.stats).toEqual({ verified: 3, remembered: 0 });
  });

  it('keeps at most its bound, dropping the oldest first', async () => {
    const { sign, reader } = setUp(2);
    const [a, b, c] = [sign(pass(1)), sign(pass(2)), sign(pass(3))];
    for (const token of [a, b, c]) await reader.read(token);
    await reader.read(c);
    await reader.read(a); // dropped when c came in: verified again
    expect(reader.stats).toEqual({ verified: 4, remembered: 1 });
  });

  it('still verifies tokens signed before a rotation', async () => {
    const { keys, sign, reader } = setUp();
    const old = sign(pass(5));
    keys.rotate();
    expect(await reader.read(old)).toMatchObject({ passNumber: 5 });
  });
});
