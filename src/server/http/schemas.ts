import { type TProperties, Type } from 'typebox';

// The shared building blocks of every route schema. What a client sends must be refused here, with a
// message, before it can reach PostgreSQL: an integer past the column, a date that does not exist, a time
// JavaScript cannot read. (Text PostgreSQL cannot store — NUL, lone surrogates — and numbers that are not
// finite are refused for every route at once by input-guard.ts.)

/** Objects refuse fields they do not know: a typo is an error, not silently ignored. */
export const Strict = <T extends TProperties>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });

/** A partial update: unknown fields refused, and at least one field to change. */
export const StrictPatch = <T extends TProperties>(properties: T) =>
  Type.Object(properties, { additionalProperties: false, minProperties: 1 });

export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;
/** A whole number a PostgreSQL `integer` column holds (bounds narrowed by the caller, never widened). */
export const Int4 = (minimum = INT4_MIN, maximum = INT4_MAX, options: { default?: number } = {}) =>
  Type.Integer({ minimum: Math.max(minimum, INT4_MIN), maximum: Math.min(maximum, INT4_MAX), ...options });

export const Id = Int4(1);
export const IdParams = Strict({ id: Id });
/** The row version an editor loaded: a save over someone else's change is refused. */
export const Version = Int4(1);

export const Page = {
  page: Type.Optional(Int4(1, 100_000, { default: 1 })),
  pageSize: Type.Optional(Int4(1, 200, { default: 20 })),
};

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
});

export const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });
export const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);

/** Years a date of this system can carry (PostgreSQL refuses year 0; JavaScript and PG disagree past 9999). */
const YEAR = '(19|20|21)\\d{2}';
const MONTH_DAY = '(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])';
export const CALENDAR_DATE_PATTERN = `^${YEAR}-${MONTH_DAY}$`;
// Seconds 00–59 (JavaScript reads no leap second) and an offset with its minutes ("+08" alone is NaN).
export const INSTANT_PATTERN = `^${YEAR}-${MONTH_DAY}T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?(Z|[+-]([01]\\d|2[0-3]):?[0-5]\\d)$`;

/** A day that exists ('2026-02-30' is refused: `format: date` checks the month's length and leap years). */
export const DateString = Type.String({ format: 'date', pattern: CALENDAR_DATE_PATTERN, maxLength: 10 });
/** A moment, as `Date.toISOString()` writes it (any offset). */
export const Instant = Type.String({ format: 'date-time', pattern: INSTANT_PATTERN, maxLength: 40 });

/** One of a fixed list of words (an enum of the shared code), as a union of literals. */
export const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));
/** A calendar month, YYYY-MM. */
export const MonthString = Type.String({ pattern: `^${YEAR}-(0[1-9]|1[0-2])$`, maxLength: 7 });
