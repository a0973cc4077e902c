import { useMutation } from '@tanstack/react-query';
import { Alert, type ButtonProps, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealableField } from '../../../shared/people/people-enums';
import { errorText } from '../../shared/error-display';
import { peopleApi } from './people-api';

interface RevealModalProps {
  residentId: number;
  field: RevealableField;
  open: boolean;
  onClose: () => void;
  onRevealed: (value: string) => void;
}

const MIN_REASON = 4;

/** Asks why before showing a full ID or phone number; the server records the look with the reason. */
export function RevealModal({ residentId, field, open, onClose, onRevealed }: RevealModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const reveal = useMutation({
    mutationFn: () => peopleApi.reveal(residentId, field, reason.trim()),
    onSuccess: ({ value }) => {
      setReason('');
      setTouched(false);
      onRevealed(value);
    },
  });
  const tooShort = reason.trim().length < MIN_REASON;
  const fieldName = field === 'docNumber' ? t('people.docNumber') : t('people.phone');

  return (
    <Modal
      open={open}
      title={t('people.revealTitle', { field: fieldName })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: tooShort, 'data-testid': 'reveal-confirm' } as ButtonProps}
      confirmLoading={reveal.isPending}
      onOk={() => reveal.mutate()}
      onCancel={() => {
        reveal.reset();
        onClose();
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
      {reveal.isError && <Alert type="error" showIcon title={errorText(reveal.error)} />}
    </Modal>
  );
}
