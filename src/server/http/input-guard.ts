import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The body is a batch whose items are checked one by one by the route (a bad item is refused alone,
     * the rest stored): the guard leaves the body to it and checks only the path and the query string.
     */
    bodyItemsCheckedAlone?: boolean;
  }
}

// A NUL, or half of a surrogate pair: PostgreSQL refuses the first in text and both in json(b), and
// Node would silently turn a lone surrogate into U+FFFD on the way to the database.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface Unusable {
  /** Where, as Ajv writes it: `/checks/0/plate`, or '' for the value itself. */
  instancePath: string;
  kind: 'text' | 'number';
}

/** Whether a string can be stored as it was sent. */
export function storableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/**
 * The first place in a parsed request value (body, query or path parameters) that no route can use:
 * text PostgreSQL cannot store (also in an object's keys), or a number that is not finite — Ajv coerces
 * "Infinity" and "1e400" in query strings and bodies to Infinity and then skips `maximum` for it. Walks
 * without recursion, so a body of 100,000 nested arrays cannot overflow the stack.
 */
export function findUnusable(value: unknown): Unusable | null {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [unknown, string];
    if (typeof node === 'string') {
      if (!storableText(node)) return { instancePath: path, kind: 'text' };
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node)) return { instancePath: path, kind: 'number' };
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${path}/${i}`]);
    } else if (node && typeof node === 'object') {
      for (const key of Object.keys(node).reverse()) {
        const at = `${path}/${key}`;
        if (!storableText(key)) return { instancePath: at, kind: 'text' };
        stack.push([(node as Record<string, unknown>)[key], at]);
      }
    }
  }
  return null;
}

/** An error the error handler reads like one of Ajv's: 400 with the field and a message in each language. */
export function unusableInputError(found: Unusable, context: 'body' | 'querystring' | 'params') {
  return Object.assign(new Error(`unusable ${found.kind} in ${context}`), {
    statusCode: 400,
    validationContext: context,
    validation: [{ keyword: `unusable_${found.kind}`, instancePath: found.instancePath, params: {} }],
  });
}

/**
 * One check for every route, right after schema validation (so numbers coerced from text are seen as
 * numbers): no handler ever gets text PostgreSQL cannot store or a number that is not finite.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const parts = [
      ['params', request.params],
      ['querystring', request.query],
      ...(request.routeOptions.config.bodyItemsCheckedAlone ? [] : [['body', request.body] as const]),
    ] as const;
    for (const [context, value] of parts) {
      const found = findUnusable(value);
      if (found) throw unusableInputError(found, context);
    }
  });
}
