// The response contract: every API route declares what it answers (2xx/3xx and the shared error body),
// answers are serialised through those schemas (nothing outside them leaves), and the OpenAPI document
// describes every answer. See http/response-contract.ts.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { type Static, Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, Nullable, XLSX } from '../../shared/api/responses';
import { createTestApp, type TestApp } from '../test/test-app';
import { checkSerialisation, contractBreaks, serialisationDifferences } from './response-contract';
import type { AppInstance } from './types';

/**
 * Routes that do not declare their answers yet. This list only shrinks: a route that gains its schema must
 * leave it (the test fails on a stale entry), and a new route never joins it.
 */
const NOT_YET_DECLARED: string[] = [];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

function apiRoutes() {
  return t.routes.filter(
    (r) =>
      r.url.startsWith('/api/') &&
      !r.url.startsWith('/api/docs') &&
      !r.hidden &&
      // Fastify's HEAD beside a GET runs the GET's route, schema included.
      !(r.method === 'HEAD' && t.routes.some((g) => g.method === 'GET' && g.url === r.url)),
  );
}

describe('every route declares its answers', () => {
  it('each API route has a success response schema (or is on the shrinking list)', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(100);
    const missing = routes.filter((r) => r.responses.length === 0).map((r) => `${r.method} ${r.url}`);
    expect(
      missing.filter((key) => !NOT_YET_DECLARED.includes(key)),
      'routes without a response schema',
    ).toEqual([]);
    const stale = NOT_YET_DECLARED.filter((key) => !missing.includes(key));
    expect(stale, 'routes that now declare their answers: take them off NOT_YET_DECLARED').toEqual([]);
    console.log(
      `response contract: ${routes.length - missing.length} of ${routes.length} API routes declare their answers`,
    );
  });

  it('the OpenAPI document describes every answer, errors with the one error schema', () => {
    const doc = t.app.swagger() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const errorShape = JSON.stringify(
      (ErrorBody as unknown as { properties: { error: { properties: object } } }).properties.error.properties,
    );
    const undocumented: string[] = [];
    const otherErrors: string[] = [];
    for (const route of apiRoutes()) {
      const key = `${route.method} ${route.url}`;
      if (NOT_YET_DECLARED.includes(key)) continue;
      const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      const responses = op?.responses ?? {};
      if (!Object.keys(responses).some((code) => /^[23]/.test(code))) undocumented.push(key);
      for (const code of ['4XX', '5XX']) {
        const body = JSON.stringify(responses[code] ?? '');
        if (!body.includes(errorShape.slice(1, 40))) otherErrors.push(`${key} ${code}`);
      }
    }
    expect(undocumented, 'operations without a success response in the OpenAPI document').toEqual([]);
    expect(otherErrors, 'operations whose error answer is not the shared error schema').toEqual([]);
  });

  it('answers that are files say so by content type, and only these routes send files', () => {
    const doc = t.app.swagger() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: object }> }>>;
    };
    const files: Record<string, string[]> = {};
    for (const route of apiRoutes()) {
      const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      for (const [code, answer] of Object.entries(op?.responses ?? {})) {
        const types = Object.keys(answer.content ?? {}).filter((type) => type !== 'application/json');
        if (/^2/.test(code) && types.length > 0) files[`${route.method} ${route.url}`] = types;
      }
    }
    // Streams and buffers: never through a JSON serialiser, so each is listed here on purpose.
    expect(files).toEqual({
      'GET /api/imports/template': [XLSX, 'text/csv'],
      'GET /api/imports/:id/rejected': [XLSX],
      'POST /api/imports/:id/rejected': [XLSX],
      'GET /api/declarations/export': [XLSX],
      'GET /api/audit/export': [XLSX],
      'GET /api/campaigns/:id/summary': [XLSX],
      'GET /api/observation/export': [XLSX],
      'GET /api/photos/:id': ['image/jpeg'],
      'GET /api/requests/ranking/export': [XLSX],
      'GET /api/reports/templates/:id/days/:day/export': [XLSX],
    });
  });

  it('no answer in this run was changed by its schema', () => {
    // Other test files run in other workers; this one only sees its own app. The check itself is a 500 in
    // every test (test-app.ts turns it on), so a dropped field fails the test that met it.
    expect(contractBreaks).toEqual([]);
  });
});

describe('serialisation through the schema', () => {
  let app: AppInstance;
  beforeAll(async () => {
    app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
    const Person = Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      maskedId: Type.String(),
      home: Type.Object({ room: Type.String() }),
      movedAt: Nullable(Type.String({ format: 'date-time' })),
    });
    app.get('/masked', { schema: { response: { 200: Person } } }, async () => {
      const row = {
        id: 1,
        name: '张三',
        maskedId: '110***********1234',
        // What a careless handler might pass along: the sealed number and a nested secret.
        idNumber: '110101199001011234',
        home: { room: '101', doorCode: '4321' },
        movedAt: new Date('2026-01-02T03:04:05.000Z'),
      };
      return row as unknown as Static<typeof Person>;
    });
    const checked = Fastify().withTypeProvider<TypeBoxTypeProvider>();
    checkSerialisation(checked as unknown as AppInstance);
    checked.get(
      '/null-as-text',
      { schema: { response: { 200: Type.Object({ note: Type.String() }) } } },
      async () => ({ note: null as unknown as string }),
    );
    checked.get(
      '/forgotten',
      { schema: { response: { 200: Type.Object({ id: Type.Integer() }) } } },
      async () => ({ id: 1, label: 'the console needs me' }),
    );
    await app.ready();
    await checked.ready();
    (app as unknown as { checked: typeof checked }).checked = checked;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('drops what the schema does not name, at every depth (masked fields stay masked)', async () => {
    const res = await app.inject({ url: '/masked' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: 1,
      name: '张三',
      maskedId: '110***********1234',
      home: { room: '101' },
      movedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(res.body).not.toContain('199001011234');
    expect(res.body).not.toContain('4321');
  });

  it('in tests, a null written as "" or a field the schema forgot is a 500 naming the field', async () => {
    const checked = (app as unknown as { checked: AppInstance }).checked;
    const nullAsText = await checked.inject({ url: '/null-as-text' });
    expect(nullAsText.statusCode).toBe(500);
    expect(nullAsText.body).toContain('note: null went out as \\"\\"');
    const forgotten = await checked.inject({ url: '/forgotten' });
    expect(forgotten.statusCode).toBe(500);
    expect(forgotten.body).toContain('label: dropped');
    contractBreaks.length = 0;
    await checked.close();
  });

  it('names the differences by path', () => {
    expect(serialisationDifferences({ a: [{ b: 1.5 }] }, { a: [{ b: 1 }] })).toEqual([
      'a[0].b: 1.5 went out as 1',
    ]);
    expect(serialisationDifferences({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
