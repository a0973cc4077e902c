import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, formatMessage, type Lang } from '../../shared/i18n/error-messages';
import { AppError } from './app-error';
import { requestLang } from './lang';

interface ValidationIssue {
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
};

function describeValidation(issue: ValidationIssue | undefined, context: string, lang: Lang) {
  const path = issue?.instancePath.replace(/^\//, '').replace(/\//g, '.') ?? '';
  const extra =
    (issue?.params.missingProperty as string | undefined) ??
    (issue?.params.additionalProperty as string | undefined);
  const field = [path, extra].filter(Boolean).join('.') || context;
  const template = KEYWORD_TEXT[issue?.keyword ?? ''] ?? KEYWORD_TEXT.format;
  return { field, detail: (template?.[lang] ?? '').replace('{field}', field) };
}

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string, field?: string) {
  return reply.status(status).send({ error: field ? { code, message, field } : { code, message } });
}

/** The SQLSTATE of a database error, which Drizzle wraps in its own error as `cause`. */
function postgresCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
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
    // Two requests racing to create the same row (a double-tapped submit): the loser is told, not crashed.
    if (postgresCode(error) === '23505') {
      return send(reply, 409, 'conflict_duplicate', formatMessage('conflict_duplicate', lang));
    }
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
