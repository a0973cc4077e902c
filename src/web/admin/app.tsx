import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router';
import { useLang } from '../shared/i18n';
import { queryClient } from '../shared/query-client';
import { PageSuspense } from './lazy-page';
import { router } from './routes';

const theme = { token: { colorPrimary: '#389e0d', borderRadius: 6 } };

export function App() {
  const lang = useLang();
  return (
    // autoInsertSpace off: antd would show 保存 as “保 存”, which reads oddly and breaks text matching.
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <PageSuspense>
            <RouterProvider router={router} />
          </PageSuspense>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
