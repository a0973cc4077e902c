import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERSON_STATUS_ADVICE } from '../../../shared/declarations';
import { useLabel } from '../../shared/i18n';
import type { DeclarationOutcome } from './declarations-api';
import { StatusTag } from './status-tag';

/** What the rules decided, shown big right after saving so staff can tell the resident on the spot. */
export function DeclarationResult({ outcome, onDone }: { outcome: DeclarationOutcome; onDone: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Flex vertical gap={16} data-testid="declaration-result">
      <Alert type="success" showIcon title={t('declarations.saved')} />
      <Card>
        <Flex vertical gap={12} align="start">
          <Typography.Text type="secondary">{t('declarations.resultStatus')}</Typography.Text>
          <StatusTag status={outcome.status} large data-testid="declaration-status" />
          <Typography.Paragraph style={{ margin: 0 }} data-testid="declaration-reason">
            <Typography.Text strong>
              {t('declarations.reason')}
              {t('declarations.colon')}
            </Typography.Text>
            {label(outcome.reason)}
          </Typography.Paragraph>
          {outcome.observationUntil && (
            <Typography.Text data-testid="declaration-observation-until">
              <Typography.Text strong>
                {t('declarations.observationUntil')}
                {t('declarations.colon')}
              </Typography.Text>
              {outcome.observationUntil}
            </Typography.Text>
          )}
          <Alert
            type="info"
            title={t('declarations.adviceTitle')}
            description={label(PERSON_STATUS_ADVICE[outcome.status])}
          />
        </Flex>
      </Card>
      <Flex>
        <Button type="primary" onClick={onDone} data-testid="declaration-done">
          {t('declarations.done')}
        </Button>
      </Flex>
    </Flex>
  );
}
