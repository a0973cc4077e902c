import type {
  Compounds,
  GateAnswer,
  GateList,
  KeyRotated,
  PassesIssued,
  PassesReissued,
  PassLink,
  PassPage,
  PassReissued,
  PassSettings,
  PassStatus,
  PrintSheet,
  PublicKeys,
} from '../../../shared/access/access-responses';
import { api } from '../../shared/api-client';

export type { ConsoleGate, PassItem, PassStatus, PrintItem } from '../../../shared/access/access-responses';

export const accessKeys = {
  all: ['access'] as const,
  gates: ['access', 'gates'] as const,
  compounds: ['access', 'compounds'] as const,
  passes: (filter: object) => ['access', 'passes', filter] as const,
  settings: (communityId: number) => ['access', 'settings', communityId] as const,
  signingKeys: ['access', 'signing-keys'] as const,
  print: (compoundId: number) => ['access', 'print', compoundId] as const,
};

export const accessApi = {
  compounds: async () => (await api.get<Compounds>('/access/compounds')).items,
  gates: async () => (await api.get<GateList>('/access/gates')).items,
  createGate: (body: {
    compoundId: number;
    name: string;
    vehiclesAllowed: boolean;
    openingHours: string | null;
  }) => api.post<GateAnswer>('/access/gates', body),
  updateGate: (
    id: number,
    body: { name?: string; vehiclesAllowed?: boolean; openingHours?: string | null },
  ) => api.patch<GateAnswer>(`/access/gates/${id}`, body),
  passes: (query: {
    compoundId?: number;
    status?: PassStatus;
    number?: number;
    page: number;
    pageSize: number;
  }) => api.get<PassPage>('/access/passes', query),
  settings: (communityId: number) =>
    api.get<PassSettings>('/access/settings', {
      communityId,
    }),
  setSettings: (communityId: number, passHolder: 'resident' | 'household') =>
    api.put<PassSettings>('/access/settings', { communityId, passHolder }),
  issue: (compoundId: number, validUntil: string) =>
    api.post<PassesIssued>('/access/passes/issue', { compoundId, validUntil }),
  revoke: (id: number, reason: string) => api.post(`/access/passes/${id}/revoke`, { reason }),
  reissue: (id: number, validUntil?: string) =>
    api.post<PassReissued>(`/access/passes/${id}/reissue`, validUntil ? { validUntil } : {}),
  link: (id: number) => api.post<PassLink>(`/access/passes/${id}/link`, {}),
  signingKeys: async () => (await api.get<PublicKeys>('/access/keys')).keys,
  rotateKey: () => api.post<KeyRotated>('/access/keys/rotate', {}),
  reissueOldKeys: (communityId: number) =>
    api.post<PassesReissued>('/access/passes/reissue-old-keys', { communityId }),
  print: (compoundId: number, limit?: number) =>
    api.get<PrintSheet>('/access/passes/print', {
      compoundId,
      limit,
    }),
};
