// The malformed values the OpenAPI fuzz test (src/server/http/fuzz.test.ts) puts in every field: fixed
// lists, so every run sends the same requests.

/** A value sent as raw JSON text (1e400, NaN): JSON.stringify cannot write it. */
export class Raw {
  constructor(readonly text: string) {}
}

export const VARIANT_CLASSES = [
  'base',
  'wrong-type',
  'too-long',
  'nul',
  'unicode',
  'huge-number',
  'bad-date',
  'unknown-key',
  'prototype-key',
  'truncated-json',
  'truncated-multipart',
  'empty-body',
  'content-type',
] as const;
export type VariantClass = (typeof VARIANT_CLASSES)[number];

export interface ValueVariant {
  cls: VariantClass;
  label: string;
  value: unknown;
}

/** Every field gets these, whatever its type. */
export function wrongTypes(type: string | undefined): ValueVariant[] {
  const all: Array<[string, unknown]> = [
    ['null', null],
    ['true', true],
    ['string', 'abc'],
    ['number', 7],
    ['array', []],
    ['nested array', [[1]]],
    ['object', {}],
  ];
  const skip: Record<string, string[]> = {
    boolean: ['true'],
    string: ['string'],
    integer: ['number'],
    number: ['number'],
    array: ['array', 'nested array'],
    object: ['object'],
  };
  return all
    .filter(([label]) => !(skip[type ?? ''] ?? []).includes(label))
    .map(([label, value]) => ({ cls: 'wrong-type', label, value }));
}

export function stringVariants(base: string, maxLength: number | undefined): ValueVariant[] {
  const long = (maxLength ?? 20_000) + 1;
  return [
    { cls: 'too-long', label: `${long} chars`, value: 'x'.repeat(long) },
    { cls: 'too-long', label: `${long} CJK chars`, value: '树'.repeat(long) },
    { cls: 'nul', label: 'NUL appended', value: `${base}\u0000` },
    { cls: 'nul', label: 'NUL alone', value: '\u0000' },
    { cls: 'nul', label: 'NUL in the middle', value: `${base.slice(0, 1)}\u0000${base.slice(1)}` },
    { cls: 'unicode', label: 'lone high surrogate', value: `${base}\uD800` },
    { cls: 'unicode', label: 'lone low surrogate', value: `\uDC00${base}` },
    { cls: 'unicode', label: 'RTL override', value: `\u202E${base}` },
    { cls: 'unicode', label: 'emoji family (ZWJ)', value: `${base}👨‍👩‍👧` },
    { cls: 'unicode', label: 'full-width digits', value: '１２３４５６' },
    { cls: 'unicode', label: 'BOM and zero-width', value: `\uFEFF${base}\u200B` },
    { cls: 'unicode', label: 'combining marks', value: `${base}\u0301\u0301\u0301` },
    { cls: 'unicode', label: 'line separator and controls', value: `${base}\u2028\u0007\u001B` },
    { cls: 'unicode', label: 'noncharacter', value: `${base}\uFFFF` },
    { cls: 'unicode', label: 'empty', value: '' },
  ];
}

export function numberVariants(): ValueVariant[] {
  return [
    { cls: 'huge-number', label: '1e400 (raw)', value: new Raw('1e400') },
    { cls: 'huge-number', label: '-1e400 (raw)', value: new Raw('-1e400') },
    { cls: 'huge-number', label: 'NaN (raw text)', value: new Raw('NaN') },
    { cls: 'huge-number', label: 'Infinity (raw text)', value: new Raw('Infinity') },
    { cls: 'huge-number', label: '1e-400 (raw)', value: new Raw('1e-400') },
    { cls: 'huge-number', label: '-1', value: -1 },
    { cls: 'huge-number', label: '0', value: 0 },
    { cls: 'huge-number', label: '2^31', value: 2 ** 31 },
    { cls: 'huge-number', label: '-2^31-1', value: -(2 ** 31) - 1 },
    { cls: 'huge-number', label: '2^53+1 (raw)', value: new Raw('9007199254740993') },
    { cls: 'huge-number', label: '1.5', value: 1.5 },
    { cls: 'huge-number', label: '"Infinity" as text', value: 'Infinity' },
    { cls: 'huge-number', label: '"1e400" as text', value: '1e400' },
    { cls: 'unicode', label: 'full-width digits as text', value: '１２' },
  ];
}

export const BAD_DATES = [
  '2026-02-30',
  '2025-02-29',
  '0000-00-00',
  '0000-01-01',
  '99999-01-01',
  '2026-13-01',
];
export const BAD_INSTANTS = [
  '2026-02-30T10:00:00Z',
  '0000-01-01T00:00:00Z',
  '99999-01-01T00:00:00Z',
  '2026-01-01T23:59:60Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T10:00:00+99:00',
  '2026-01-01T10:00:00+08',
];

export function dateVariants(format: string | undefined): ValueVariant[] {
  const values = format === 'date-time' ? BAD_INSTANTS : BAD_DATES;
  return values.map((value) => ({ cls: 'bad-date', label: value, value }));
}

/** Raw text for a query-string value or a path segment (already percent-encoded where needed). */
export interface RawText {
  cls: VariantClass;
  label: string;
  text: string;
}

export const URL_VALUES: RawText[] = [
  { cls: 'wrong-type', label: 'word', text: 'abc' },
  { cls: 'wrong-type', label: 'true', text: 'true' },
  { cls: 'wrong-type', label: 'blank', text: '%20' },
  { cls: 'nul', label: '%00', text: '%00' },
  { cls: 'nul', label: '1%00', text: '1%00' },
  { cls: 'unicode', label: 'invalid UTF-8 %FF', text: '%FF' },
  { cls: 'unicode', label: 'truncated escape %E0%A4%A', text: '%E0%A4%A' },
  { cls: 'unicode', label: 'encoded lone surrogate', text: '%ED%A0%80' },
  { cls: 'unicode', label: 'RTL override', text: '%E2%80%AE1' },
  { cls: 'unicode', label: 'emoji', text: encodeURIComponent('😀') },
  { cls: 'unicode', label: 'full-width digits', text: encodeURIComponent('１２') },
  { cls: 'huge-number', label: 'Infinity', text: 'Infinity' },
  { cls: 'huge-number', label: '-Infinity', text: '-Infinity' },
  { cls: 'huge-number', label: '1e400', text: '1e400' },
  { cls: 'huge-number', label: 'NaN', text: 'NaN' },
  { cls: 'huge-number', label: '-1', text: '-1' },
  { cls: 'huge-number', label: '0', text: '0' },
  { cls: 'huge-number', label: '2^31', text: String(2 ** 31) },
  { cls: 'huge-number', label: '2^53+1', text: '9007199254740993' },
  { cls: 'huge-number', label: '1.5', text: '1.5' },
  { cls: 'huge-number', label: '400 nines', text: '9'.repeat(400) },
  { cls: 'too-long', label: '5000 chars', text: 'x'.repeat(5000) },
  ...BAD_DATES.map((d) => ({ cls: 'bad-date' as const, label: d, text: d })),
  ...BAD_INSTANTS.map((d) => ({ cls: 'bad-date' as const, label: d, text: encodeURIComponent(d) })),
];
