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
import { createChangeBus } from './db/change-bus';
import type { Database } from './db/database';
import { registerAccessControl } from './http/access';
import { answerFrameworkError, registerErrorHandling } from './http/error-handler';
import { registerInputGuard } from './http/input-guard';
import { DashuLogController, loggerOptions } from './http/logging';
import { checkSerialisation, declareErrorResponses, successResponses } from './http/response-contract';
import { registerSameOriginGuard } from './http/same-origin';
import { inlineScriptHashes, registerSecurityHeaders } from './http/security-headers';
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
import { createAccountsService } from './modules/auth/accounts.service';
import { authRoutes } from './modules/auth/auth.routes';
import { createAuthService } from './modules/auth/auth.service';
import { buildingsRoutes } from './modules/buildings/buildings.routes';
import { createBuildingsService } from './modules/buildings/buildings.service';
import { campaignsRoutes } from './modules/campaigns/campaigns.routes';
import { createCampaignsService } from './modules/campaigns/campaigns.service';
import { dashboardsRoutes } from './modules/dashboards/dashboards.routes';
import { createDashboardsService } from './modules/dashboards/dashboards.service';
import { indicators } from './modules/dashboards/fact-sources';
import { reportsRoutes } from './modules/dashboards/reports.routes';
import { createReportsService } from './modules/dashboards/reports.service';
import { screensRoutes } from './modules/dashboards/screens.routes';
import { createScreensService } from './modules/dashboards/screens.service';
import { declarationReviewsRoutes } from './modules/declarations/declaration-reviews.routes';
import { createDeclarationReviewsService } from './modules/declarations/declaration-reviews.service';
import { declarationsRoutes } from './modules/declarations/declarations.routes';
import { createDeclarationsService } from './modules/declarations/declarations.service';
import { formVersionsRoutes } from './modules/declarations/form-versions.routes';
import { createFormVersionsService } from './modules/declarations/form-versions.service';
import { publicFormRoutes } from './modules/declarations/public-form.routes';
import { createPublicFormService } from './modules/declarations/public-form.service';
import { createCareService } from './modules/helpers/care.service';
import { helpersRoutes } from './modules/helpers/helpers.routes';
import { createHelpersService } from './modules/helpers/helpers.service';
import { importsRoutes } from './modules/imports/imports.routes';
import { createImportsService } from './modules/imports/imports.service';
import { createJobRunner } from './modules/jobs/job-runner';
import { jobRegistry } from './modules/jobs/jobs.registry';
import { jobsRoutes } from './modules/jobs/jobs.routes';
import { createJobsService } from './modules/jobs/jobs.service';
import { observationRoutes } from './modules/observation/observation.routes';
import { createObservationService } from './modules/observation/observation.service';
import { peopleRoutes } from './modules/people/people.routes';
import { createPeopleService } from './modules/people/people.service';
import { createWholeNumberSearchGuard } from './modules/people/whole-number-search';
import { photosRoutes } from './modules/photos/photos.routes';
import { createPhotosService } from './modules/photos/photos.service';
import { placesRoutes } from './modules/places/places.routes';
import { createPlacesService } from './modules/places/places.service';
import { databaseRateLimitStore } from './modules/rate-limits/rate-limit-store';
import { createRateLimits } from './modules/rate-limits/rate-limits.service';
import { hotlineImportRoutes } from './modules/requests/hotline-import.routes';
import { requestsRoutes } from './modules/requests/requests.routes';
import { createRequestsService } from './modules/requests/requests.service';
import { createRequestRatesService } from './modules/requests/requests-rates.service';
import { riskAreasRoutes } from './modules/risk-areas/risk-areas.routes';
import { createRiskAreasService } from './modules/risk-areas/risk-areas.service';
import { settingsRoutes } from './modules/settings/settings.routes';
import { createSettingsService } from './modules/settings/settings.service';
import { waitingRoutes } from './modules/waiting/waiting.routes';
import { createWaitingService } from './modules/waiting/waiting.service';
import { createVault, loadMasterKey, type Vault } from './privacy/vault';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

export function createServices(config: Config, database: Database, vault?: Vault): Services {
  const { db } = database;
  const resolvedVault = vault ?? createVault(loadMasterKey(config));
  // Changes other instances must see at once (LISTEN/NOTIFY); listening starts with the app (buildApp).
  const changes = createChangeBus(database);
  const audit = createAuditService(db);
  const auth = createAuthService(db, config, audit, changes);
  const accounts = createAccountsService(db, auth, audit);
  const settings = createSettingsService(db, audit, config.publicUrl);
  const places = createPlacesService(db, audit);
  // Limits that must hold across instances are counted in the database.
  const numberSearches = createWholeNumberSearchGuard(createRateLimits(db), audit, config.searchRateLimit);
  const people = createPeopleService(db, resolvedVault, audit, places, numberSearches);
  // Timed and deferred work (jobs.registry.ts): one runner per process, started by main.ts or the test app.
  const jobs = createJobRunner(database);
  const imports = createImportsService(db, resolvedVault, audit, places, {
    uploadDir: config.uploadDir,
    sendJob: (name, data) => jobs.send(name, data),
  });
  const riskAreas = createRiskAreasService(db, audit);
  const formVersions = createFormVersionsService(db, audit, changes);
  const declarations = createDeclarationsService(db, resolvedVault, audit, riskAreas, formVersions, changes);
  const publicForm = createPublicFormService(
    database,
    resolvedVault,
    audit,
    places,
    declarations,
    formVersions,
    changes,
  );
  const declarationReviews = createDeclarationReviewsService(db, audit);
  const campaigns = createCampaignsService(db, audit, declarations);
  const buildings = createBuildingsService(db);
  const photos = createPhotosService(db, config.photoDir, {
    perAccountPerDay: config.photosPerDay,
    perCommunityBytes: config.photoStorageMb * 1024 * 1024,
  });
  // The pass-signing key is a file in a directory every instance shares (created on first start), never
  // in the database; a rotation elsewhere is read again on its notice (or after a missed one).
  const passKeys = openPassKeyStore(config.passKeyDir);
  changes.on('keys', () => passKeys.reload());
  changes.onResync(() => passKeys.reload());
  const passStates = createPassStateCache(db, changes);
  const passes = createPassesService(db, audit, passKeys, passStates, changes);
  const gate = createGateService(db, audit, passKeys, resolvedVault, passStates, numberSearches, changes);
  const duty = createDutyService(db, audit);
  const observation = createObservationService(db, resolvedVault, audit);
  const helpers = createHelpersService(db, resolvedVault, audit);
  const care = createCareService(db, audit);
  const requests = createRequestsService(db, resolvedVault, audit);
  const requestRates = createRequestRatesService(db);
  const dashboards = createDashboardsService(database, indicators);
  const reports = createReportsService(database, indicators, dashboards, audit);
  const screens = createScreensService(database, indicators, dashboards, audit);
  jobs.define(
    jobRegistry({ database, declarations, imports, observation, care, dashboards, reports, log: jobs.log }),
  );
  return {
    config,
    database,
    changes,
    vault: resolvedVault,
    audit,
    auth,
    accounts,
    settings,
    places,
    people,
    imports,
    riskAreas,
    declarations,
    declarationReviews,
    formVersions,
    publicForm,
    campaigns,
    buildings,
    photos,
    passes,
    gate,
    requests,
    requestRates,
    duty,
    observation,
    helpers,
    care,
    jobs,
    jobsView: createJobsService(database, jobs),
    dashboards,
    reports,
    screens,
    waiting: createWaitingService(db),
  };
}

export interface BuildOptions {
  config: Config;
  database: Database;
  services?: Services;
  logger?: boolean;
  /** Where the log goes instead of stdout (tests read it). */
  logStream?: NodeJS.WritableStream;
  /** How long a request may take to arrive whole: ten minutes (a 50 MB roster at 85 KB/s). */
  requestTimeoutMs?: number;
  /** Tests: an answer its response schema would change is a 500 (http/response-contract.ts). */
  checkResponses?: boolean;
}

export async function buildApp({
  config,
  database,
  services,
  logger = false,
  logStream,
  requestTimeoutMs: requestTimeout = 600_000,
  checkResponses = false,
}: BuildOptions) {
  const resolved = services ?? createServices(config, database);
  const app: AppInstance = Fastify({
    logger: logger || logStream ? loggerOptions(config.logLevel, logStream) : false,
    // Fastify's two info lines a request flooded the console (and carried the query string): one line a
    // request at debug instead, by a URL without the query's values (http/logging.ts).
    logController: new DashuLogController(),
    bodyLimit: 256 * 1024,
    // X-Forwarded-For/-Proto/-Host are believed only from the proxies DASHU_TRUST_PROXY names; otherwise
    // anyone could pick the address the rate limits, the sign-in limits and the audit log see.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(config.trustProxy)
        : config.trustProxy,
    frameworkErrors: answerFrameworkError,
    // A client that stops sending halfway (an upload cut off while its connection stays open) is answered
    // 408 and let go, instead of holding the connection for ever (Fastify's default is no limit). Node
    // checks this only on a server made with an options object, so it is given to Node as well.
    requestTimeout,
    http: { requestTimeout, connectionsCheckingInterval: Math.min(30_000, requestTimeout) },
    ajv: {
      // Unknown fields are refused (schemas say additionalProperties: false), never silently dropped;
      // query strings arrive as text, so they are coerced to the declared types.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every route, as registered: the scope test walks this list so no route escapes it, the contract test
  // checks that each declares its answers.
  const routes: Array<{ method: string; url: string; access: string; responses: string[]; hidden: boolean }> =
    [];
  app.addHook('onRoute', (route) => {
    declareErrorResponses(route);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      routes.push({
        method,
        url: route.url,
        access: route.config?.access ?? 'default',
        responses: successResponses(route),
        hidden: route.schema?.hide === true,
      });
  });
  if (checkResponses) checkSerialisation(app);
  registerErrorHandling(app);
  registerSecurityHeaders(app, {
    residentScriptHashes: inlineScriptHashes(path.join(WEB_DIST, 'resident', 'index.html')),
  });
  // Nothing takes text/plain; it is the one body type besides forms that a cross-site page can send.
  app.removeContentTypeParser('text/plain');
  registerSameOriginGuard(app, config.publicOrigins);
  registerInputGuard(app);
  await app.register(fastifyCookie);
  // Public limits are counted in PostgreSQL so they hold across instances; the embedded database serves
  // one instance, where memory counts the same and costs no query.
  await app.register(fastifyRateLimit, {
    global: false,
    ...(database.kind === 'postgres'
      ? { store: databaseRateLimitStore(database.db, config.rateLimitNamespace) }
      : {}),
  });
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
  await resolved.changes.start();
  app.addHook('onClose', async () => resolved.changes.stop());
  resolved.jobs.setLogger(app.log);
  // Whoever started the runner (main.ts, a test), closing the app stops it: runs under way finish first.
  app.addHook('onClose', async () => resolved.jobs.stop());

  app.get(
    '/api/openapi.json',
    {
      config: { access: 'public' },
      // The document itself, whatever JSON it holds, written as it is.
      schema: { hide: true, response: { 200: Type.Object({}, { additionalProperties: true }) } },
    },
    async () => app.swagger(),
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
  settingsRoutes(app, resolved);
  peopleRoutes(app, resolved);
  auditRoutes(app, resolved);
  importsRoutes(app, resolved);
  riskAreasRoutes(app, resolved);
  declarationsRoutes(app, resolved);
  declarationReviewsRoutes(app, resolved);
  formVersionsRoutes(app, resolved);
  campaignsRoutes(app, resolved);
  buildingsRoutes(app, resolved);
  dashboardsRoutes(app, resolved);
  reportsRoutes(app, resolved);
  screensRoutes(app, resolved);
  photosRoutes(app, resolved);
  await publicFormRoutes(app, resolved);
  await accessRoutes(app, resolved);
  gateRoutes(app, resolved);
  dutyRoutes(app, resolved);
  helpersRoutes(app, resolved);
  jobsRoutes(app, resolved);
  await observationRoutes(app, resolved);
  await requestsRoutes(app, resolved);
  await hotlineImportRoutes(app, resolved);
  waitingRoutes(app, resolved);
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
