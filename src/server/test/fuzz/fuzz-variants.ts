// Derives malformed requests from a route's OpenAPI operation (its path, query and body schemas) and one
// valid request for it: every field of the body, every query parameter and every path parameter gets the
// value lists of fuzz-values.ts, and the body as a whole is truncated, emptied, mislabelled and given
// unknown and prototype keys.

import { BOUNDARY, type MultipartFile, multipartPayload, multipartVariants } from './fuzz-multipart';
import {
  bodyVariants,
  type Operation,
  objectPaths,
  type Path,
  serialize,
  withKey,
  withValue,
} from './fuzz-schema';
import { URL_VALUES, type ValueVariant, type VariantClass } from './fuzz-values';

export type { Operation } from './fuzz-schema';

/** One valid request for a route: the fuzz test changes one thing at a time from here. */
export interface BaseRequest {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | Array<string | number>>;
  body?: unknown;
  multipart?: MultipartFile;
  /**
   * Why the insides of fields the route types as "unknown" get no variants of their own (they do by
   * default); the fields themselves still get every variant.
   */
  notIntoUnknown?: string;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export interface Variant {
  cls: VariantClass;
  label: string;
  request: FuzzRequest;
}

function queryText(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value])
      parts.push(`${key}=${encodeURIComponent(String(one))}`);
  }
  return parts.join('&');
}

/** All the malformed requests for one route, the valid one first. */
export function variantsFor(
  method: string,
  url: string,
  op: Operation | undefined,
  base: BaseRequest,
  headers: Record<string, string>,
): Variant[] {
  const pathFor = (params: Record<string, string>) =>
    url.replace(/:(\w+)|\*/g, (m, name: string | undefined) => params[name ?? m] ?? '1');
  const baseParams = Object.fromEntries(Object.entries(base.params ?? {}).map(([k, v]) => [k, String(v)]));
  const baseQuery = base.query ?? {};
  const urlWith = (params: Record<string, string>, query: string) => {
    const path = pathFor(params);
    return query ? `${path}?${query}` : path;
  };
  const bodySchema = op?.requestBody?.content?.['application/json']?.schema;
  const json = (body: unknown) => (body === undefined ? undefined : serialize(body));
  const withBody = (payload: string | Buffer | undefined, contentType?: string) => {
    const h = { ...headers };
    if (contentType) h['content-type'] = contentType;
    return payload === undefined ? { headers: h } : { headers: h, payload };
  };
  const basePayload = base.multipart ? multipartPayload(base.multipart) : json(base.body);
  const baseType = base.multipart
    ? `multipart/form-data; boundary=${BOUNDARY}`
    : base.body !== undefined
      ? 'application/json'
      : undefined;
  const out: Variant[] = [];
  const add = (cls: VariantClass, label: string, req: Partial<FuzzRequest> & { url?: string }) =>
    out.push({
      cls,
      label,
      request: {
        method,
        url: req.url ?? urlWith(baseParams, queryText(baseQuery)),
        ...withBody(basePayload, baseType),
        ...req,
      } as FuzzRequest,
    });

  add('base', 'the valid request', {});

  for (const name of Object.keys(baseParams))
    for (const v of URL_VALUES)
      add(v.cls, `path ${name} = ${v.label}`, {
        url: urlWith({ ...baseParams, [name]: v.text }, queryText(baseQuery)),
      });

  const queryNames = (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const q = (extra: string) => [queryText(baseQuery), extra].filter(Boolean).join('&');
  for (const name of queryNames) {
    const rest = Object.fromEntries(Object.entries(baseQuery).filter(([k]) => k !== name));
    for (const v of URL_VALUES)
      add(v.cls, `query ${name} = ${v.label}`, {
        url: urlWith(baseParams, [queryText(rest), `${name}=${v.text}`].filter(Boolean).join('&')),
      });
    add('wrong-type', `query ${name} twice`, { url: urlWith(baseParams, q(`${name}=1&${name}=2`)) });
    add('wrong-type', `query ${name}[]`, {
      url: urlWith(baseParams, [queryText(rest), `${name}[]=1`].filter(Boolean).join('&')),
    });
  }
  add('unknown-key', 'unknown query key', { url: urlWith(baseParams, q('zzUnknown=1')) });
  add('prototype-key', 'query __proto__', { url: urlWith(baseParams, q('__proto__=1')) });
  add('prototype-key', 'query __proto__[polluted]', {
    url: urlWith(baseParams, q('__proto__%5Bpolluted%5D=1')),
  });
  add('prototype-key', 'query constructor', {
    url: urlWith(baseParams, q('constructor=1&constructor.prototype.polluted=1')),
  });
  add('nul', 'query key %00', { url: urlWith(baseParams, q('%00=1')) });

  const walk = { intoUnknown: !base.notIntoUnknown };
  if (bodySchema && base.body !== undefined) {
    const leaves: Array<ValueVariant & { path: Path }> = [];
    bodyVariants(bodySchema, base.body, [], leaves, walk);
    for (const leaf of leaves)
      add(
        leaf.cls,
        leaf.label,
        withBody(json(withValue(base.body, leaf.path, leaf.value)), 'application/json'),
      );
    const objects: Path[] = [];
    objectPaths(bodySchema, base.body, [], objects, walk);
    for (const path of objects) {
      const at = path.length ? path.join('.') : '(body)';
      add(
        'unknown-key',
        `${at}: unknown key`,
        withBody(json(withKey(base.body, path, 'zzUnknown', 1)), 'application/json'),
      );
      add(
        'prototype-key',
        `${at}: __proto__`,
        withBody(json(withKey(base.body, path, '__proto__', { polluted: true })), 'application/json'),
      );
      add(
        'prototype-key',
        `${at}: constructor.prototype`,
        withBody(
          json(withKey(base.body, path, 'constructor', { prototype: { polluted: true } })),
          'application/json',
        ),
      );
    }
  }

  if (base.multipart)
    for (const v of multipartVariants(base.multipart)) add(v.cls, v.label, withBody(v.payload, v.ct));

  if (method !== 'GET' && method !== 'HEAD') {
    const text = typeof basePayload === 'string' ? basePayload : '{"a":1}';
    for (const n of [1, Math.floor(text.length / 2), text.length - 1].filter((n) => n > 0 && n < text.length))
      add(
        'truncated-json',
        `JSON cut at ${n} of ${text.length}`,
        withBody(text.slice(0, n), 'application/json'),
      );
    add(
      'truncated-json',
      'JSON with a trailing comma',
      withBody(text.replace(/}$/, ',}'), 'application/json'),
    );
    for (const [label, payload] of [
      ['no body, JSON type', ''],
      ['whitespace', '   '],
      ['null', 'null'],
      ['array', '[]'],
      ['empty object', '{}'],
      ['a string', '"x"'],
      ['a number', '1e400'],
    ] as const)
      add('empty-body', label, withBody(payload, 'application/json'));
    add('empty-body', 'no body, no type', { headers: { ...headers } });
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/jsonx',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      'text/html, application/json',
    ])
      add('content-type', type, withBody(text, type));
    add(
      'content-type',
      'JSON in UTF-16',
      withBody(Buffer.from(`\uFEFF${text}`, 'utf16le'), 'application/json'),
    );
    add(
      'content-type',
      'invalid UTF-8 in JSON',
      withBody(
        Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe, 0xc0]), Buffer.from('"}')]),
        'application/json',
      ),
    );
    add(
      'too-long',
      'body past the size limit',
      withBody(`{"a":"${'x'.repeat(300 * 1024)}"}`, 'application/json'),
    );
    add(
      'too-long',
      '2,000 nested arrays',
      withBody(`${'['.repeat(2000)}${']'.repeat(2000)}`, 'application/json'),
    );
  }
  return out;
}
