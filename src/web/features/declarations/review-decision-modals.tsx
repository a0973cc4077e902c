import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERSON_STATUS_LABELS } from '../../../shared/declarations';
import { errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { WAITING_KEY } from '../../shared/use-waiting';
import { declarationKeys } from './declarations-api';
import { type PendingReview, reviewKeys, reviewsApi } from './reviews-api';

/** After a decision the queue, its badge, the declarations list and the person's status all change. */
function useRefreshAfterDecision() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: reviewKeys.all });
    void client.invalidateQueries({ queryKey: declarationKeys.all });
    void client.invalidateQueries({ queryKey: WAITING_KEY });
  };
}

/**
 * Confirming applies the declaration's status as staff's. It sends the status staff saw beside it, so
 * a change meanwhile (the gate referred the person, say) is answered "look again", never overwritten.
 */
export function ConfirmReviewModal({
  review,
  onClose,
}: {
  review: PendingReview | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const refresh = useRefreshAfterDecision();
  const [correctName, setCorrectName] = useState(false);
  const confirm = useMutation({
    mutationFn: (item: PendingReview) =>
      reviewsApi.confirm(item.declarationId, {
        expectedStatus: item.currentStatus,
        correctName: correctName && item.typedName !== null,
      }),
    onSuccess: () => {
      void message.success(t('declarations.reviews.confirmed'));
      refresh();
      onClose();
    },
    onError: refresh,
  });
  return (
    <Modal
      open={review !== null}
      title={t('declarations.reviews.confirmTitle')}
      okText={t('declarations.reviews.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={confirm.isPending}
      okButtonProps={{ 'data-testid': 'review-confirm-ok' } as ButtonProps}
      onOk={() => review && confirm.mutate(review)}
      onCancel={onClose}
      afterClose={() => {
        setCorrectName(false);
        confirm.reset();
      }}
      destroyOnHidden
    >
      {review ? (
        <Typography.Paragraph>
          {t('declarations.reviews.confirmText', {
            name: review.name,
            status: label(PERSON_STATUS_LABELS[review.toStatus]),
          })}
        </Typography.Paragraph>
      ) : null}
      {review?.typedName ? (
        <Checkbox
          checked={correctName}
          onChange={(e) => setCorrectName(e.target.checked)}
          data-testid="review-correct-name"
        >
          {t('declarations.reviews.correctName', { typed: review.typedName })}
        </Checkbox>
      ) : null}
      {confirm.error ? (
        <Alert type="error" showIcon title={errorText(confirm.error)} style={{ marginTop: 12 }} />
      ) : null}
    </Modal>
  );
}

/** Rejecting changes no status; the reason is required, kept on the review and in the audit log. */
export function RejectReviewModal({
  review,
  onClose,
}: {
  review: PendingReview | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshAfterDecision();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = reason.trim().length < 2;
  const reject = useMutation({
    mutationFn: (item: PendingReview) => reviewsApi.reject(item.declarationId, reason.trim()),
    onSuccess: () => {
      void message.success(t('declarations.reviews.rejected'));
      refresh();
      onClose();
    },
    onError: refresh,
  });
  return (
    <Modal
      open={review !== null}
      title={t('declarations.reviews.rejectTitle')}
      okText={t('declarations.reviews.reject')}
      okButtonProps={{ danger: true, disabled: tooShort, 'data-testid': 'review-reject-ok' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={reject.isPending}
      onOk={() => review && reject.mutate(review)}
      onCancel={onClose}
      afterClose={() => {
        setReason('');
        setTouched(false);
        reject.reset();
      }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item
          label={t('declarations.reviews.rejectReason')}
          htmlFor="review-reject-reason"
          required
          validateStatus={touched && tooShort ? 'error' : undefined}
          help={touched && tooShort ? t('declarations.reviews.rejectReasonRequired') : undefined}
        >
          <Input.TextArea
            id="review-reject-reason"
            rows={2}
            maxLength={200}
            value={reason}
            placeholder={t('declarations.reviews.rejectReasonPlaceholder')}
            onChange={(e) => {
              setReason(e.target.value);
              setTouched(true);
            }}
            autoFocus
            data-testid="review-reject-reason"
          />
        </Form.Item>
      </Form>
      {reject.error ? <Alert type="error" showIcon title={errorText(reject.error)} /> : null}
    </Modal>
  );
}
