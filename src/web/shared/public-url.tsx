import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLocalAddress, type PublicUrlSetting, publicLink } from '../../shared/settings/public-url';
import { useCan } from '../features/auth/use-me';
import { api } from './api-client';

export const publicUrlKey = ['settings', 'public-url'] as const;

export const publicUrlApi = {
  get: () => api.get<PublicUrlSetting>('/settings/public-url'),
  set: (url: string | null) => api.put<PublicUrlSetting>('/settings/public-url', { url }),
};

/**
 * The base every printed or shared link is built on: the public address (database, then DASHU_PUBLIC_URL)
 * or, until one is set, this browser's own origin. `local` says phones elsewhere may not open it.
 */
export function usePublicBase() {
  const query = useQuery({ queryKey: publicUrlKey, queryFn: publicUrlApi.get, staleTime: 60_000 });
  const base = query.data?.url ?? window.location.origin;
  return {
    base,
    ready: !query.isPending,
    setting: query.data,
    local: isLocalAddress(base),
    link: (path: string) => publicLink(base, path),
  };
}

/** The warning above posters, pass prints and sign-in slips when their links would open only locally. */
export function LocalAddressWarning({ short = false }: { short?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const { base, local, ready } = usePublicBase();
  if (!ready || !local) return null;
  // Who can fix it is told where; everyone else whom to ask.
  const key = short
    ? 'publicUrl.localWarningShort'
    : can('settings.write')
      ? 'publicUrl.localWarning'
      : 'publicUrl.localWarningAsk';
  return (
    <Alert
      type="warning"
      showIcon
      title={t(key, { url: base })}
      data-testid="local-address-warning"
      className="poster-no-print pass-no-print slip-no-print"
      style={{ marginBottom: 12 }}
    />
  );
}
