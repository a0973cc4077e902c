import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { BrandLogo } from '../../shared/brand-logo';
import { errorText } from '../../shared/error-display';
import { LanguageSwitch } from '../../shared/language-switch';
import { isSignedOut } from '../../shared/session-end';
import { type Account, authApi, ME_KEY } from './auth-api';
import { landingOf } from './landing';

interface LoginValues {
  username: string;
  password: string;
}

/** The page that sent here (a session ran out mid-work), else where this account's work is. */
function targetAfterLogin(state: unknown, account: Account): { path: string } | { external: string } {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') && from !== '/')
      return { path: from };
  }
  return landingOf(account);
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const login = useMutation({
    mutationFn: ({ username, password }: LoginValues) => authApi.login(username.trim(), password),
    onSuccess: ({ account }) => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, account);
      // Straight to the work, no stop on the way: a click on the first page must not be overtaken.
      const target = targetAfterLogin(location.state, account);
      if ('external' in target) window.location.replace(target.external);
      else navigate(target.path, { replace: true });
    },
  });

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: '#f0f5f1' }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="space-between" align="start" style={{ marginBottom: 16 }}>
          <div>
            <Typography.Title level={2} style={{ margin: 0, color: '#237804' }}>
              <BrandLogo /> {t('app.brand')}{' '}
              <Typography.Text type="secondary">{t('app.brandLatin')}</Typography.Text>
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          <LanguageSwitch />
        </Flex>
        <Typography.Title level={4}>{t('auth.title')}</Typography.Title>
        {isSignedOut() && (
          <Alert
            type="info"
            showIcon
            title={t('auth.signedOut')}
            style={{ marginBottom: 16 }}
            data-testid="signed-out-note"
          />
        )}
        <Form<LoginValues>
          name="login"
          layout="vertical"
          onFinish={(values) => login.mutate(values)}
          requiredMark={false}
        >
          <Form.Item
            label={t('auth.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            label={t('auth.password')}
            name="password"
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          {login.isError && (
            <Alert
              type="error"
              showIcon
              title={errorText(login.error)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={login.isPending}
            data-testid="login-submit"
          >
            {t('auth.login')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('auth.loginHint')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
