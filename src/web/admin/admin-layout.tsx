import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AccountContext, useMe } from '../features/auth/use-me';
import { useFieldOutboxes } from '../features/campaigns/outbox-sender';
import { ApiError } from '../shared/api-client';
import { ErrorAlert } from '../shared/error-display';
import { AccountBar } from './account-bar';
import { SideMenu } from './side-menu';

/**
 * The signed-in frame: side menu, header with the account, and the page. On a phone the menu moves into a
 * drawer opened from the header. Anyone not signed in is sent to the login page.
 */
export function AdminLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const me = useMe();
  const [menuOpen, setMenuOpen] = useState(false);
  // Before the first measurement every breakpoint is undefined: assume a desktop.
  const wide = screens.lg ?? true;

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
    <AccountContext.Provider value={me.data}>
      <FieldOutboxes accountId={me.data.id} />
      <Layout style={{ minHeight: '100vh' }}>
        {wide && (
          <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
            <SideMenu onNavigate={() => {}} />
          </Layout.Sider>
        )}
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
            <Flex align="center" gap={8}>
              {!wide && (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('nav.menu')}
                  onClick={() => setMenuOpen(true)}
                  data-testid="open-menu"
                />
              )}
              <div style={{ flex: 1, minWidth: 0 }}>
                <AccountBar />
              </div>
            </Flex>
          </Layout.Header>
          <Layout.Content style={{ padding: wide ? 16 : 8, minWidth: 0 }}>
            <Outlet />
          </Layout.Content>
        </Layout>
        {!wide && (
          <Drawer
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            placement="left"
            size={240}
            closable={false}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu onNavigate={() => setMenuOpen(false)} />
          </Drawer>
        )}
      </Layout>
    </AccountContext.Provider>
  );
}

/** Sends the signed-in account's queued visits and checks from any page (a component: hooks need one). */
function FieldOutboxes({ accountId }: { accountId: number }) {
  useFieldOutboxes(accountId);
  return null;
}
