import { checkExtraAnswers, type FormQuestion } from '../../../../shared/declarations';
import { checkIdentity } from '../../../../shared/people/resident-input';
import { beijingToday, isCalendarDate } from '../../../../shared/time/beijing';
import { documentEncodesBirth, type FormState } from './form-state';
import type { PosterBuilding } from './resident-form-api';

/** Where an error is shown: `rf-error-<field>` under the input. Server `field`s map here by their last part. */
export type FieldKey =
  | 'name'
  | 'docNumber'
  | 'phone'
  | 'gender'
  | 'birthDate'
  | 'buildingId'
  | 'entranceId'
  | 'room'
  | 'note'
  | 'leftCity'
  | 'originRegion'
  | 'returnDate'
  | 'transport'
  | 'transportNumber'
  | 'seat'
  | 'riskRegionsVisited'
  | 'contactConfirmedCase'
  | 'contactRiskAreaPeople'
  | 'symptoms'
  | 'temperature'
  | 'homeConditionsMet'
  | 'companions'
  | 'consent';

export type FieldErrors = Partial<Record<FieldKey, string>>;

const KNOWN_FIELDS = new Set<string>([
  'name',
  'docNumber',
  'phone',
  'gender',
  'birthDate',
  'buildingId',
  'entranceId',
  'room',
  'note',
  'leftCity',
  'originRegion',
  'returnDate',
  'transport',
  'transportNumber',
  'seat',
  'riskRegionsVisited',
  'contactConfirmedCase',
  'contactRiskAreaPeople',
  'symptoms',
  'temperature',
  'homeConditionsMet',
  'companions',
  'consent',
]);

/** 'person.docNumber' → 'docNumber'; 'address.buildingId' → 'buildingId'; unknown → null. */
export function fieldFromServer(field: string | undefined): FieldKey | null {
  if (!field) return null;
  const last = field.split(/[./]/).filter(Boolean).pop() ?? '';
  return KNOWN_FIELDS.has(last) ? (last as FieldKey) : null;
}

const TEMPERATURE = /^\d{2}(?:\.\d)?$/;

/** Only the identity fields: run as the resident types. */
export function identityErrors(state: FormState, now?: Date): FieldErrors {
  const errors: FieldErrors = {};
  const encodes = documentEncodesBirth(state.docType);
  const result = checkIdentity(
    {
      name: state.name,
      docType: state.docType,
      docNumber: state.docNumber,
      phone: state.phone,
      gender: encodes ? null : state.gender || null,
      birthDate: encodes ? null : state.birthDate,
    },
    now,
  );
  if (!result.ok) {
    for (const issue of result.issues) errors[issue.field] ??= issue.message.zh;
  }
  if (!state.docNumber.trim()) errors.docNumber = '请填写证件号码';
  if (!state.phone.trim()) errors.phone = '请填写手机号，社区需要时会联系您';
  return errors;
}

/** Every check the form makes before sending; the server checks again and has the last word. */
export function validateForm(
  state: FormState,
  buildings: readonly PosterBuilding[],
  now: Date = new Date(),
): FieldErrors {
  const errors = identityErrors(state, now);
  if (!state.newcomer) {
    const building = buildings.find((b) => String(b.id) === state.buildingId);
    if (!building) errors.buildingId = '请选择楼栋';
    else if (
      building.entrances.length > 0 &&
      !building.entrances.some((e) => String(e.id) === state.entranceId)
    )
      errors.entranceId = '请选择单元';
    if (!state.room.trim()) errors.room = '请填写门牌号';
    else if (state.room.trim().length > 30) errors.room = '门牌号太长了';
  }
  if (state.note.trim().length > 200) errors.note = '说明请控制在 200 字以内';
  if (!state.leftCity) errors.leftCity = '请选择近14天是否离开过北京';
  if (state.leftCity === 'yes') {
    if (!/^\d{6}$/.test(state.originRegion)) errors.originRegion = '请选择从哪里返京（选到区县）';
    const today = beijingToday(now);
    if (!state.returnDate) errors.returnDate = '请选择返京日期';
    else if (!isCalendarDate(state.returnDate)) errors.returnDate = '返京日期格式不对';
    else if (state.returnDate > today) errors.returnDate = '返京日期不能晚于今天';
    if (!state.transport) errors.transport = '请选择交通方式';
    if (state.transportNumber.trim().length > 20) errors.transportNumber = '车次/航班号最多 20 个字';
    if (state.seat.trim().length > 20) errors.seat = '座位号最多 20 个字';
    if (!state.home) errors.homeConditionsMet = '请选择是否有单独房间';
  }
  if (!state.contactConfirmed) errors.contactConfirmedCase = '请选择是否接触过确诊或疑似病例';
  if (!state.contactRisk) errors.contactRiskAreaPeople = '请选择是否接触过来自风险地区的人员';
  if (!state.noSymptoms && state.symptoms.length === 0) errors.symptoms = '请选择症状，没有请点“无以上症状”';
  const temperature = state.temperature.trim();
  if (temperature) {
    const value = Number(temperature);
    if (!TEMPERATURE.test(temperature) || value < 35 || value > 42)
      errors.temperature = '体温请填 35 到 42 之间的数字，最多一位小数，如 36.5';
  }
  if (state.companions.trim().length > 200) errors.companions = '同行人员请控制在 200 字以内';
  if (!state.consent) errors.consent = '请阅读说明并勾选“我已阅读并同意”';
  return errors;
}

/** The order fields appear on the page: the first error is where the page scrolls to. */
export const FIELD_ORDER: readonly FieldKey[] = [...KNOWN_FIELDS] as FieldKey[];

/** Errors of the officers' extra questions, by question key (the shared check the server runs too). */
export function extraErrors(state: FormState, questions: readonly FormQuestion[]): Record<string, string> {
  const result = checkExtraAnswers(questions, state.extra);
  if (result.ok) return {};
  return Object.fromEntries(result.issues.map((issue) => [issue.key, issue.message.zh]));
}

/** 'extra.q3' → 'q3': a server error about one of the extra questions. */
export function extraFieldFromServer(field: string | undefined): string | null {
  const match = /^extra\.(q\d{1,4})$/.exec(field ?? '');
  return match?.[1] ?? null;
}
