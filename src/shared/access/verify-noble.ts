import { verifyAsync } from '@noble/ed25519';
import type { SignatureCheck } from './pass-token';

/**
 * Browser-side check (the gate app, offline): @noble/ed25519 hashes with WebCrypto's SHA-512, which
 * older phones have, and never needs the network. `zip215: false` is the strict RFC 8032 rule that
 * Node's crypto also applies, so both sides accept exactly the same signatures.
 */
export const nobleCheck: SignatureCheck = (signature, message, publicKey) =>
  verifyAsync(signature, message, publicKey, { zip215: false });
