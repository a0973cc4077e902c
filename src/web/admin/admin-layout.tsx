import { Flex, Layout, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../features/auth/use-me';
import { ApiError } from '../shared/api-client';
import { ErrorAlert } from '../shared/error-display';
import { AccountBar } from './account-bar';
import { SideMenu } from './side-menu';

/** The signed-in frame: side menu, header with the account, and the page. Sends strangers to login. */
export function AdminLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const [collapsed, setCollapsed] = useState(false);

  if (me.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description={t('common.loading')} />
      </Flex>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    }
    return (
      <Flex vertical style={{ padding: 24 }}>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </Flex>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={200}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <SideMenu onNavigate={() => window.innerWidth < 992 && setCollapsed(true)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            height: 'auto',
            lineHeight: 'normal',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <AccountBar />
        </Layout.Header>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
