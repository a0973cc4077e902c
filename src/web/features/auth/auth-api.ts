import type { Role } from '../../../shared/auth/roles';
import type { PlaceKind } from '../../../shared/places/place-kinds';
import { api } from '../../shared/api-client';

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: { placeId: number; placeName: string; placeKind: PlaceKind; buildingIds: number[] | null };
}

export const authApi = {
  me: () => api.get<{ account: Account }>('/auth/me'),
  login: (username: string, password: string) =>
    api.post<{ account: Account }>('/auth/login', { username, password }),
  logout: () => api.post<void>('/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/auth/password', { currentPassword, newPassword }),
};

export const ME_KEY = ['auth', 'me'] as const;
