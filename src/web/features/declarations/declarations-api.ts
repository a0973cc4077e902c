import type {
  Channel,
  ExtraAnswer,
  FormQuestion,
  PersonStatus,
  Symptom,
  Transport,
} from '../../../shared/declarations';
import { api } from '../../shared/api-client';

export type StatusCause = 'declaration' | 'risk_area_change' | 'rule_change' | 'gate_fever';
export const STATUS_CAUSES: readonly StatusCause[] = [
  'declaration',
  'risk_area_change',
  'rule_change',
  'gate_fever',
];

export interface Bilingual {
  zh: string;
  en: string;
}

/** What staff send after filling the form at the door or on the phone (R1). */
export interface DeclarationPayload {
  residentId: number;
  channel: Channel;
  leftCity: boolean;
  originRegion?: string | null;
  returnDate?: string | null;
  transport?: Transport | null;
  transportNumber?: string | null;
  seat?: string | null;
  riskRegionsVisited?: string[];
  contactConfirmedCase: boolean;
  contactRiskAreaPeople: boolean;
  symptoms: Symptom[];
  temperature?: number | null;
  homeConditionsMet?: boolean | null;
  companions?: string | null;
  formVersionId?: number | null;
  extra?: Record<string, ExtraAnswer>;
}

/** The questions officers added that a community's form asks now (versionId null: none). */
export interface FormInForce {
  versionId: number | null;
  questions: FormQuestion[];
}

/** A declaration's sealed answers, shown after a reveal with a reason. */
export interface RevealedAnswers {
  id: number;
  riskRegionsVisited: string[];
  contactConfirmedCase: boolean;
  contactRiskAreaPeople: boolean;
  symptoms: Symptom[];
  temperature: number | null;
  homeConditionsMet: boolean | null;
  transportNumber: string | null;
  seat: string | null;
  companions: string | null;
  formVersionId: number | null;
  extra: { key: string; label: Bilingual; value: ExtraAnswer | null }[];
}

/** The outcome of one declaration: the status the rules gave and why. */
export interface DeclarationOutcome {
  id: number;
  residentId: number;
  status: PersonStatus;
  reason: Bilingual;
  observationUntil: string | null;
}

export interface DeclarationListItem {
  id: number;
  residentId: number;
  name: string;
  address: string;
  channel: Channel;
  declaredAt: string;
  leftCity: boolean;
  originRegion: string | null;
  returnDate: string | null;
  /** Whether its health answers are still kept (they are purged after 28 days). */
  hasAnswers: boolean;
  /** What this declaration gave at the time. */
  status: PersonStatus;
  /** Where the person stands now (after later declarations or risk-area changes). */
  currentStatus: PersonStatus;
}

export interface DeclarationFilter {
  communityId?: number;
  status?: PersonStatus;
  channel?: Channel;
  buildingId?: number;
  /** 2, 4 or 6 leading digits of the origin's region code. */
  origin?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface CurrentStatus {
  status: PersonStatus;
  reason: Bilingual;
  observationUntil: string | null;
  updatedAt: string;
}

export interface StatusChange {
  fromStatus: PersonStatus | null;
  toStatus: PersonStatus;
  cause: StatusCause;
  reason: Bilingual;
  at: string;
}

export interface ResidentStatus {
  status: CurrentStatus | null;
  history: StatusChange[];
}

export const declarationKeys = {
  all: ['declarations'] as const,
  list: (filter: DeclarationFilter) => ['declarations', 'list', filter] as const,
  status: (residentId: number) => ['declarations', 'status', residentId] as const,
  changes: ['declarations', 'changes'] as const,
  form: (communityId: number) => ['declarations', 'form', communityId] as const,
};

/** One status change: who, from what to what, and why (a declaration, a risk-area or rule change). */
export interface StatusChangeItem {
  residentId: number;
  name: string;
  address: string;
  fromStatus: PersonStatus | null;
  toStatus: PersonStatus;
  cause: StatusCause;
  reason: { zh: string; en: string };
  at: string;
}

export const declarationsApi = {
  create: (body: DeclarationPayload) => api.post<{ declaration: DeclarationOutcome }>('/declarations', body),
  list: (filter: DeclarationFilter) =>
    api.get<{ items: DeclarationListItem[]; total: number }>('/declarations', { ...filter }),
  status: (residentId: number) => api.get<ResidentStatus>(`/residents/${residentId}/status`),
  changesSinceYesterday: () => api.get<{ items: StatusChangeItem[] }>('/status-changes'),
  formInForce: (communityId: number) => api.get<FormInForce>('/form-versions/in-force', { communityId }),
  revealAnswers: (id: number, reason: string) =>
    api.post<{ answers: RevealedAnswers }>(`/declarations/${id}/reveal`, { reason }),
};
