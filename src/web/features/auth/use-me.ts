import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { can, type Permission } from '../../../shared/auth/roles';
import { keptOnPhone } from '../../shared/kept-on-phone';
import { type Account, authApi, ME_KEY } from './auth-api';

/** The signed-in account, or an error (401) when nobody is signed in. Used by the layout to gate pages. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    // Kept on the phone: a volunteer's page reopens in a stairwell with no signal (the session cookie is
    // checked again by every request that reaches the server).
    queryFn: keptOnPhone('me', async () => (await authApi.me()).account),
    networkMode: 'offlineFirst',
    staleTime: 5 * 60_000,
  });
}

/**
 * The account as the signed-in layout saw it. Passed down by context rather than read from the query
 * cache, so pages never render half-way through a sign-out, when the cache is already empty.
 */
export const AccountContext = createContext<Account | null>(null);

export function useAccount(): Account {
  const account = useContext(AccountContext);
  if (!account) throw new Error('useAccount is only usable inside the signed-in layout');
  return account;
}

/** Whether the signed-in account may do something; the console hides what it may not. */
export function useCan(): (permission: Permission) => boolean {
  const account = useContext(AccountContext);
  return (permission) => (account ? can(account.role, permission) : false);
}
