import { api } from '../../shared/api-client';

export interface ConsoleGate {
  id: number;
  name: string;
  communityId: number;
  compoundId: number;
  compoundName: string;
  vehiclesAllowed: boolean;
  openingHours: string | null;
}

export type PassStatus = 'active' | 'revoked' | 'reissued' | 'expired';

export interface PassItem {
  id: number;
  communityId: number;
  compoundId: number;
  number: number;
  holderKind: 'resident' | 'household';
  buildingName: string;
  room: string;
  holderName: string | null;
  validUntil: string;
  status: PassStatus;
  kid: number;
  issuedAt: string;
  revokedReason: string | null;
  hasLink: boolean;
}

export interface PrintItem {
  number: number;
  token: string;
  buildingName: string;
  room: string;
  holderName: string | null;
  validUntil: string;
}

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
  compounds: async () =>
    (await api.get<{ items: Array<{ id: number; name: string; communityId: number }> }>('/access/compounds'))
      .items,
  gates: async () => (await api.get<{ items: ConsoleGate[] }>('/access/gates')).items,
  createGate: (body: {
    compoundId: number;
    name: string;
    vehiclesAllowed: boolean;
    openingHours: string | null;
  }) => api.post('/access/gates', body),
  updateGate: (
    id: number,
    body: { name?: string; vehiclesAllowed?: boolean; openingHours?: string | null },
  ) => api.patch(`/access/gates/${id}`, body),
  passes: (query: {
    compoundId?: number;
    status?: PassStatus;
    number?: number;
    page: number;
    pageSize: number;
  }) => api.get<{ total: number; items: PassItem[] }>('/access/passes', query),
  settings: (communityId: number) =>
    api.get<{ communityId: number; passHolder: 'resident' | 'household'; lastPassNumber: number }>(
      '/access/settings',
      {
        communityId,
      },
    ),
  setSettings: (communityId: number, passHolder: 'resident' | 'household') =>
    api.put('/access/settings', { communityId, passHolder }),
  issue: (compoundId: number, validUntil: string) =>
    api.post<{ issued: number; skipped: number; firstNumber: number | null; lastNumber: number | null }>(
      '/access/passes/issue',
      { compoundId, validUntil },
    ),
  revoke: (id: number, reason: string) => api.post(`/access/passes/${id}/revoke`, { reason }),
  reissue: (id: number, validUntil?: string) =>
    api.post<{ id: number; number: number }>(
      `/access/passes/${id}/reissue`,
      validUntil ? { validUntil } : {},
    ),
  link: (id: number) => api.post<{ path: string }>(`/access/passes/${id}/link`, {}),
  signingKeys: async () =>
    (await api.get<{ keys: Array<{ kid: number; key: string; active: boolean }> }>('/access/keys')).keys,
  rotateKey: () => api.post<{ kid: number; previous: number }>('/access/keys/rotate', {}),
  reissueOldKeys: (communityId: number) =>
    api.post<{ reissued: number }>('/access/passes/reissue-old-keys', { communityId }),
  print: (compoundId: number, limit?: number) =>
    api.get<{ compoundName: string; total: number; items: PrintItem[] }>('/access/passes/print', {
      compoundId,
      limit,
    }),
};
