import { EnvironmentOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Grid, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../shared/auth/roles';
import { PasswordModal } from '../features/auth/password-modal';
import { useAccount } from '../features/auth/use-me';
import { useLabel } from '../shared/i18n';
import { forgetKeptAnswers } from '../shared/kept-on-phone';
import { LanguageSwitch } from '../shared/language-switch';
import { deliverNow, markSignedOut } from '../shared/session-end';

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

  // Signing out works without signal (session-end.ts): the phone stops using the session at once and
  // forgets what it kept; the server ends the session now, or as soon as the network is back. The
  // outbox stays: those visits wait for this account's next sign-in on this phone.
  const logout = async () => {
    setLeaving(true);
    markSignedOut();
    await navigate('/login', { replace: true });
    queryClient.clear();
    await forgetKeptAnswers();
    void deliverNow();
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
