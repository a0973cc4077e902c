// The schema side of the OpenAPI fuzz test: walks a route's body schema (as @fastify/swagger wrote it)
// beside a valid body and lists, for every node — field, array item, nested object — the malformed
// values of fuzz-values.ts that replace it.
import {
  dateVariants,
  numberVariants,
  Raw,
  stringVariants,
  type ValueVariant,
  wrongTypes,
} from './fuzz-values';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  maxItems?: number;
  nullable?: boolean;
}

export interface Operation {
  parameters?: Array<{ in: string; name: string; schema: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export type Path = Array<string | number>;

/** JSON text where Raw values stand as written (1e400, NaN), which JSON.stringify cannot produce. */
export function serialize(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v instanceof Raw) {
      raws.push(v.text);
      return `@@RAW${raws.length - 1}@@`;
    }
    return v;
  });
  return raws.reduce((out, raw, i) => out.replace(`"@@RAW${i}@@"`, raw), text ?? '');
}

export function withValue(base: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

/** Adds an own key (also `__proto__`, which plain assignment would treat as the prototype). */
export function withKey(base: unknown, path: Path, key: string, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path) node = node[k] as Record<string | number, unknown>;
  Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/**
 * A field the route types as "unknown" (a rule set, a form's questions, extra answers: checked by shared
 * code, not the schema) is walked as the valid value is shaped, so its insides get variants too.
 */
function inferred(value: unknown): JsonSchema {
  if (Array.isArray(value)) return { type: 'array', items: {} };
  if (value === null) return {};
  if (typeof value === 'object')
    return { type: 'object', properties: Object.fromEntries(Object.keys(value).map((k) => [k, {}])) };
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  return typeof value === 'string' || typeof value === 'boolean' ? { type: typeof value } : {};
}

const untyped = (schema: JsonSchema) =>
  !schema.type && !schema.anyOf && !schema.enum && !schema.properties && !schema.items;

/** Whether to walk into fields typed "unknown" (see inferred). */
export interface Walk {
  intoUnknown: boolean;
}

/** The branch of a union that the base value takes (or the first that is not null). */
function resolve(schema: JsonSchema, value: unknown, walk: Walk): JsonSchema {
  if (untyped(schema) && walk.intoUnknown && value !== undefined) return inferred(value);
  if (!schema.anyOf) return schema;
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const branches = schema.anyOf.map((b) => resolve(b, value, walk));
  const notNull = branches.filter((b) => !(b.enum?.length === 1 && b.enum[0] === null));
  const matching = notNull.find((b) => b.type === kind || (kind === 'number' && b.type === 'integer'));
  return matching ?? notNull[0] ?? schema;
}

function valueVariants(schema: JsonSchema, base: unknown): ValueVariant[] {
  const type = schema.type ?? (schema.enum ? 'string' : undefined);
  const out = wrongTypes(type);
  if (type === 'string') {
    out.push(...stringVariants(typeof base === 'string' ? base : 'ab', schema.maxLength));
    if (schema.format === 'date' || schema.format === 'date-time' || schema.pattern?.includes('\\d{4}'))
      out.push(...dateVariants(schema.format));
  }
  if (type === 'integer' || type === 'number') out.push(...numberVariants());
  if (type === 'array') {
    const item = Array.isArray(base) && base.length > 0 ? base[0] : 1;
    const count = (schema.maxItems ?? 10_000) + 1;
    out.push({ cls: 'too-long', label: `${count} items`, value: Array.from({ length: count }, () => item) });
  }
  return out;
}

/** Every node of the body (fields, items, nested objects) with the variants for it. */
export function bodyVariants(
  schema: JsonSchema,
  base: unknown,
  path: Path,
  out: Array<ValueVariant & { path: Path }>,
  walk: Walk,
) {
  const at = path.length ? path.join('.') : '(body)';
  const resolved = resolve(schema, base, walk);
  for (const v of valueVariants(resolved, base)) out.push({ ...v, label: `${at} = ${v.label}`, path });
  if (resolved.type === 'object' && base && typeof base === 'object' && !Array.isArray(base)) {
    for (const [key, child] of Object.entries(resolved.properties ?? {}))
      bodyVariants(child, (base as Record<string, unknown>)[key], [...path, key], out, walk);
  }
  if (resolved.type === 'array' && Array.isArray(base) && base.length > 0 && resolved.items)
    bodyVariants(resolved.items, base[0], [...path, 0], out, walk);
}

export function objectPaths(schema: JsonSchema, base: unknown, path: Path, out: Path[], walk: Walk) {
  const resolved = resolve(schema, base, walk);
  if (resolved.type === 'object' && base && typeof base === 'object' && !Array.isArray(base)) {
    out.push(path);
    for (const [key, child] of Object.entries(resolved.properties ?? {}))
      objectPaths(child, (base as Record<string, unknown>)[key], [...path, key], out, walk);
  }
  if (resolved.type === 'array' && Array.isArray(base) && base.length > 0 && resolved.items)
    objectPaths(resolved.items, base[0], [...path, 0], out, walk);
}
