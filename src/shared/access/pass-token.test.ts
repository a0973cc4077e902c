import { generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url';
import { maskName } from './mask-name';
import {
  decodePayload,
  encodePayload,
  joinToken,
  type PassPayload,
  readToken,
  type SignatureCheck,
  TOKEN_LENGTH,
} from './pass-token';
import { judgePass } from './verdict';
import { nobleCheck } from './verify-noble';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(12));
const keys = new Map([[3, raw]]);
const nodeCheck: SignatureCheck = (sig, msg) => verify(null, msg, publicKey, sig);

const payload: PassPayload = {
  kid: 3,
  passNumber: 1234,
  holderKind: 'household',
  holderId: 98765,
  compoundId: 42,
  validUntil: '2020-06-30',
};
const tokenOf = (p: PassPayload) => {
  const bytes = encodePayload(p);
  return joinToken(bytes, new Uint8Array(sign(null, bytes, privateKey)));
};

const arbPayload = fc.record({
  kid: fc.integer({ min: 0, max: 0xffff }),
  passNumber: fc.integer({ min: 0, max: 0xffffffff }),
  holderKind: fc.constantFrom('resident' as const, 'household' as const, 'visitor' as const),
  holderId: fc.integer({ min: 0, max: 0xffffffff }),
  compoundId: fc.integer({ min: 0, max: 0xffffffff }),
  validUntil: fc
    .integer({ min: 0, max: 0xffff })
    .map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
});

describe('pass token', () => {
  it('round-trips every payload and is always 110 characters', () => {
    fc.assert(
      fc.property(arbPayload, (p) => {
        expect(decodePayload(encodePayload(p))).toEqual(p);
        expect(joinToken(encodePayload(p), new Uint8Array(64))).toHaveLength(TOKEN_LENGTH);
      }),
    );
  });

  it('base64url matches Node and refuses non-canonical text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
    expect(fromBase64Url('AB')).toBeNull(); // leftover bits not zero
    expect(fromBase64Url('A+==')).toBeNull();
  });

  it('verifies a genuine token with both Node crypto and @noble/ed25519', async () => {
    const token = tokenOf(payload);
    expect(await readToken(token, keys, nodeCheck)).toEqual(payload);
    expect(await readToken(token, keys, nobleCheck)).toEqual(payload);
  });

  it('refuses a token whose key id is not listed', async () => {
    expect(await readToken(tokenOf({ ...payload, kid: 4 }), keys, nodeCheck)).toBeNull();
  });

  it('refuses any token with any byte altered (both verifiers)', async () => {
    const bytes = fromBase64Url(tokenOf(payload)) as Uint8Array;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (index, flip) => {
          const altered = bytes.slice();
          altered[index] = (altered[index] as number) ^ flip;
          const token = toBase64Url(altered);
          expect(await readToken(token, keys, nodeCheck)).toBeNull();
          expect(await readToken(token, keys, nobleCheck)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a payload signed by another key under a listed kid (forgery)', async () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const bytes = encodePayload(payload);
    const forged = joinToken(bytes, new Uint8Array(sign(null, bytes, other)));
    expect(await readToken(forged, keys, nodeCheck)).toBeNull();
    expect(await readToken(forged, keys, nobleCheck)).toBeNull();
    expect(await readToken('not-a-token', keys, nodeCheck)).toBeNull();
  });
});

describe('judgePass', () => {
  const k = {
    compoundId: 42,
    today: '2020-03-01',
    revoked: new Set<number>(),
    mustNotGoOut: new Set<number>(),
  };
  it('gives each verdict', () => {
    expect(judgePass(null, 'in', k)).toBe('unknown');
    expect(judgePass(payload, 'in', k)).toBe('valid');
    expect(judgePass(payload, 'in', { ...k, revoked: new Set([1234]) })).toBe('revoked');
    expect(judgePass({ ...payload, validUntil: '2020-02-29' }, 'in', k)).toBe('expired');
    expect(judgePass(payload, 'in', { ...k, compoundId: 7 })).toBe('other_compound');
    expect(judgePass(payload, 'out', { ...k, mustNotGoOut: new Set([1234]) })).toBe('must_not_go_out');
    // Coming home while under observation is allowed.
    expect(judgePass(payload, 'in', { ...k, mustNotGoOut: new Set([1234]) })).toBe('valid');
    // The last valid day is still valid.
    expect(judgePass({ ...payload, validUntil: '2020-03-01' }, 'in', k)).toBe('valid');
  });
});

describe('maskName', () => {
  it('keeps enough to match a face, never the whole name', () => {
    expect(maskName('张明')).toBe('张*');
    expect(maskName('张小明')).toBe('张*明');
    expect(maskName('欧阳小明')).toBe('欧阳**');
    expect(maskName('王')).toBe('王');
  });
});
