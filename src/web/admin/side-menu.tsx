import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarsOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ControlOutlined,
  FormOutlined,
  HomeOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '../features/auth/use-me';
import { BrandLogo } from '../shared/brand-logo';

/** Which menu entry a path belongs to: household and place pages both sit under 住户档案. */
function sectionOf(pathname: string): string {
  if (pathname.startsWith('/residents')) return '/residents';
  if (pathname.startsWith('/imports')) return '/imports';
  if (pathname.startsWith('/audit')) return '/audit';
  if (pathname.startsWith('/declarations')) return '/declarations';
  if (pathname.startsWith('/risk-areas')) return '/risk-areas';
  if (pathname.startsWith('/status-rules')) return '/status-rules';
  if (pathname.startsWith('/form-questions')) return '/form-questions';
  if (pathname.startsWith('/posters')) return '/posters';
  if (pathname.startsWith('/campaigns')) return '/campaigns';
  if (pathname.startsWith('/visits')) return '/visits';
  if (pathname.startsWith('/buildings')) return '/buildings';
  if (pathname.startsWith('/access')) return '/access';
  return '/places';
}

export function SideMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const can = useCan();

  const items: MenuProps['items'] = [
    { key: '/places', icon: <HomeOutlined />, label: t('nav.places') },
    { key: '/residents', icon: <SearchOutlined />, label: t('nav.search') },
    ...(can('declarations.read')
      ? [
          { key: '/declarations', icon: <FormOutlined />, label: t('nav.declarations') },
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
    ...(can('access.read')
      ? [{ key: '/access', icon: <SafetyCertificateOutlined />, label: t('access.menu') }]
      : []),
    ...(can('registry.import')
      ? [{ key: '/imports', icon: <UploadOutlined />, label: t('nav.imports') }]
      : []),
    ...(can('audit.read') ? [{ key: '/audit', icon: <AuditOutlined />, label: t('nav.audit') }] : []),
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
