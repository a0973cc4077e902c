import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Where photos are kept (DASHU_PHOTO_DIR); by default `photos` in the data directory. */
  photoDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  /** Base64 of 32 bytes; when absent the key file in the data directory is used (created on first start). */
  secretKey: string | undefined;
  keyFile: string;
  sessionHours: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  cookieSecure: boolean;
  /** Public form requests a minute from one address (a poster allows twenty times as many). */
  publicRateLimit: number;
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
    databaseUrl,
    // Demo data is for trying Dashu out: on by default only for the embedded database.
    demo: boolVar(env, 'DASHU_DEMO', !databaseUrl),
    secretKey,
    keyFile: path.resolve(env.DASHU_KEY_FILE || path.join(dataDir, 'secret.key')),
    sessionHours: intVar(env, 'DASHU_SESSION_HOURS', 12, 1, 24 * 30),
    lockoutAttempts: intVar(env, 'DASHU_LOCKOUT_ATTEMPTS', 5, 1, 100),
    lockoutMinutes: intVar(env, 'DASHU_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    cookieSecure: boolVar(env, 'DASHU_COOKIE_SECURE', false),
    publicRateLimit: intVar(env, 'DASHU_PUBLIC_RATE_LIMIT', 20, 1, 1_000_000),
    logLevel: env.LOG_LEVEL || 'info',
    version: env.npm_package_version || '0.1.0',
  };
}
