import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { Type } from 'typebox';
import type { Config } from './config';
import type { Database } from './db/database';
import { registerAccessControl } from './http/access';
import { registerErrorHandling } from './http/error-handler';
import type { AppInstance, Services } from './http/types';
import { accessRoutes, gateRoutes } from './modules/access/access.routes';
import { dutyRoutes } from './modules/access/duty.routes';
import { createDutyService } from './modules/access/duty.service';
import { createGateService } from './modules/access/gate.service';
import { createPassStateCache } from './modules/access/pass-state-cache';
import { createPassesService } from './modules/access/passes.service';
import { openPassKeyStore } from './modules/access/signing-keys';
import { auditRoutes } from './modules/audit/audit.routes';
import { createAuditService } from './modules/audit/audit.service';
import { authRoutes } from './modules/auth/auth.routes';
import { createAuthService } from './modules/auth/auth.service';
import { buildingsRoutes } from './modules/buildings/buildings.routes';
import { createBuildingsService } from './modules/buildings/buildings.service';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes';
import { createCampaignsService } from './modules/campaigns/campaigns.service';
import { declarationsRoutes } from './modules/declarations/declarations.routes';
import { createDeclarationsService } from './modules/declarations/declarations.service';
import { formVersionsRoutes } from './modules/declarations/form-versions.routes';
import { createFormVersionsService } from './modules/declarations/form-versions.service';
import { publicFormRoutes } from './modules/declarations/public-form.routes';
import { createPublicFormService } from './modules/declarations/public-form.service';
import { importsRoutes } from './modules/imports/imports.routes';
import { createImportsService } from './modules/imports/imports.service';
import { peopleRoutes } from './modules/people/people.routes';
import { createPeopleService } from './modules/people/people.service';
import { photosRoutes } from './modules/photos/photos.routes';
import { createPhotosService } from './modules/photos/photos.service';
import { placesRoutes } from './modules/places/places.routes';
import { createPlacesService } from './modules/places/places.service';
import { riskAreasRoutes } from './modules/risk-areas/risk-areas.routes';
import { createRiskAreasService } from './modules/risk-areas/risk-areas.service';
import { createVault, loadMasterKey, type Vault } from './privacy/vault';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

export function createServices(config: Config, database: Database, vault?: Vault): Services {
  const { db } = database;
  const resolvedVault = vault ?? createVault(loadMasterKey(config));
  const audit = createAuditService(db);
  const auth = createAuthService(db, config, audit);
  const places = createPlacesService(db, audit);
  const people = createPeopleService(db, resolvedVault, audit, places);
  const imports = createImportsService(db, resolvedVault, audit, places);
  const riskAreas = createRiskAreasService(db, audit);
  const formVersions = createFormVersionsService(db, audit);
  const declarations = createDeclarationsService(db, resolvedVault, audit, riskAreas, formVersions);
  const publicForm = createPublicFormService(
    database,
    resolvedVault,
    audit,
    places,
    declarations,
    formVersions,
  );
  const campaigns = createCampaignsService(db, audit, declarations);
  const buildings = createBuildingsService(db);
  const photos = createPhotosService(db, config.photoDir);
  // The pass-signing key is a file in the data directory (created on first start), never in the database.
  const passKeys = openPassKeyStore(path.join(config.dataDir, 'pass-keys'));
  const passStates = createPassStateCache(db);
  const passes = createPassesService(db, audit, passKeys, passStates);
  const gate = createGateService(db, audit, passKeys, resolvedVault, passStates);
  const duty = createDutyService(db, audit);
  return {
    config,
    database,
    vault: resolvedVault,
    audit,
    auth,
    places,
    people,
    imports,
    riskAreas,
    declarations,
    formVersions,
    publicForm,
    campaigns,
    buildings,
    photos,
    passes,
    gate,
    duty,
  };
}

export interface BuildOptions {
  config: Config;
  database: Database;
  services?: Services;
  logger?: boolean;
}

export async function buildApp({ config, database, services, logger = false }: BuildOptions) {
  const resolved = services ?? createServices(config, database);
  const app: AppInstance = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: 256 * 1024,
    trustProxy: true,
    ajv: {
      // Unknown fields are refused (schemas say additionalProperties: false), never silently dropped;
      // query strings arrive as text, so they are coerced to the declared types.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every route, as registered: the scope test walks this list so no route escapes it.
  const routes: Array<{ method: string; url: string; access: string }> = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routes.push({ method, url: route.url, access: route.config?.access ?? 'default' });
  });
  registerErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, {
    limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 5, parts: 6 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Dashu API (大树)',
        version: config.version,
        description: '社区防疫与楼宇治理 · Community epidemic prevention and building governance',
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  registerAccessControl(app, resolved.auth);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String(), version: Type.String() }),
        },
      },
    },
    async () => {
      await database.pool.query('select 1');
      return { status: 'ok' as const, database: database.kind, version: config.version };
    },
  );

  authRoutes(app, resolved, config.cookieSecure);
  placesRoutes(app, resolved);
  peopleRoutes(app, resolved);
  auditRoutes(app, resolved);
  importsRoutes(app, resolved);
  riskAreasRoutes(app, resolved);
  declarationsRoutes(app, resolved);
  formVersionsRoutes(app, resolved);
  campaignsRoutes(app, resolved);
  buildingsRoutes(app, resolved);
  photosRoutes(app, resolved);
  await publicFormRoutes(app, resolved);
  await accessRoutes(app, resolved);
  gateRoutes(app, resolved);
  dutyRoutes(app, resolved);
  await registerWeb(app);
  return { app, services: resolved, routes };
}

/** The built console, when present (`npm run build`); the API works without it. */
async function registerWeb(app: AppInstance) {
  if (!existsSync(WEB_DIST)) return;
  // Built assets are content-hashed: cache them for a year; .br/.gz siblings come from scripts/precompress.
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    setHeaders: (res, file) => {
      if (file.includes(`${path.sep}assets${path.sep}`))
        res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const page = (entry: string) => async (_request: unknown, reply: { sendFile: (f: string) => unknown }) =>
    reply.sendFile(`${entry}/index.html`);
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/admin/'),
  );
  app.get('/admin', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/admin/'),
  );
  app.get('/admin/*', { config: { access: 'public' }, schema: { hide: true } }, page('admin'));
  // The resident pages (the registration form behind a poster's QR code) live under /r.
  app.get('/r/*', { config: { access: 'public' }, schema: { hide: true } }, page('resident'));
  // The gate app (installable, works offline) and the resident's own pass behind a personal link.
  app.get('/gate', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/gate/'),
  );
  app.get('/gate/*', { config: { access: 'public' }, schema: { hide: true } }, page('gate'));
}
