// The pass signing key on the passes page: which key signs passes now, rotating it (an officer at the top
// of the tree: one key serves every community), and re-issuing a community's passes that an older key
// signed (secretaries).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/error-display';
import { useAccount, useCan } from '../auth/use-me';
import { accessApi, accessKeys } from './access-api';

/** The key passes are signed with now: the table marks passes of other keys as needing re-issue. */
export function useActiveKid(): number | undefined {
  const keys = useQuery({ queryKey: accessKeys.signingKeys, queryFn: accessApi.signingKeys });
  return keys.data?.find((k) => k.active)?.kid;
}

export function SigningKeysCard({ communityId }: { communityId: number | undefined }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const account = useAccount();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: accessKeys.signingKeys, queryFn: accessApi.signingKeys });
  const active = keys.data?.find((k) => k.active);
  const rotate = useMutation({
    mutationFn: accessApi.rotateKey,
    onSuccess: (r) => {
      void message.success(t('access.signingKeys.rotated', { kid: r.kid }));
      return queryClient.invalidateQueries({ queryKey: accessKeys.all });
    },
  });
  const reissueOld = useMutation({
    mutationFn: () => accessApi.reissueOldKeys(communityId as number),
    onSuccess: (r) => {
      void message.success(t('access.signingKeys.reissuedOld', { reissued: r.reissued }));
      return queryClient.invalidateQueries({ queryKey: accessKeys.all });
    },
  });
  // The server refuses anyone else with 403; a district officer below the top does not see the button.
  const canRotate = can('access.keys') && account.scope.isRoot;
  const canReissue = can('access.manage') && communityId !== undefined && (keys.data?.length ?? 0) > 1;
  if (!canRotate && !canReissue) return null;

  const confirm = (title: string, content: string, onOk: () => Promise<unknown>, danger = false) =>
    modal.confirm({
      title,
      content,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger },
      onOk,
    });

  return (
    <Card size="small" title={t('access.signingKeys.title')} data-testid="access-signing-keys">
      {(keys.error ?? rotate.error ?? reissueOld.error) && (
        <ErrorAlert error={keys.error ?? rotate.error ?? reissueOld.error} />
      )}
      <Flex vertical gap={8}>
        <Flex gap={8} wrap align="center">
          {active && <Tag color="green">{t('access.signingKeys.current', { kid: active.kid })}</Tag>}
          {(keys.data?.length ?? 0) > 1 && (
            <Typography.Text type="secondary">
              {t('access.signingKeys.history', { count: keys.data?.length })}
            </Typography.Text>
          )}
        </Flex>
        <Typography.Text type="secondary">{t('access.signingKeys.explain')}</Typography.Text>
        <Flex gap={8} wrap>
          {canRotate && (
            <Button
              danger
              loading={rotate.isPending}
              onClick={() =>
                confirm(
                  t('access.signingKeys.rotateTitle'),
                  t('access.signingKeys.rotateBody'),
                  () => rotate.mutateAsync(),
                  true,
                )
              }
              data-testid="access-rotate-key"
            >
              {t('access.signingKeys.rotate')}
            </Button>
          )}
          {canReissue && (
            <Button
              loading={reissueOld.isPending}
              onClick={() =>
                confirm(t('access.signingKeys.reissueOldTitle'), t('access.signingKeys.reissueOldBody'), () =>
                  reissueOld.mutateAsync(),
                )
              }
              data-testid="access-reissue-old"
            >
              {t('access.signingKeys.reissueOld')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
