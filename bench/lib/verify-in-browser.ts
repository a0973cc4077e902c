// Bundled by bench/pass-print.ts (esbuild, IIFE) and run inside Chromium: the gate app's own offline
// check (shared codec + @noble/ed25519 over WebCrypto + the shared verdict rule) over a list of tokens.
import { judgePass, readToken } from '../../src/shared/access';
import { nobleCheck } from '../../src/shared/access/verify-noble';

function fromB64(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export async function verifyAll(
  tokens: string[],
  keys: Array<{ kid: number; key: string }>,
  compoundId: number,
) {
  const map = new Map(keys.map((k) => [k.kid, fromB64(k.key)]));
  const knowledge = {
    compoundId,
    today: '2020-01-01',
    revoked: new Set<number>(),
    mustNotGoOut: new Set<number>(),
  };
  const started = performance.now();
  let valid = 0;
  for (const token of tokens) {
    if (judgePass(await readToken(token, map, nobleCheck), 'in', knowledge) === 'valid') valid += 1;
  }
  return { ms: performance.now() - started, valid };
}
