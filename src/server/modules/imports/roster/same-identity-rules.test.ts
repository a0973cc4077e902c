import { beforeAll, describe, expect, it, vi } from 'vitest';
import { checkIdentity, type IdentityInput } from '../../../../shared/people/resident-input';
import { addDays, beijingToday } from '../../../../shared/time/beijing';
import { emptyState, type FormState } from '../../../../web/features/declarations/resident-form/form-state';
import { identityErrors } from '../../../../web/features/declarations/resident-form/form-validation';
import { residentId } from './test-fixtures';
import { mapHeader, validateRosterRow } from './validate-roster-row';

/**
 * The roster import, the resident page and the console's resident form check a person's identity by one
 * rule (src/shared/people/resident-input.ts) and say the same thing in Chinese. Each case is typed into
 * all three; every field the server's check complains about must get the very same message from each,
 * and what is accepted must be stored the same.
 */

const HEADER = ['姓名', '性别', '证件类型', '证件号码', '手机号', '出生日期', '楼栋', '门牌号'];
const FIELD_OF_HEADER: Record<string, string> = {
  姓名: 'name',
  性别: 'gender',
  证件号码: 'docNumber',
  手机号: 'phone',
  出生日期: 'birthDate',
};
const ID = residentId('110105', '19900102', '123');
const BASE: IdentityInput = { name: '张三', docType: 'resident_id', docNumber: ID, phone: '13800138000' };
const tomorrow = addDays(beijingToday(), 1);

const CASES: Array<[string, Partial<IdentityInput>]> = [
  ['a name of digits', { name: '13800138000' }],
  ['a placeholder for a name', { name: '/' }],
  ['a namesake’s mark in full-width brackets', { name: '王芳（小）' }],
  ['a name too long', { name: '张'.repeat(51) }],
  ['a padded name', { name: '李　娜' }],
  ['a minority name with another dot', { name: '买买提 • 艾力' }],
  ['a full-width foreign name', { name: 'ＬＩ　ＭＩＮＧ' }],
  ['a wrong check digit', { docNumber: `${ID.slice(0, 17)}${ID.endsWith('0') ? '1' : '0'}` }],
  ['a phone that is no phone', { phone: '12345' }],
  [
    'a passport holder born tomorrow',
    { docType: 'passport_cn', docNumber: 'E12345678', birthDate: tomorrow },
  ],
  [
    'a passport holder born before 1900',
    { docType: 'passport_cn', docNumber: 'E12345678', birthDate: '1899-12-31' },
  ],
];

const GENDER_WORD = { male: '男', female: '女' } as const;
const DOC_WORD = { resident_id: '身份证', passport_cn: '护照' } as Record<string, string>;

function roster(input: IdentityInput) {
  const mapping = mapHeader(HEADER);
  if (!mapping.ok) throw new Error('header');
  const cells = [
    input.name,
    input.gender ? GENDER_WORD[input.gender] : '',
    DOC_WORD[input.docType] ?? '',
    input.docNumber,
    input.phone ?? '',
    input.birthDate ?? '',
    '3号楼',
    '302',
  ];
  const result = validateRosterRow(cells, mapping.columns);
  if (result.ok) return { name: result.row.name, issues: {} as Record<string, string> };
  const issues: Record<string, string> = {};
  for (const reason of result.reasons) {
    const [header, message] = splitOnce(reason);
    issues[FIELD_OF_HEADER[header] ?? header] ??= message;
  }
  return { name: null, issues };
}

function splitOnce(text: string): [string, string] {
  const at = text.indexOf('：');
  return [text.slice(0, at), text.slice(at + 1)];
}

function residentPage(input: IdentityInput) {
  const state: FormState = {
    ...emptyState(),
    name: input.name,
    docType: input.docType,
    docNumber: input.docNumber,
    phone: input.phone ?? '',
    gender: input.gender ?? '',
    birthDate: input.birthDate ?? '',
  };
  return identityErrors(state) as Record<string, string>;
}

// The console's form module starts its i18n on import, which marks the page's language.
let consoleModule: typeof import('../../../../web/features/people/resident-form-state');
beforeAll(async () => {
  vi.stubGlobal('document', { documentElement: { lang: '' } });
  consoleModule = await import('../../../../web/features/people/resident-form-state');
});

function consoleForm(input: IdentityInput) {
  const { checkResidentForm, initialValues } = consoleModule;
  const values = {
    ...initialValues(undefined, true),
    name: input.name,
    docType: input.docType,
    docNumber: input.docNumber,
    phone: input.phone ?? '',
    gender: input.gender ?? null,
    birthDate: input.birthDate ?? '',
  };
  const checked = checkResidentForm(values, 'zh');
  return { name: checked.payload?.name ?? null, issues: checked.issues as Record<string, string> };
}

describe('one identity check for the roster, the resident page and the console', () => {
  it.each(CASES)('%s', (_label, change) => {
    const input = { ...BASE, ...change };
    const server = checkIdentity(input);
    const expected: Record<string, string> = {};
    if (!server.ok) for (const issue of server.issues) expected[issue.field] ??= issue.message.zh;

    const fromRoster = roster(input);
    const fromPage = residentPage(input);
    const fromConsole = consoleForm(input);
    for (const [field, message] of Object.entries(expected)) {
      expect(fromRoster.issues[field], `roster ${field}`).toBe(message);
      expect(fromPage[field], `resident page ${field}`).toBe(message);
      expect(fromConsole.issues[field], `console ${field}`).toBe(message);
    }
    if (server.ok) {
      expect(fromRoster.issues).toEqual({});
      expect(fromConsole.issues).toEqual({});
      for (const field of ['name', 'docNumber', 'phone', 'gender', 'birthDate'])
        expect(fromPage[field], `resident page ${field}`).toBeUndefined();
      expect(fromRoster.name).toBe(server.value.name);
      expect(fromConsole.name).toBe(server.value.name);
    }
  });
});
