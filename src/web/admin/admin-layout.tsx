import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AccountContext, useMe } from '../features/auth/use-me';
import { useFieldOutboxes } from '../features/campaigns/outbox-sender';
import { ApiError } from '../shared/api-client';
import { ErrorAlert } from '../shared/error-display';
import { AccountBar } from './account-bar';
import { PageSuspense } from './lazy-page';
import { SideMenu } from './side-menu';

const COLLAPSED_KEY = 'dashu:menu-collapsed';

/** The side menu's folded state, remembered on this computer (storage may be refused: then unfolded). */
function useCollapsed(): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setCollapsed] = useState(() => {
    try {
      return window.localStorage.getItem(COLLAPSED_KEY) === '1';
    } catch {
      return false;
    }
  });
  const set = (value: boolean) => {
    setCollapsed(value);
    try {
      window.localStorage.setItem(COLLAPSED_KEY, value ? '1' : '0');
    } catch {
      // Private windows may refuse storage; the fold still applies for this visit.
    }
  };
  return [collapsed, set];
}

/**
 * The signed-in frame: side menu (foldable to its icons), header with the user menu, and the page. On a
 * phone the menu moves into a drawer opened from the header. Anyone not signed in is sent to the login page.
 */
export function AdminLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const me = useMe();
  const [menuOpen, setMenuOpen] = useState(false);
  const [collapsed, setCollapsed] = useCollapsed();
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
          <Layout.Sider
            width={200}
            collapsedWidth={64}
            collapsible
            collapsed={collapsed}
            trigger={null}
            theme="light"
            style={{ borderRight: '1px solid #f0f0f0' }}
          >
            <SideMenu onNavigate={() => {}} collapsed={collapsed} />
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
            <Flex align="center" gap={8} style={{ minHeight: 56 }}>
              {wide ? (
                <Button
                  type="text"
                  icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                  aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
                  onClick={() => setCollapsed(!collapsed)}
                  data-testid="collapse-menu"
                />
              ) : (
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('nav.menu')}
                  onClick={() => setMenuOpen(true)}
                  data-testid="open-menu"
                />
              )}
              <Flex justify="end" style={{ flex: 1, minWidth: 0 }}>
                <AccountBar />
              </Flex>
            </Flex>
          </Layout.Header>
          <Layout.Content style={{ padding: wide ? 16 : 8, minWidth: 0 }}>
            <PageSuspense>
              <Outlet />
            </PageSuspense>
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
