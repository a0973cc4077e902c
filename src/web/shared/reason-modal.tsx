import { Alert, type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './error-display';

interface ReasonModalProps {
  open: boolean;
  title: string;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

const MIN_REASON = 4;

/**
 * Asks why before showing something sensitive (a full ID or phone number, health answers); the server
 * records the look with the reason before answering.
 */
export function ReasonModal({ open, title, pending, error, onConfirm, onClose }: ReasonModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = reason.trim().length < MIN_REASON;
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: tooShort, 'data-testid': 'reveal-confirm' } as ButtonProps}
      confirmLoading={pending}
      onOk={() => onConfirm(reason.trim())}
      onCancel={onClose}
      afterClose={() => {
        setReason('');
        setTouched(false);
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('people.revealExplain')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item
          label={t('people.revealReason')}
          htmlFor="reveal-reason"
          validateStatus={touched && tooShort ? 'error' : undefined}
          help={touched && tooShort ? t('people.revealReasonTooShort') : undefined}
        >
          <Input.TextArea
            id="reveal-reason"
            rows={2}
            maxLength={200}
            value={reason}
            placeholder={t('people.revealReasonPlaceholder')}
            onChange={(e) => {
              setReason(e.target.value);
              setTouched(true);
            }}
            autoFocus
            data-testid="reveal-reason"
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
    </Modal>
  );
}
