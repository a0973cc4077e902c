import { Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

/** What a page shows while its code arrives (a second or two on a volunteer's weak signal). */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} data-testid="page-loading">
      <Spin />
      <div style={{ marginTop: 12, color: 'rgba(0,0,0,0.45)' }}>{t('common.loading')}</div>
    </div>
  );
}

/** Where a lazy page waits for its code: around the layout's outlet (the menu stays) and the whole app. */
export function PageSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

/**
 * A console page whose code is its own chunk, fetched when its route is first opened: a volunteer's phone
 * on /admin/visits then loads the visit page, not the dashboards' charts or the pass printing's QR codes.
 * Pages are named exports, so the module's export is picked by name.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy<ComponentType>(() => load().then((module) => ({ default: module[name] as ComponentType })));
}
