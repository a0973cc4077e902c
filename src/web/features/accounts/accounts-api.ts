import type { AccountItem, AccountStatus, OneTimePassword } from '../../../shared/auth/accounts';
import type { Role } from '../../../shared/auth/roles';
import { api } from '../../shared/api-client';
import type { Account } from '../auth/auth-api';

export interface AccountFilters {
  role?: Role | undefined;
  status?: AccountStatus | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export interface AccountInput {
  username: string;
  displayName: string;
  role: Role;
  scopePlaceId: number;
  scopeBuildingIds?: number[];
}

export type AccountChange = Partial<Omit<AccountInput, 'username' | 'scopeBuildingIds'>> & {
  scopeBuildingIds?: number[] | null;
};

/** What a sign-in slip shows: printed once, right after the password was made. */
export interface SlipData {
  displayName: string;
  username: string;
  role: Role;
  password: string;
}

export const accountKeys = {
  all: ['accounts'] as const,
  list: (filters: AccountFilters) => ['accounts', 'list', filters] as const,
};

export const accountsApi = {
  list: (filters: AccountFilters) =>
    api.get<{ items: AccountItem[]; total: number }>('/accounts', { ...filters }),
  // No password sent: the server makes one for the slip and answers it once.
  create: (input: AccountInput) => api.post<{ account: Account; password: string }>('/accounts', input),
  update: async (id: number, change: AccountChange) =>
    (await api.patch<{ account: AccountItem }>(`/accounts/${id}`, change)).account,
  disable: async (id: number) =>
    (await api.post<{ account: AccountItem }>(`/accounts/${id}/disable`)).account,
  enable: async (id: number) => (await api.post<{ account: AccountItem }>(`/accounts/${id}/enable`)).account,
  resetPassword: (id: number) => api.post<OneTimePassword>(`/accounts/${id}/reset-password`),
};
