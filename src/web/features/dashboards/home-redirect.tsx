import { useEffect } from 'react';
import { Navigate } from 'react-router';
import { landingOf } from '../auth/landing';
import { useAccount } from '../auth/use-me';

/** Where the console opens (/admin/): each role on its own work (auth/landing.ts says which). */
export function HomeRedirect() {
  const account = useAccount();
  const landing = landingOf(account);
  if ('external' in landing) return <LeaveFor href={landing.external} />;
  return <Navigate to={landing.path} replace />;
}

/** A page outside the console (the gate app): a full page load, not a route. */
function LeaveFor({ href }: { href: string }) {
  useEffect(() => {
    window.location.replace(href);
  }, [href]);
  return null;
}

/** /dashboards: the dashboard of the caller's own place. */
export function OwnDashboardRedirect() {
  const account = useAccount();
  return <Navigate to={`/dashboards/${account.scope.placeId}`} replace />;
}
