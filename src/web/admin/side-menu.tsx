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
import { useQuery } from '@tanstack/react-query';
import { Badge, Menu, type MenuProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '../features/auth/use-me';
import { reviewKeys, reviewsApi } from '../features/declarations/reviews-api';
import { BrandLogo } from '../shared/brand-logo';

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

export function SideMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const can = useCan();
  // How many residents' own declarations wait for this account's community to confirm them.
  const reviews = useQuery({
    queryKey: reviewKeys.count,
    queryFn: reviewsApi.count,
    enabled: can('declarations.review'),
    refetchInterval: 60_000,
  });

  const items: MenuProps['items'] = [
    ...(can('dashboards.read')
      ? [
          { key: '/dashboards', icon: <DashboardOutlined />, label: t('dashboards.menu') },
          { key: '/reports', icon: <TableOutlined />, label: t('dashboards.reportsMenu') },
        ]
      : []),
    { key: '/places', icon: <HomeOutlined />, label: t('nav.places') },
    { key: '/residents', icon: <SearchOutlined />, label: t('nav.search') },
    ...(can('declarations.read')
      ? [
          { key: '/declarations', icon: <FormOutlined />, label: t('nav.declarations') },
          ...(can('declarations.review')
            ? [
                {
                  key: '/declaration-reviews',
                  icon: <FileSearchOutlined />,
                  label: (
                    <span data-testid="menu-reviews">
                      {t('declarations.reviews.menu')}{' '}
                      <Badge count={reviews.data ?? 0} size="small" overflowCount={99} />
                    </span>
                  ),
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
            icon: <CustomerServiceOutlined />,
            label: <span data-testid="menu-requests">{t('requests.menu')}</span>,
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
      <div style={{ padding: '16px 20px 8px' }}>
        <Typography.Title level={4} style={{ margin: 0, color: '#237804' }}>
          <BrandLogo /> {t('app.brand')}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('app.brandLatin')}
        </Typography.Text>
      </div>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={[sectionOf(location.pathname)]}
        onClick={({ key }) => {
          navigate(key);
          onNavigate();
        }}
        style={{ borderInlineEnd: 'none' }}
        data-testid="side-menu"
      />
    </>
  );
}
