import { isIP } from 'node:net';
import path from 'node:path';
import { checkPublicUrl } from '../shared/settings/public-url';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Where photos are kept (DASHU_PHOTO_DIR); by default `photos` in the data directory. */
  photoDir: string;
  /**
   * Where the pass-signing keys are kept (DASHU_PASS_KEY_DIR); by default `pass-keys` in the data
   * directory. Every instance on one database must see the same directory (signing-keys.ts).
   */
  passKeyDir: string;
  /**
   * Put before every public rate-limit key (DASHU_RATE_LIMIT_NAMESPACE, default none): the instances of
   * one installation share it; tests give each app its own so their counts stay apart.
   */
  rateLimitNamespace: string;
  /**
   * Where uploaded rosters wait for their import job (DASHU_UPLOAD_DIR; by default `uploads` in the data
   * directory). Any instance may run the job: with several instances it must be a directory they share.
   */
  uploadDir: string;
  /** Photos one account may upload per Beijing day (DASHU_PHOTOS_PER_DAY). */
  photosPerDay: number;
  /** Megabytes of photos one community may keep (DASHU_PHOTO_STORAGE_MB). */
  photoStorageMb: number;
  databaseUrl: string | undefined;
  demo: boolean;
  /** Base64 of 32 bytes; when absent the key file in the data directory is used (created on first start). */
  secretKey: string | undefined;
  keyFile: string;
  sessionHours: number;
  /** Wrong passwords from one address on one account before that pair is locked (DASHU_LOCKOUT_ATTEMPTS). */
  lockoutAttempts: number;
  /** The window the sign-in counters cover, and how long a lock lasts. */
  lockoutMinutes: number;
  /** Failed sign-ins from one address (any usernames) in the window before the address is refused. */
  loginAddressLimit: number;
  /** Failed sign-ins on one account (from anywhere) in the window that raise an alarm to its managers. */
  loginAlarmThreshold: number;
  /**
   * Which proxies may name the client (X-Forwarded-For/-Proto/-Host), as Fastify's `trustProxy`: false
   * (nobody: the socket's address is the client), a number of hops, or a list of addresses and CIDRs.
   */
  trustProxy: boolean | number | string[];
  /** The addresses (origins) the site is reached at when a proxy changes the Host header. */
  publicOrigins: string[];
  /** DASHU_PUBLIC_URL: the address QR codes and links use, unless the console sets one. */
  publicUrl: string | null;
  cookieSecure: boolean;
  /** Public form requests a minute from one address (a poster allows twenty times as many). */
  publicRateLimit: number;
  /** Searches by a whole ID or phone number each account may make in 10 minutes (all instances together). */
  searchRateLimit: number;
  logLevel: string;
  version: string;
}

export class ConfigError extends Error {}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function boolVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0 (true/false), got "${raw}"`);
}

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const width = /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
  return width >= 0 && width <= (family === 4 ? 32 : 128);
}

/**
 * DASHU_TRUST_PROXY. Unset, empty, 0 or false: trust no proxy, so a client cannot forge its address with
 * X-Forwarded-For. A whole number: that many proxies in front. `true`: every hop (only when nothing but
 * the proxy can reach the port). Otherwise a comma-separated list of proxy addresses or CIDRs.
 */
function trustProxyVar(env: NodeJS.ProcessEnv): boolean | number | string[] {
  const name = 'DASHU_TRUST_PROXY';
  const raw = (env[name] ?? '').trim();
  if (raw === '' || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError(`${name}: a number of proxies from 1 to 10, got "${raw}"`);
    return hops;
  }
  const entries = raw.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !isAddressOrRange(e));
  if (bad !== undefined) {
    throw new ConfigError(
      `${name} must be unset, true, a number of proxies, or a comma-separated list of addresses/CIDRs (loopback, linklocal, uniquelocal); "${bad}" is none of these`,
    );
  }
  return entries;
}

/** DASHU_PUBLIC_ORIGIN: comma-separated `https://host[:port]` the site is reached at, when a proxy rewrites Host. */
function originsVar(env: NodeJS.ProcessEnv): string[] {
  const name = 'DASHU_PUBLIC_ORIGIN';
  const raw = (env[name] ?? '').trim();
  if (raw === '') return [];
  return raw.split(',').map((entry) => {
    let url: URL;
    try {
      url = new URL(entry.trim());
    } catch {
      throw new ConfigError(`${name} must list origins such as https://dashu.example.org, got "${entry}"`);
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.username)
      throw new ConfigError(`${name} must list origins such as https://dashu.example.org, got "${entry}"`);
    return url.origin;
  });
}

/** DASHU_PUBLIC_URL: an http(s) address such as https://dashu.example.org (a path is kept). */
function publicUrlVar(env: NodeJS.ProcessEnv): string | null {
  const name = 'DASHU_PUBLIC_URL';
  const raw = (env[name] ?? '').trim();
  if (raw === '') return null;
  const checked = checkPublicUrl(raw);
  if (!checked.ok)
    throw new ConfigError(
      `${name} must be an http(s) address such as https://dashu.example.org, got "${raw}"`,
    );
  return checked.url;
}

const originOf = (url: string | null): string[] => (url ? [new URL(url).origin] : []);

/** Parsed once at boot. Anything wrong stops the start with a message that names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const dataDir = path.resolve(env.DASHU_DATA_DIR || './data');
  const secretKey = env.DASHU_SECRET_KEY || undefined;
  if (secretKey && Buffer.from(secretKey, 'base64').length !== 32) {
    throw new ConfigError('DASHU_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  }
  return {
    port: intVar(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir,
    photoDir: path.resolve(env.DASHU_PHOTO_DIR || path.join(dataDir, 'photos')),
    rateLimitNamespace: env.DASHU_RATE_LIMIT_NAMESPACE ?? '',
    passKeyDir: path.resolve(env.DASHU_PASS_KEY_DIR || path.join(dataDir, 'pass-keys')),
    uploadDir: path.resolve(env.DASHU_UPLOAD_DIR || path.join(dataDir, 'uploads')),
    photosPerDay: intVar(env, 'DASHU_PHOTOS_PER_DAY', 300, 1, 100_000),
    photoStorageMb: intVar(env, 'DASHU_PHOTO_STORAGE_MB', 5120, 1, 10_000_000),
    databaseUrl,
    // Demo data is for trying Dashu out: on by default only for the embedded database.
    demo: boolVar(env, 'DASHU_DEMO', !databaseUrl),
    secretKey,
    keyFile: path.resolve(env.DASHU_KEY_FILE || path.join(dataDir, 'secret.key')),
    sessionHours: intVar(env, 'DASHU_SESSION_HOURS', 12, 1, 24 * 30),
    lockoutAttempts: intVar(env, 'DASHU_LOCKOUT_ATTEMPTS', 5, 1, 100),
    lockoutMinutes: intVar(env, 'DASHU_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    loginAddressLimit: intVar(env, 'DASHU_LOGIN_ADDRESS_LIMIT', 30, 1, 10_000),
    loginAlarmThreshold: intVar(env, 'DASHU_LOGIN_ALARM_THRESHOLD', 10, 1, 10_000),
    trustProxy: trustProxyVar(env),
    // The public address is one users open too: writes from it are this site's own.
    publicOrigins: [...new Set([...originsVar(env), ...originOf(publicUrlVar(env))])],
    publicUrl: publicUrlVar(env),
    cookieSecure: boolVar(env, 'DASHU_COOKIE_SECURE', false),
    publicRateLimit: intVar(env, 'DASHU_PUBLIC_RATE_LIMIT', 20, 1, 1_000_000),
    searchRateLimit: intVar(env, 'DASHU_SEARCH_RATE_LIMIT', 30, 1, 1_000_000),
    logLevel: env.LOG_LEVEL || 'info',
    version: env.npm_package_version || '0.1.0',
  };
}
