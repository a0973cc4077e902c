import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, formatMessage, type Lang } from '../../shared/i18n/error-messages';
import { AppError } from './app-error';
import { requestLang } from './lang';
import { CALENDAR_DATE_PATTERN, INSTANT_PATTERN } from './schemas';

export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const KEYWORD_TEXT: Record<string, { zh: string; en: string }> = {
  required: { zh: '缺少必填项 {field}', en: '{field} is required' },
  additionalProperties: { zh: '不认识的字段 {field}', en: 'unknown field {field}' },
  maxLength: { zh: '{field} 太长', en: '{field} is too long' },
  minLength: { zh: '{field} 不能为空或太短', en: '{field} is empty or too short' },
  maxItems: { zh: '{field} 项数太多', en: '{field} has too many items' },
  type: { zh: '{field} 类型不正确', en: '{field} has the wrong type' },
  enum: { zh: '{field} 的取值不在允许范围内', en: '{field} is not one of the allowed values' },
  const: { zh: '{field} 的取值不在允许范围内', en: '{field} is not one of the allowed values' },
  anyOf: { zh: '{field} 的取值不在允许范围内', en: '{field} is not one of the allowed values' },
  pattern: { zh: '{field} 格式不正确', en: '{field} has the wrong format' },
  format: { zh: '{field} 格式不正确', en: '{field} has the wrong format' },
  minimum: { zh: '{field} 太小', en: '{field} is too small' },
  maximum: { zh: '{field} 太大', en: '{field} is too large' },
  minProperties: { zh: '没有要修改的内容', en: 'nothing to change' },
  // From input-guard.ts: what no route can use, whatever its schema says.
  unusable_text: {
    zh: '{field} 含有无法保存的字符（空字符或残缺的文字编码），请删除后再试',
    en: '{field} contains characters that cannot be stored (a NUL byte or a broken character)',
  },
  unusable_number: { zh: '{field} 不是有效的数字', en: '{field} is not a usable number' },
  date: { zh: '{field} 不是存在的日期（年-月-日）', en: '{field} is not a real date (YYYY-MM-DD)' },
  instant: {
    zh: '{field} 不是有效的时间（如 2026-01-23T08:00:00+08:00）',
    en: '{field} is not a valid time (e.g. 2026-01-23T08:00:00+08:00)',
  },
};

/** A date or a time refused by its pattern or its format reads as such, not as "wrong format". */
function keywordOf(issue: ValidationIssue | undefined): string {
  const keyword = issue?.keyword ?? '';
  const { pattern, format } = issue?.params ?? {};
  if (
    (keyword === 'pattern' && pattern === CALENDAR_DATE_PATTERN) ||
    (keyword === 'format' && format === 'date')
  )
    return 'date';
  if (
    (keyword === 'pattern' && pattern === INSTANT_PATTERN) ||
    (keyword === 'format' && format === 'date-time')
  )
    return 'instant';
  return keyword;
}

export function describeValidation(issue: ValidationIssue | undefined, context: string, lang: Lang) {
  const path = issue?.instancePath.replace(/^\//, '').replace(/\//g, '.') ?? '';
  const extra =
    (issue?.params.missingProperty as string | undefined) ??
    (issue?.params.additionalProperty as string | undefined);
  const field = [path, extra].filter(Boolean).join('.') || context;
  const template = KEYWORD_TEXT[keywordOf(issue)] ?? KEYWORD_TEXT.format;
  return { field, detail: (template?.[lang] ?? '').replace('{field}', field) };
}

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string, field?: string) {
  return reply.status(status).send({ error: field ? { code, message, field } : { code, message } });
}

/** The SQLSTATE of a database error, which Drizzle wraps in its own error as `cause`. */
export function postgresCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

// PostgreSQL's data exceptions (class 22: a number past its column, a date that does not exist, text it
// cannot store…): the route schemas and input-guard.ts refuse these first; this net makes one that slips
// through a 400, not a 500. It says what kind of input, never the statement or its parameters.
export const DATA_EXCEPTION = {
  zh: '有内容无法保存（数字超出范围、日期不存在或含有无法保存的字符），请检查后再试',
  en: 'part of the input cannot be stored (a number out of range, a date that does not exist or characters that cannot be stored)',
};

/**
 * A multipart body busboy could not read (cut short, no or another boundary): the client's upload is
 * broken. busboy's errors carry no code, so they are known by where they were made (and their words).
 */
function brokenUpload(error: Error): boolean {
  if ('code' in error || 'statusCode' in error) return false;
  return (error.stack ?? '').includes('@fastify/busboy') || /multipart|boundary|needle/i.test(error.message);
}

/**
 * Errors Fastify meets before any route (a path with broken percent-encoding, a path parameter past its
 * length): the same `{ error }` answer as everything else, without echoing the path back.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = requestLang(request);
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return send(reply, status, 'bad_url', formatMessage('bad_url', lang));
}

/** One place turns every failure into `{ error: { code, message, field? } }` in the caller's language. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = requestLang(request);
    if (error instanceof AppError) {
      return send(
        reply,
        error.status,
        error.code,
        formatMessage(error.code, lang, error.params),
        error.field,
      );
    }
    if (error.validation) {
      const { field, detail } = describeValidation(
        error.validation[0] as ValidationIssue | undefined,
        error.validationContext ?? '',
        lang,
      );
      return send(
        reply,
        400,
        'validation_failed',
        formatMessage('validation_failed', lang, { detail }),
        field,
      );
    }
    const sqlState = postgresCode(error);
    // Two requests racing to create the same row (a double-tapped submit): the loser is told, not crashed.
    if (sqlState === '23505') {
      return send(reply, 409, 'conflict_duplicate', formatMessage('conflict_duplicate', lang));
    }
    if (sqlState?.startsWith('22')) {
      request.log.warn({ sqlState, url: request.routeOptions.url }, 'data exception answered 400');
      return send(
        reply,
        400,
        'validation_failed',
        formatMessage('validation_failed', lang, { detail: DATA_EXCEPTION[lang] }),
      );
    }
    if (brokenUpload(error))
      return send(reply, 400, 'upload_incomplete', formatMessage('upload_incomplete', lang));
    const known: Record<string, ErrorCode> = {
      FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
      FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
      FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
      FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
      FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_json',
      FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
      FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
      FST_PARTS_LIMIT: 'payload_too_large',
      FST_FILES_LIMIT: 'payload_too_large',
      FST_FIELDS_LIMIT: 'payload_too_large',
    };
    const mapped = error.code ? known[error.code] : undefined;
    if (mapped) {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      return send(reply, status, mapped, formatMessage(mapped, lang));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(
        reply,
        error.statusCode,
        'validation_failed',
        formatMessage('validation_failed', lang, { detail: error.message }),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'internal', formatMessage('internal', lang));
  });

  app.setNotFoundHandler((request, reply) => {
    const lang = requestLang(request);
    return send(reply, 404, 'route_not_found', formatMessage('route_not_found', lang));
  });
}
