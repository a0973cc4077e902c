import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with its defaults (19 MiB, 2 passes): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** Verified against when the username is unknown, so timing does not tell which usernames exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('dashu-no-such-account');
  return dummyHash;
}

export function isAcceptablePassword(password: string, username: string): boolean {
  return password.length >= 10 && password.toLowerCase() !== username.toLowerCase();
}
