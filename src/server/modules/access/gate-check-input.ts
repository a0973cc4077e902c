// A batch of gate checks is read one check at a time: a phone that queued 200 checks offline must not have
// all of them refused (and resent for ever) because one holds a bad field. The route validates only the
// batch's shape; each check is read here against the same schema the OpenAPI document shows, and a bad
// one becomes a `refused` answer with its reason while the rest are recorded.
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';
import { DIRECTIONS, type GateCheckInput, type GateCheckResult, TOKEN_LENGTH } from '../../../shared/access';
import { formatMessage, type Lang } from '../../../shared/i18n/error-messages';
import { describeValidation, type ValidationIssue } from '../../http/error-handler';
import { findUnusable } from '../../http/input-guard';
import { Id, Instant, Int4, literals, Strict, Text } from '../../http/schemas';
import type { CheckAnswer } from './gate-checks.service';

export const PassToken = Type.String({
  pattern: '^[A-Za-z0-9_-]+$',
  minLength: TOKEN_LENGTH,
  maxLength: TOKEN_LENGTH,
});
export const PassNumber = Int4(1);
export const MAX_CHECKS = 200;

export const GateCheck = Strict({
  uuid: Type.String({ format: 'uuid', maxLength: 36 }),
  gateId: Id,
  checkedAt: Instant,
  direction: literals(DIRECTIONS),
  token: Type.Optional(PassToken),
  passNumber: Type.Optional(PassNumber),
  temperature: Type.Optional(Type.Union([Type.Number({ minimum: 34, maximum: 43 }), Type.Null()])),
  idChecked: Type.Optional(Type.Boolean()),
  plate: Type.Optional(Type.Union([Text(12, 2), Type.Null()])),
  trunkChecked: Type.Optional(Type.Boolean()),
  refused: Type.Optional(Type.Boolean()),
  refusalReason: Type.Optional(Type.Union([Text(200), Type.Null()])),
  offline: Type.Optional(Type.Boolean()),
});

/** What the OpenAPI document shows: a batch of checks as each must be. */
export const GateChecksBody = Strict({
  checks: Type.Array(GateCheck, { minItems: 1, maxItems: MAX_CHECKS }),
});

const batchShape = Compile(
  Strict({ checks: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_CHECKS }) }),
);
const oneCheck = Compile(GateCheck);

interface TypeBoxIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** TypeBox's first useful error, in the shape the error handler describes (Ajv's). */
function asIssue(errors: readonly TypeBoxIssue[]): ValidationIssue {
  const extra = errors.find((e) => e.keyword === 'additionalProperties');
  if (extra) {
    const names = extra.params.additionalProperties;
    return {
      keyword: 'additionalProperties',
      instancePath: extra.instancePath,
      params: { additionalProperty: Array.isArray(names) ? names[0] : names },
    };
  }
  const required = errors.find((e) => e.keyword === 'required');
  if (required) {
    const names = required.params.requiredProperties;
    return {
      keyword: 'required',
      instancePath: required.instancePath,
      params: { missingProperty: Array.isArray(names) ? names[0] : names },
    };
  }
  const first = errors[0];
  return {
    keyword: first?.keyword ?? 'type',
    instancePath: first?.instancePath ?? '',
    params: first?.params ?? {},
  };
}

/**
 * The route's body validator: `{ checks: [1–200 anything] }`, nothing more; the checks themselves are
 * read by readGateCheck. Errors come out as Fastify's validation errors do.
 */
export function gateChecksBatchValidator() {
  return (data: unknown) => {
    if (batchShape.Check(data)) return { value: data };
    const issue = asIssue(batchShape.Errors(data) as TypeBoxIssue[]);
    return {
      error: Object.assign(new Error('invalid gate check batch'), {
        statusCode: 400,
        validation: [issue],
        validationContext: 'body',
      }),
    };
  };
}

export type CheckReading = { check: GateCheckInput } | { issue: ValidationIssue };

/** One check of a batch: as the schema says, with text PostgreSQL can store. */
export function readGateCheck(value: unknown): CheckReading {
  if (!oneCheck.Check(value)) return { issue: asIssue(oneCheck.Errors(value) as TypeBoxIssue[]) };
  const unusable = findUnusable(value);
  if (unusable)
    return {
      issue: { keyword: `unusable_${unusable.kind}`, instancePath: unusable.instancePath, params: {} },
    };
  return { check: value as GateCheckInput };
}

function refusal(uuid: unknown, error: GateCheckResult['error']): GateCheckResult {
  return {
    uuid: typeof uuid === 'string' ? uuid : '',
    outcome: 'refused',
    verdict: 'unknown',
    passNumber: null,
    fever: false,
    stored: false,
    error,
  };
}

/**
 * The answer for every check sent, in order: the refusals of reading, and the service's answers for the
 * checks it was given (`indices[i]` is where the i-th of those stood in the batch).
 */
export function answerBatch(
  sent: readonly unknown[],
  readings: readonly CheckReading[],
  answers: readonly CheckAnswer[],
  lang: Lang,
): GateCheckResult[] {
  const indices = readings.flatMap((r, i) => ('check' in r ? [i] : []));
  const byIndex = new Map(indices.map((sentAt, i) => [sentAt, answers[i] as CheckAnswer]));
  return sent.map((item, i) => {
    const uuid = (item as { uuid?: unknown } | null)?.uuid;
    const reading = readings[i] as CheckReading;
    if ('issue' in reading) {
      const { field, detail } = describeValidation(reading.issue, 'checks', lang);
      return refusal(uuid, {
        code: 'validation_failed',
        message: formatMessage('validation_failed', lang, { detail }),
        field,
      });
    }
    const answer = byIndex.get(i) as CheckAnswer;
    if ('refused' in answer) {
      const { code, params, field } = answer.refused;
      return refusal(uuid, { code, message: formatMessage(code, lang, params), ...(field ? { field } : {}) });
    }
    const { duplicateOf, ...result } = answer;
    return duplicateOf === undefined ? result : { ...result, duplicateOf: indices[duplicateOf] as number };
  });
}
