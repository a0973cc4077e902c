import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  BarsOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DesktopOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  FormOutlined,
  HeartOutlined,
  HomeOutlined,
  MedicineBoxOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  TableOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Badge, Menu, type MenuProps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '../features/auth/use-me';
import { BrandLogo } from '../shared/brand-logo';
import { useWaiting } from '../shared/use-waiting';

/** Which menu entry a path belongs to: household and place pages both sit under 住户档案. */
function sectionOf(pathname: string): string {
  if (pathname.startsWith('/residents')) return '/residents';
  if (pathname.startsWith('/imports')) return '/imports';
  if (pathname.startsWith('/audit')) return '/audit';
  if (pathname.startsWith('/jobs')) return '/jobs';
  if (pathname.startsWith('/requests')) return '/requests';
  if (pathname.startsWith('/request-rates')) return '/request-rates';
  if (pathname.startsWith('/dashboards')) return '/dashboards';
  if (pathname.startsWith('/reports')) return '/reports';
  if (pathname.startsWith('/screens')) return '/screens';
  if (pathname.startsWith('/accounts')) return '/accounts';
  if (pathname.startsWith('/declaration-reviews')) return '/declaration-reviews';
  if (pathname.startsWith('/declarations')) return '/declarations';
  if (pathname.startsWith('/risk-areas')) return '/risk-areas';
  if (pathname.startsWith('/status-rules')) return '/status-rules';
  if (pathname.startsWith('/form-questions')) return '/form-questions';
  if (pathname.startsWith('/posters')) return '/posters';
  if (pathname.startsWith('/campaigns')) return '/campaigns';
  if (pathname.startsWith('/visits')) return '/visits';
  if (pathname.startsWith('/helpers')) return '/helpers';
  if (pathname.startsWith('/care')) return '/care';
  if (pathname.startsWith('/buildings')) return '/buildings';
  if (pathname.startsWith('/access')) return '/access';
  if (pathname.startsWith('/observation')) return '/observation';
  return '/places';
}

/** Where a badge's own click leads, when that is narrower than its menu entry (the unverified only). */
const BADGE_TARGET = 'data-badge-target';

/**
 * A menu label with what waits behind it. Collapsed, the label is hidden: the icon carries a dot instead.
 * `target` (optional): clicking the count itself opens that narrower list.
 */
function counted(
  label: ReactNode,
  icon: ReactNode,
  options: {
    count: number | undefined;
    testId: string;
    collapsed: boolean;
    target?: string;
    urgent?: boolean;
  },
) {
  const count = options.count ?? 0;
  const color = options.urgent ? undefined : '#389e0d';
  return {
    icon: options.collapsed ? (
      <Badge dot={count > 0} color={color} offset={[2, 2]}>
        {icon}
      </Badge>
    ) : (
      icon
    ),
    label: (
      <span data-testid={options.testId}>
        {label}{' '}
        <span
          data-testid={`${options.testId}-count`}
          {...(options.target ? { [BADGE_TARGET]: options.target } : {})}
        >
          <Badge count={count} size="small" overflowCount={99} color={color} />
        </span>
      </span>
    ),
  };
}

export function SideMenu({ onNavigate, collapsed = false }: { onNavigate: () => void; collapsed?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const can = useCan();
  // What waits for this account, within its scope: people to verify, declarations to review, requests overdue.
  const waiting = useWaiting(can('registry.write') || can('declarations.review') || can('requests.read'));
  const counts = waiting.data ?? {};

  const items: MenuProps['items'] = [
    ...(can('dashboards.read')
      ? [
          { key: '/dashboards', icon: <DashboardOutlined />, label: t('dashboards.menu') },
          { key: '/reports', icon: <TableOutlined />, label: t('dashboards.reportsMenu') },
          ...(can('screens.manage')
            ? [{ key: '/screens', icon: <DesktopOutlined />, label: t('dashboards.screens.menu') }]
            : []),
        ]
      : []),
    { key: '/places', icon: <HomeOutlined />, label: t('nav.places') },
    {
      key: '/residents',
      ...counted(t('nav.search'), <SearchOutlined />, {
        count: counts.selfRegistrations,
        testId: 'menu-residents',
        collapsed,
        target: '/residents?unverified=1',
      }),
    },
    ...(can('declarations.read')
      ? [
          { key: '/declarations', icon: <FormOutlined />, label: t('nav.declarations') },
          ...(can('declarations.review')
            ? [
                {
                  key: '/declaration-reviews',
                  ...counted(t('declarations.reviews.menu'), <FileSearchOutlined />, {
                    count: counts.declarationReviews,
                    testId: 'menu-reviews',
                    collapsed,
                    urgent: true,
                  }),
                },
              ]
            : []),
          { key: '/risk-areas', icon: <AlertOutlined />, label: t('nav.riskAreas') },
          { key: '/status-rules', icon: <ControlOutlined />, label: t('statusRules.menu') },
          { key: '/posters', icon: <QrcodeOutlined />, label: t('posters.menu') },
        ]
      : []),
    ...(can('rules.write')
      ? [{ key: '/form-questions', icon: <BarsOutlined />, label: t('formVersions.menu') }]
      : []),
    ...(can('buildings.read')
      ? [{ key: '/buildings', icon: <AppstoreOutlined />, label: t('buildings.menu') }]
      : []),
    ...(can('campaigns.read')
      ? [{ key: '/campaigns', icon: <CheckSquareOutlined />, label: t('campaigns.menu') }]
      : []),
    ...(can('campaigns.visit')
      ? [{ key: '/visits', icon: <CarryOutOutlined />, label: t('campaigns.visitsMenu') }]
      : []),
    ...(can('observation.read')
      ? [
          {
            key: '/observation',
            icon: <MedicineBoxOutlined />,
            label: <span data-testid="menu-observation">{t('observation.menu')}</span>,
          },
        ]
      : []),
    ...(can('helpers.read') ? [{ key: '/helpers', icon: <TeamOutlined />, label: t('helpers.menu') }] : []),
    ...(can('care.tasks') ? [{ key: '/care', icon: <HeartOutlined />, label: t('helpers.careMenu') }] : []),
    ...(can('requests.read')
      ? [
          {
            key: '/requests',
            ...counted(t('requests.menu'), <CustomerServiceOutlined />, {
              count: counts.requestsOverdue,
              testId: 'menu-requests',
              collapsed,
              urgent: true,
            }),
          },
          { key: '/request-rates', icon: <BarChartOutlined />, label: t('requests.ratesMenu') },
        ]
      : []),
    ...(can('access.read')
      ? [{ key: '/access', icon: <SafetyCertificateOutlined />, label: t('access.menu') }]
      : []),
    ...(can('registry.import')
      ? [{ key: '/imports', icon: <UploadOutlined />, label: t('nav.imports') }]
      : []),
    ...(can('accounts.manage')
      ? [
          {
            key: '/accounts',
            icon: <TeamOutlined />,
            label: <span data-testid="menu-accounts">{t('accounts.menu')}</span>,
          },
        ]
      : []),
    ...(can('audit.read') ? [{ key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') }] : []),
    ...(can('jobs.read') ? [{ key: '/jobs', icon: <FieldTimeOutlined />, label: t('jobs.menu') }] : []),
  ];

  return (
    <>
      {collapsed ? (
        <div style={{ padding: '16px 0 8px', textAlign: 'center' }}>
          <Typography.Title level={4} style={{ margin: 0, color: '#237804' }}>
            <BrandLogo />
          </Typography.Title>
        </div>
      ) : (
        <div style={{ padding: '16px 20px 8px' }}>
          <Typography.Title level={4} style={{ margin: 0, color: '#237804' }}>
            <BrandLogo /> {t('app.brand')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.brandLatin')}
          </Typography.Text>
        </div>
      )}
      <Menu
        mode="inline"
        items={items}
        selectedKeys={[sectionOf(location.pathname)]}
        onClick={({ key, domEvent }) => {
          // The count itself opens the narrower list (the unverified, the overdue); the label, the page.
          const badge = (domEvent.target as Element).closest?.(`[${BADGE_TARGET}]`);
          navigate(badge?.getAttribute(BADGE_TARGET) ?? key);
          onNavigate();
        }}
        style={{ borderInlineEnd: 'none' }}
        data-testid="side-menu"
      />
    </>
  );
}
