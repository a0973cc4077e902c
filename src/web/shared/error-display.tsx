import { Alert, App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client';
import { i18n } from './i18n';

/** The words to show a person for any thrown error: the server's message when it sent one. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18n.t('errors.unknown');
}

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load, shown in place of the content it was meant to show. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error)}
      data-testid="error-alert"
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** A pop-up message for a failed action (save, move…). */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  return (error) => {
    void message.error(errorText(error));
  };
}
