import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';

/**
 * What the server log may carry. Search addresses hold ID numbers and phones in their query strings, a
 * failed statement carries its parameters (Drizzle puts them in the error's message too) and PostgreSQL's
 * messages quote the value they refused. So: requests are logged by path with the query's values left
 * out, errors by type, code and message with every long run of digits blanked, never parameters nor
 * PostgreSQL's `detail`, and requests at debug level (one line each), warnings and errors as before.
 */

/** Six or more digits, maybe split by spaces or dashes, maybe ending in the ID number's X. */
const DIGIT_RUN = /\d(?:[\s-]?\d){5,}[Xx]?/g;
/** A path segment that looks like a secret token (a personal pass link, a poster). */
const TOKEN_SEGMENT = /^[A-Za-z0-9_-]{16,}$/;

export function scrubDigits(text: string): string {
  return text.replace(DIGIT_RUN, '[n]');
}

/** `/api/residents?q=110105…&page=2` → `/api/residents?q=~&page=~`; tokens in the path are blanked too. */
export function safeUrl(url: string): string {
  const at = url.indexOf('?');
  const path = (at === -1 ? url : url.slice(0, at))
    .split('/')
    .map((segment) => (TOKEN_SEGMENT.test(segment) ? '[token]' : scrubDigits(segment)))
    .join('/');
  if (at === -1) return path.slice(0, 300);
  const keys = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => scrubDigits(decodeKey(pair.split('=', 1)[0] ?? '')).slice(0, 40));
  return `${path}?${keys.map((k) => `${k}=~`).join('&')}`.slice(0, 300);
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

/** Fields of an error (or of PostgreSQL's) that are safe to keep: codes and names, never values. */
const SAFE_FIELDS = ['code', 'statusCode', 'severity', 'constraint', 'table', 'column', 'routine'] as const;

type ErrorLike = Error & Record<string, unknown>;

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error))
    return { type: typeof error, message: scrubDigits(String(error)).slice(0, 500), stack: '' };
  const e = error as ErrorLike;
  // Drizzle's query error says "Failed query: <sql>\nparams: <values>": keep the statement, not its values.
  const isQueryError = typeof e.query === 'string' && 'params' in e;
  const message = isQueryError
    ? `Failed query: ${scrubDigits(String(e.query)).slice(0, 2000)}`
    : scrubDigits(e.message).slice(0, 2000);
  const out: LoggedError = { type: e.constructor?.name ?? 'Error', message, stack: '' };
  for (const field of SAFE_FIELDS) {
    const value = e[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  if (typeof e.stack === 'string') {
    // The stack's first line repeats the message: only the frames are kept.
    const frames = e.stack.split('\n').filter((line) => /^\s+at /.test(line));
    out.stack = scrubDigits(frames.slice(0, 15).join('\n'));
  }
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
}

/** Fastify's logger options: the serializers above and, should anything log headers, no cookies. */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: LoggedRequest) => ({
        method: request.method,
        url: safeUrl(request.url ?? ''),
        remoteAddress: request.ip,
      }),
      err: (error: Error) => serializeError(error),
      error: (error: unknown) => serializeError(error),
    },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'headers.cookie', 'params', '*.params'],
      censor: '[redacted]',
    },
  };
}

/**
 * Fastify's request lines, at debug and by the safe URL: Fastify logged two info lines a request (the
 * console flooded) with the full query string. Errors of a request are still logged at error level, and
 * everything else Fastify logs (stream errors, serializer failures) goes through the serializers above.
 */
export class DashuLogController extends LogController {
  override incomingRequest(): void {
    // One line a request is enough: the one written when it completes.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (error) {
      reply.log.error({ req: request, status: reply.statusCode, err: error }, 'request errored');
      return;
    }
    if (reply.log.level !== 'debug' && reply.log.level !== 'trace') return;
    reply.log.debug(
      {
        method: request.method,
        url: safeUrl(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'route not found');
  }
}
