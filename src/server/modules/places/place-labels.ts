import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * The compound (小区/院) a building or bungalow area sits in, as a correlated lookup by the parent id:
 * one primary-key probe per row, so any query that names a building can name its compound without another
 * join alias. Null for a building straight under its community. Labels are composed by
 * src/shared/places/address-label.ts.
 */
export const compoundNameOf = (buildingParentId: AnyColumn | SQL) =>
  sql<
    string | null
  >`(select cp.name from places cp where cp.id = ${buildingParentId} and cp.kind = 'compound')`;
