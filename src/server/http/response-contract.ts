import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { ErrorBody } from '../../shared/api/responses';
import type { AppInstance } from './types';

// The response contract (docs/ARCHITECTURE.md, "One response contract"). Every route declares its
// answers; Fastify serialises each answer through the route's schema with fast-json-stringify, which
// writes only the properties the schema names. Two things follow:
// - a field a handler returns by mistake (a sealed value, an internal id) never leaves the server;
// - a field the schema forgot is dropped just as silently, a null where the schema says string goes out
//   as "" and a fraction where it says integer loses its decimals. The tests would not see it, the
//   console would. So in tests every answer is serialised twice, by the schema and by JSON.stringify,
//   and any difference is a 500 that names the route and the field (`checkSerialisation`).

/** Every route's refusals and failures have one shape, declared once here for every route. */
export function declareErrorResponses(route: RouteOptions): void {
  if (route.schema?.hide) return;
  route.schema ??= {};
  route.schema.response ??= {};
  const response = route.schema.response as Record<string, unknown>;
  response['4xx'] ??= ErrorBody;
  response['5xx'] ??= ErrorBody;
}

/** The status keys a route declares for success (2xx, 3xx), e.g. ['200'] or ['201', '204']. */
export function successResponses(route: RouteOptions): string[] {
  const response = (route.schema?.response ?? {}) as Record<string, unknown>;
  return Object.keys(response).filter((key) => /^[23]/.test(key));
}

/** Differences between what JSON.stringify would have sent and what the schema sent, by path. */
export function serialisationDifferences(expected: unknown, actual: unknown, path = ''): string[] {
  if (expected === actual) return [];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length)
      return [`${path || '(body)'}: ${expected.length} items became ${actual.length}`];
    return expected.flatMap((item, i) => serialisationDifferences(item, actual[i], `${path}[${i}]`));
  }
  if (
    expected &&
    actual &&
    typeof expected === 'object' &&
    typeof actual === 'object' &&
    !Array.isArray(expected) &&
    !Array.isArray(actual)
  ) {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const out: string[] = [];
    for (const key of Object.keys(e)) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in a)) out.push(`${at}: dropped (not in the response schema)`);
      else out.push(...serialisationDifferences(e[key], a[key], at));
    }
    for (const key of Object.keys(a)) if (!(key in e)) out.push(`${path ? `${path}.` : ''}${key}: added`);
    return out;
  }
  return [`${path || '(body)'}: ${JSON.stringify(expected)} went out as ${JSON.stringify(actual)}`];
}

/** What the tests collect: every answer the schema changed, with its route. */
export const contractBreaks: string[] = [];

const EXPECTED = Symbol('dashu.expectedBody');

/** Tests only: an answer its schema changes is a 500 naming the route and the field. */
export function checkSerialisation(app: AppInstance): void {
  app.addHook('preSerialization', async (request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
    if (payload !== null && typeof payload === 'object')
      (request as unknown as Record<symbol, string>)[EXPECTED] = JSON.stringify(payload);
    return payload;
  });
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const expected = (request as unknown as Record<symbol, string | undefined>)[EXPECTED];
    if (expected === undefined || typeof payload !== 'string') return payload;
    (request as unknown as Record<symbol, string | undefined>)[EXPECTED] = undefined;
    let actual: unknown;
    try {
      actual = JSON.parse(payload);
    } catch {
      return payload;
    }
    const differences = serialisationDifferences(JSON.parse(expected), actual);
    if (differences.length === 0) return payload;
    const where = `${request.method} ${request.routeOptions.url ?? request.url} ${reply.statusCode}`;
    const message = `response contract: ${where}: ${differences.slice(0, 5).join('; ')}`;
    contractBreaks.push(message);
    console.error(message);
    reply.code(500);
    return JSON.stringify({ error: { code: 'internal', message } });
  });
}
