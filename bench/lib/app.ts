import { randomBytes } from 'node:crypto';
import { createServices } from '../../src/server/app';
import { type Config, loadConfig } from '../../src/server/config';
import { type Database, migrateDatabase, openDatabase } from '../../src/server/db/database';
import type { Services } from '../../src/server/http/types';
import { insertChildPlace, type PlaceRow } from '../../src/server/modules/places/places.repo';

/**
 * Config for a benchmark: its own data directory, no demo data, quiet logs, a throwaway key. `extra`
 * sets further variables (e.g. DASHU_PUBLIC_RATE_LIMIT) the way the environment would.
 */
export function benchConfig(dataDir: string, databaseUrl?: string, extra: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({
    DASHU_DATA_DIR: dataDir,
    DASHU_DEMO: '0',
    DASHU_SECRET_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extra,
  });
}

export interface BenchStack {
  config: Config;
  database: Database;
  services: Services;
}

/** Opens (embedded when there is no URL) and migrates the database, then wires the services. */
export async function openStack(config: Config): Promise<BenchStack> {
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database, services: createServices(config, database) };
}

/** district → sub-district → community, with codes made unique by `tag`. */
export async function createCommunity(services: Services, tag: string, label: string): Promise<PlaceRow> {
  const { db } = services.database;
  const district = await insertChildPlace(db, null, {
    kind: 'district',
    name: `${label}区`,
    code: `${tag}-d`,
  });
  const sub = await insertChildPlace(db, district, {
    kind: 'subdistrict',
    name: `${label}街道`,
    code: `${tag}-s`,
  });
  return insertChildPlace(db, sub, { kind: 'community', name: `${label}社区`, code: `${tag}-c` });
}
