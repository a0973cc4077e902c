import {
  CheckOutlined,
  DownOutlined,
  EnvironmentOutlined,
  KeyOutlined,
  LogoutOutlined,
  TranslationOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Dropdown, Flex, Grid, type MenuProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../shared/auth/roles';
import type { Lang } from '../../shared/i18n/error-messages';
import { PasswordModal } from '../features/auth/password-modal';
import { useAccount } from '../features/auth/use-me';
import { setLang, useLabel, useLang } from '../shared/i18n';
import { forgetKeptAnswers } from '../shared/kept-on-phone';
import { deliverNow, markSignedOut } from '../shared/session-end';

/**
 * The user menu (Ant Design Pro's convention): who is signed in, over which area, in one button; the
 * language, the password and signing out behind it. On a phone the button is the name alone, so the
 * header stays one line.
 */
export function AccountBar() {
  const { t } = useTranslation();
  const label = useLabel();
  const lang = useLang();
  const account = useAccount();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const compact = !(screens.md ?? true);
  const role = label(ROLE_LABELS[account.role]);

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

  const languages: Array<{ key: Lang; text: string }> = [
    { key: 'zh', text: t('lang.zh') },
    { key: 'en', text: t('lang.en') },
  ];
  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      style: { cursor: 'default' },
      label: (
        <Flex vertical gap={2} data-testid="account-details">
          <Typography.Text strong>{account.displayName}</Typography.Text>
          <span>
            <Tag color="green">{role}</Tag>
          </span>
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {account.scope.placeName}
          </Typography.Text>
        </Flex>
      ),
    },
    { type: 'divider' },
    {
      key: 'language',
      type: 'group',
      label: (
        <span>
          <TranslationOutlined /> {t('nav.language')}
        </span>
      ),
      children: languages.map(({ key, text }) => ({
        key: `lang-${key}`,
        label: <span data-testid={`lang-${key}`}>{text}</span>,
        extra: lang === key ? <CheckOutlined /> : null,
      })),
    },
    { type: 'divider' },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="change-password">{t('auth.changePassword')}</span>,
    },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      disabled: leaving,
      label: <span data-testid="logout">{t('auth.logout')}</span>,
    },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    else if (key === 'logout') void logout();
    else if (key.startsWith('lang-')) setLang(key.slice('lang-'.length) as Lang);
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button
          type="text"
          aria-label={t('nav.userMenu')}
          data-testid="account-info"
          style={{ height: 'auto', paddingBlock: 4, maxWidth: '100%' }}
        >
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#389e0d', flex: 'none' }} />
            <Typography.Text strong ellipsis>
              {account.displayName}
            </Typography.Text>
            {!compact && (
              <>
                <Tag color="green" style={{ marginInlineEnd: 0 }}>
                  {role}
                </Tag>
                <Typography.Text type="secondary" ellipsis>
                  <EnvironmentOutlined /> {account.scope.placeName}
                </Typography.Text>
              </>
            )}
            <DownOutlined style={{ fontSize: 10, flex: 'none' }} />
          </Flex>
        </Button>
      </Dropdown>
      <PasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
