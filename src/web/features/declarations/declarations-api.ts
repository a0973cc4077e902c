import type { Channel, ExtraAnswer, PersonStatus, Symptom, Transport } from '../../../shared/declarations';
import type {
  DeclarationAnswer,
  DeclarationPage,
  FormInForce,
  ResidentStatus,
  RevealedAnswersAnswer,
  StatusChanges,
} from '../../../shared/declarations/declaration-responses';
import { api } from '../../shared/api-client';

export type {
  Bilingual,
  CurrentStatus,
  DeclarationListItem,
  DeclarationOutcome,
  FormInForce,
  ResidentStatus,
  RevealedAnswers,
  StatusCause,
  StatusChange,
  StatusChangeItem,
} from '../../../shared/declarations/declaration-responses';
// The console's bundle carries the list, not TypeBox: it comes from a file without schemas.
export { STATUS_CAUSES } from '../../../shared/declarations/status-causes';

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

export const declarationKeys = {
  all: ['declarations'] as const,
  list: (filter: DeclarationFilter) => ['declarations', 'list', filter] as const,
  status: (residentId: number) => ['declarations', 'status', residentId] as const,
  changes: ['declarations', 'changes'] as const,
  form: (communityId: number) => ['declarations', 'form', communityId] as const,
};

export const declarationsApi = {
  create: (body: DeclarationPayload) => api.post<DeclarationAnswer>('/declarations', body),
  list: (filter: DeclarationFilter) => api.get<DeclarationPage>('/declarations', { ...filter }),
  status: (residentId: number) => api.get<ResidentStatus>(`/residents/${residentId}/status`),
  changesSinceYesterday: () => api.get<StatusChanges>('/status-changes'),
  formInForce: (communityId: number) => api.get<FormInForce>('/form-versions/in-force', { communityId }),
  revealAnswers: (id: number, reason: string) =>
    api.post<RevealedAnswersAnswer>(`/declarations/${id}/reveal`, { reason }),
};
