// Every Drizzle table, for drizzle-kit and for typed queries. Modules own their tables; this only gathers.
export * from '../modules/access/access.table';
export * from '../modules/access/duty.table';
export * from '../modules/audit/audit.table';
export * from '../modules/auth/auth.table';
export * from '../modules/campaigns/campaigns.table';
export * from '../modules/declarations/declarations.table';
export * from '../modules/declarations/posters.table';
export * from '../modules/imports/imports.table';
export * from '../modules/people/people.table';
export * from '../modules/photos/photos.table';
export * from '../modules/places/places.table';
export * from '../modules/risk-areas/risk-areas.table';
