import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Encryption at rest for ID numbers, phones and health answers (AES-256-GCM), and a keyed hash for
 * looking them up without decrypting. Both keys derive from one master key so there is one secret to
 * keep; rotating it means re-encrypting, which `dashu` can do offline.
 */
export interface Vault {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  /** HMAC-SHA256 of an already normalised value, hex. Same input → same hash, so it can be indexed. */
  hash(normalized: string): string;
}

const FORMAT = 'v1';

export function createVault(masterKey: Buffer): Vault {
  if (masterKey.length !== 32) throw new Error('master key must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'dashu-enc', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'dashu-mac', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${FORMAT}.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
    },
    decrypt(value) {
      const [format, iv, body, tag] = value.split('.');
      if (format !== FORMAT || iv === undefined || body === undefined || tag === undefined) {
        throw new Error('unknown ciphertext format');
      }
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    hash(normalized) {
      return createHmac('sha256', macKey).update(normalized).digest('hex');
    },
  };
}

/** The key from config, or from the key file, which the first start creates readable by its owner only. */
export function loadMasterKey(options: { secretKey: string | undefined; keyFile: string }): Buffer {
  if (options.secretKey) return Buffer.from(options.secretKey, 'base64');
  if (existsSync(options.keyFile)) {
    const key = Buffer.from(readFileSync(options.keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`key file ${options.keyFile} does not hold a 32-byte base64 key`);
    return key;
  }
  mkdirSync(path.dirname(options.keyFile), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(options.keyFile, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(options.keyFile, 0o600);
  return key;
}
