import { Navigate } from 'react-router';
import { can } from '../../../shared/auth/roles';
import { useAccount } from '../auth/use-me';

/**
 * Where the console opens: officers above a community land on their place's dashboard (the picture of
 * all their communities), everyone else on the place tree as before.
 */
export function HomeRedirect() {
  const account = useAccount();
  const officer = account.role === 'district_officer' || account.role === 'subdistrict_officer';
  if (officer && can(account.role, 'dashboards.read'))
    return <Navigate to={`/dashboards/${account.scope.placeId}`} replace />;
  return <Navigate to="/places" replace />;
}

/** /dashboards: the dashboard of the caller's own place. */
export function OwnDashboardRedirect() {
  const account = useAccount();
  return <Navigate to={`/dashboards/${account.scope.placeId}`} replace />;
}
