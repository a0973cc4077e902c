import { useQuery } from '@tanstack/react-query';
import { can, type Permission } from '../../../shared/auth/roles';
import { type Account, authApi, ME_KEY } from './auth-api';

/** The signed-in account, or an error (401) when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => (await authApi.me()).account,
    staleTime: 5 * 60_000,
  });
}

/** The account inside the signed-in layout, where it is always loaded. */
export function useAccount(): Account {
  const { data } = useMe();
  if (!data) throw new Error('useAccount is only usable inside the signed-in layout');
  return data;
}

/** Whether the signed-in account may do something; the console hides what it may not. */
export function useCan(): (permission: Permission) => boolean {
  const { data } = useMe();
  return (permission) => (data ? can(data.role, permission) : false);
}
