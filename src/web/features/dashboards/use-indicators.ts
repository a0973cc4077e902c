import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dashboardKeys, dashboardsApi, type IndicatorOut } from './dashboards-api';

/** The indicator dictionary (names, 口径, units) and a function naming one in the console's language. */
export function useIndicators() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: dashboardKeys.indicators,
    queryFn: dashboardsApi.indicators,
    staleTime: Infinity,
  });
  const byId = new Map<string, IndicatorOut>((query.data?.items ?? []).map((i) => [i.id, i]));
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  return {
    query,
    list: query.data?.items ?? [],
    byId,
    name: (id: string) => byId.get(id)?.name[lang] ?? id,
    unit: (id: string) => byId.get(id)?.unit[lang] ?? '',
    definition: (id: string) => byId.get(id)?.definition[lang] ?? '',
  };
}
