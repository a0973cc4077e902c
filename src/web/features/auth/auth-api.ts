import type { AccountAnswer } from '../../../shared/auth/auth-responses';
import { ApiError, api } from '../../shared/api-client';
import { i18n } from '../../shared/i18n';
import { clearSignedOut, endOldSessionFirst } from '../../shared/session-end';

export type { Account } from '../../../shared/auth/auth-responses';

export const authApi = {
  me: () => api.get<AccountAnswer>('/auth/me'),
  /**
   * Ends the last session first when it was signed out without signal (else the new cookie would hide
   * it from this phone for good), then signs in; the new cookie replaces the old one.
   */
  async login(username: string, password: string) {
    if (!(await endOldSessionFirst())) throw new ApiError(0, 'network', i18n.t('auth.lastSignOutPending'));
    const answer = await api.post<AccountAnswer>('/auth/login', { username, password });
    clearSignedOut();
    return answer;
  },
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/auth/password', { currentPassword, newPassword }),
};

export const ME_KEY = ['auth', 'me'] as const;
