import { type PassPayload, readToken } from '../../../shared/access';
import type { PassKeyStore } from './signing-keys';

/**
 * Reads pass tokens with a memory of the ones already proven genuine. An Ed25519 verification costs
 * about 180 µs in Node's OpenSSL on our machines, and a gate sees the same few thousand passes all day
 * (every resident goes out and comes back), so re-verifying the same bytes is most of a check's CPU.
 *
 * Only genuine tokens are remembered, keyed by the exact token text: a token that verified once under a
 * kid verifies forever under it (a kid's public key never changes; rotation adds a kid, it does not
 * replace one). Whether the pass may still be used — revoked, expired, other compound — is judged on
 * every check from the pass's current state, never from this memory. Forged or altered tokens are
 * checked in full every time.
 */
export interface TokenReader {
  read(token: string): Promise<PassPayload | null>;
  /** Reads answered from memory and in full since start: printed by the benchmark. */
  readonly stats: { remembered: number; verified: number };
}

/** Bounds the memory: about 100 bytes of token and a small payload each, a few MB at most. */
const MAX_REMEMBERED = 50_000;

export function createTokenReader(keys: PassKeyStore, maxRemembered = MAX_REMEMBERED): TokenReader {
  const genuine = new Map<string, PassPayload>();
  const stats = { remembered: 0, verified: 0 };
  return {
    stats,
    async read(token) {
      const known = genuine.get(token);
      if (known) {
        stats.remembered += 1;
        return known;
      }
      stats.verified += 1;
      const payload = await readToken(token, keys.publicKeyMap(), keys.check);
      if (payload) {
        // Oldest first out: a Map iterates in insertion order.
        if (genuine.size >= maxRemembered) genuine.delete(genuine.keys().next().value as string);
        genuine.set(token, payload);
      }
      return payload;
    },
  };
}
