import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPublicUrl } from '../../../shared/settings/public-url';
import { useNotifyError } from '../../shared/error-display';
import { LocalAddressWarning, publicUrlApi, publicUrlKey, usePublicBase } from '../../shared/public-url';
import { useCan } from '../auth/use-me';

/** 公网地址: what posters, pass links and sign-in slips encode; city and district officers set it. */
export function PublicUrlCard() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const { base, setting } = usePublicBase();
  const [draft, setDraft] = useState<string | null>(null);
  const writable = can('settings.write');
  const save = useMutation({
    mutationFn: (url: string | null) => publicUrlApi.set(url),
    onSuccess: (answer) => {
      queryClient.setQueryData(publicUrlKey, answer);
      setDraft(null);
      void message.success(t('publicUrl.saved'));
    },
    onError: notifyError,
  });
  const value = draft ?? (setting?.source === 'database' ? (setting.url ?? '') : '');
  const valid = value.trim() === '' || checkPublicUrl(value).ok;
  const source =
    setting?.source === 'database'
      ? t('publicUrl.fromDatabase')
      : setting?.source === 'environment'
        ? t('publicUrl.fromEnvironment')
        : t('publicUrl.fromBrowser');
  return (
    <Card size="small" title={t('publicUrl.title')} data-testid="public-url-card">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('publicUrl.intro')}</Typography.Text>
        <Typography.Text>
          {t('publicUrl.current')}：
          <Typography.Text code data-testid="public-url-current">
            {base}
          </Typography.Text>{' '}
          <Typography.Text type="secondary">{source}</Typography.Text>
        </Typography.Text>
        <LocalAddressWarning />
        {writable && (
          <Space.Compact style={{ maxWidth: 560 }}>
            <Input
              aria-label={t('publicUrl.label')}
              placeholder={t('publicUrl.placeholder')}
              value={value}
              status={valid ? undefined : 'error'}
              onChange={(e) => setDraft(e.target.value)}
              maxLength={300}
              data-testid="public-url-input"
            />
            <Button
              type="primary"
              disabled={!valid || value.trim() === ''}
              loading={save.isPending}
              onClick={() => save.mutate(value.trim())}
              data-testid="public-url-save"
            >
              {t('publicUrl.save')}
            </Button>
            {setting?.source === 'database' && (
              <Button onClick={() => save.mutate(null)} disabled={save.isPending}>
                {t('publicUrl.clear')}
              </Button>
            )}
          </Space.Compact>
        )}
      </Flex>
    </Card>
  );
}
