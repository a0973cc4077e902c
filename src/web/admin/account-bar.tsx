import { EnvironmentOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Grid, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../shared/auth/roles';
import { authApi } from '../features/auth/auth-api';
import { PasswordModal } from '../features/auth/password-modal';
import { useAccount } from '../features/auth/use-me';
import { useLabel } from '../shared/i18n';
import { forgetKeptAnswers } from '../shared/kept-on-phone';
import { LanguageSwitch } from '../shared/language-switch';

/** Who is signed in, over which area, plus language, password and sign-out. */
export function AccountBar() {
  const { t } = useTranslation();
  const label = useLabel();
  const account = useAccount();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const compact = !screens.md;

  const logout = async () => {
    setLeaving(true);
    try {
      await authApi.logout();
    } catch {
      // Signing out locally matters more than the server's answer.
    }
    await navigate('/login', { replace: true });
    queryClient.clear();
    await forgetKeptAnswers();
  };

  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ minHeight: 56, paddingBlock: 8 }}>
      <Space wrap size={[8, 4]} data-testid="account-info">
        <UserOutlined />
        <Typography.Text strong>{account.displayName}</Typography.Text>
        <Tag color="green">{label(ROLE_LABELS[account.role])}</Tag>
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {account.scope.placeName}
        </Typography.Text>
      </Space>
      <Space wrap size={[8, 4]}>
        <LanguageSwitch />
        <Button
          type="text"
          icon={<KeyOutlined />}
          onClick={() => setPasswordOpen(true)}
          aria-label={t('auth.changePassword')}
          data-testid="change-password"
        >
          {compact ? null : t('auth.changePassword')}
        </Button>
        <Button
          type="text"
          icon={<LogoutOutlined />}
          onClick={() => void logout()}
          loading={leaving}
          aria-label={t('auth.logout')}
          data-testid="logout"
        >
          {compact ? null : t('auth.logout')}
        </Button>
      </Space>
      <PasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Flex>
  );
}
