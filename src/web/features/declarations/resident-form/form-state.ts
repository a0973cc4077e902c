import {
  type FormQuestion,
  SYMPTOMS,
  type Symptom,
  TRANSPORTS,
  type Transport,
} from '../../../../shared/declarations';
import { DOCUMENT_TYPES, type DocumentType, type Gender } from '../../../../shared/identity';
import { checkIdentity } from '../../../../shared/people/resident-input';
import { newPhoneId } from '../../../shared/phone-id';
import type { DeclarationBody } from './resident-form-api';

export type YesNo = 'yes' | 'no' | '';
export type HomeAnswer = 'yes' | 'no' | 'unsure' | '';

/** Everything the resident has typed, as strings where an input holds it: what the draft stores. */
export interface FormState {
  name: string;
  docType: DocumentType;
  docNumber: string;
  phone: string;
  gender: Gender | '';
  birthDate: string;
  buildingId: string;
  entranceId: string;
  room: string;
  newcomer: boolean;
  note: string;
  leftCity: YesNo;
  originProvince: string;
  originCity: string;
  originRegion: string;
  returnDate: string;
  transport: Transport | '';
  transportNumber: string;
  seat: string;
  visited: string[];
  contactConfirmed: YesNo;
  contactRisk: YesNo;
  symptoms: Symptom[];
  noSymptoms: boolean;
  temperature: string;
  home: HomeAnswer;
  companions: string;
  consent: boolean;
  /** Answers to the questions officers added, by question key: text as typed, choices as a list. */
  extra: ExtraState;
  /**
   * This submit's id, made on the phone and kept with the draft: sending again after a timeout (the
   * first may have arrived) is stored once and answered with the first receipt. A new form, a new id.
   */
  clientId: string;
}

export type ExtraState = Record<string, string | string[]>;

/** The form version in force when the page was opened: its questions are the ones answered. */
export interface FormVersion {
  versionId: number | null;
  questions: FormQuestion[];
}

export const MAX_VISITED = 5;

export function emptyState(): FormState {
  return {
    name: '',
    docType: 'resident_id',
    docNumber: '',
    phone: '',
    gender: '',
    birthDate: '',
    buildingId: '',
    entranceId: '',
    room: '',
    newcomer: false,
    note: '',
    leftCity: '',
    originProvince: '',
    originCity: '',
    originRegion: '',
    returnDate: '',
    transport: '',
    transportNumber: '',
    seat: '',
    visited: [],
    contactConfirmed: '',
    contactRisk: '',
    symptoms: [],
    noSymptoms: false,
    temperature: '',
    home: '',
    companions: '',
    consent: false,
    extra: {},
    clientId: newPhoneId(),
  };
}

/** A new form for the next member of the same household: the address stays, the rest starts over. */
export function nextPersonState(previous: FormState): FormState {
  const { buildingId, entranceId, room, newcomer, note } = previous;
  return { ...emptyState(), buildingId, entranceId, room, newcomer, note };
}

/** Documents whose number carries the birth date and gender, so the form does not ask for them. */
export function documentEncodesBirth(docType: DocumentType): boolean {
  return (
    docType === 'resident_id' ||
    docType === 'hk_macao_tw_residence_permit' ||
    docType === 'foreign_permanent_residence'
  );
}

const orNull = (value: string): string | null => value.trim() || null;
const yes = (value: YesNo): boolean => value === 'yes';

/** The request body for a form that passed `validateForm`. */
export function buildBody(
  state: FormState,
  token: string,
  now?: Date,
  form: FormVersion = { versionId: null, questions: [] },
): DeclarationBody {
  const encodes = documentEncodesBirth(state.docType);
  const identity = checkIdentity(
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
  const person = identity.ok
    ? { ...identity.value, phone: identity.value.phone ?? state.phone.trim(), docType: state.docType }
    : {
        name: state.name.trim(),
        gender: encodes ? null : state.gender || null,
        docType: state.docType,
        docNumber: state.docNumber.trim(),
        phone: state.phone.trim(),
        birthDate: encodes ? null : orNull(state.birthDate),
      };
  const note = state.note.trim();
  const left = yes(state.leftCity);
  const temperature = state.temperature.trim();
  return {
    token,
    person,
    address: state.newcomer
      ? { newcomer: true, ...(note ? { note } : {}) }
      : {
          buildingId: Number(state.buildingId),
          entranceId: state.entranceId ? Number(state.entranceId) : null,
          room: state.room.trim(),
        },
    leftCity: left,
    originRegion: left ? orNull(state.originRegion) : null,
    returnDate: left ? orNull(state.returnDate) : null,
    transport: left ? state.transport || null : null,
    transportNumber: left ? orNull(state.transportNumber) : null,
    seat: left ? orNull(state.seat) : null,
    riskRegionsVisited: left ? [...new Set(state.visited)].slice(0, MAX_VISITED) : [],
    contactConfirmedCase: yes(state.contactConfirmed),
    contactRiskAreaPeople: yes(state.contactRisk),
    symptoms: state.noSymptoms ? [] : SYMPTOMS.filter((s) => state.symptoms.includes(s)),
    temperature: temperature ? Number(temperature) : null,
    homeConditionsMet: left && state.home !== 'unsure' && state.home !== '' ? state.home === 'yes' : null,
    companions: orNull(state.companions),
    formVersionId: form.versionId,
    extra: extraBody(state.extra, form.questions),
    consent: true,
    clientId: state.clientId,
  };
}

/** Only this version's questions, empty answers left out; the server checks kinds as the form did. */
function extraBody(extra: ExtraState, questions: readonly FormQuestion[]): Record<string, string | string[]> {
  const body: Record<string, string | string[]> = {};
  for (const question of questions) {
    const value = extra[question.key];
    if (Array.isArray(value) ? value.length > 0 : value?.trim())
      body[question.key] = value as string | string[];
  }
  return body;
}

// ---- Drafts: what is typed survives a reload or a failed submit, on the resident's own phone only.

const DRAFT_VERSION = 1;
/** A draft older than this is someone's old visit, not an interrupted one. */
const DRAFT_MAX_AGE_MS = 3 * 86_400_000;

export function serializeDraft(state: FormState, now: Date = new Date()): string {
  return JSON.stringify({ v: DRAFT_VERSION, savedAt: now.getTime(), state });
}

type Rec = Record<string, unknown>;
const str = (o: Rec, k: string): string => (typeof o[k] === 'string' ? (o[k] as string).slice(0, 500) : '');
const bool = (o: Rec, k: string): boolean => o[k] === true;
const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];

/** Reads back a stored draft; anything unreadable, old or of another shape gives null. */
export function parseDraft(raw: string | null, now: Date = new Date()): FormState | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { v, savedAt, state } = parsed as Rec;
  if (v !== DRAFT_VERSION || typeof savedAt !== 'number' || typeof state !== 'object' || state === null)
    return null;
  if (now.getTime() - savedAt > DRAFT_MAX_AGE_MS) return null;
  const s = state as Rec;
  const yn = (k: string): YesNo => oneOf(s[k], ['yes', 'no', ''] as const, '');
  return {
    name: str(s, 'name'),
    docType: oneOf(s.docType, DOCUMENT_TYPES, 'resident_id'),
    docNumber: str(s, 'docNumber'),
    phone: str(s, 'phone'),
    gender: oneOf(s.gender, ['male', 'female', ''] as const, ''),
    birthDate: str(s, 'birthDate'),
    buildingId: str(s, 'buildingId'),
    entranceId: str(s, 'entranceId'),
    room: str(s, 'room'),
    newcomer: bool(s, 'newcomer'),
    note: str(s, 'note'),
    leftCity: yn('leftCity'),
    originProvince: str(s, 'originProvince'),
    originCity: str(s, 'originCity'),
    originRegion: str(s, 'originRegion'),
    returnDate: str(s, 'returnDate'),
    transport: oneOf(s.transport, [...TRANSPORTS, ''] as const, ''),
    transportNumber: str(s, 'transportNumber'),
    seat: str(s, 'seat'),
    visited: strings(s.visited)
      .filter((c) => /^\d{6}$/.test(c))
      .slice(0, MAX_VISITED),
    contactConfirmed: yn('contactConfirmed'),
    contactRisk: yn('contactRisk'),
    symptoms: SYMPTOMS.filter((x) => strings(s.symptoms).includes(x)),
    noSymptoms: bool(s, 'noSymptoms'),
    temperature: str(s, 'temperature'),
    home: oneOf(s.home, ['yes', 'no', 'unsure', ''] as const, ''),
    companions: str(s, 'companions'),
    consent: bool(s, 'consent'),
    extra: extraOf(s.extra),
    // A draft from before client ids (or with a damaged one) gets a new id.
    clientId: typeof s.clientId === 'string' && UUID.test(s.clientId) ? s.clientId : newPhoneId(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function extraOf(value: unknown): ExtraState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const extra: ExtraState = {};
  for (const [key, answer] of Object.entries(value as Rec).slice(0, 30)) {
    if (!/^q\d{1,4}$/.test(key)) continue;
    if (typeof answer === 'string') extra[key] = answer.slice(0, 500);
    else if (Array.isArray(answer)) extra[key] = strings(answer).slice(0, 20);
  }
  return extra;
}
