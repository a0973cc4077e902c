import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RevealableField } from '../../../shared/people/people-enums';
import { ReasonModal } from '../../shared/reason-modal';
import { peopleApi } from './people-api';

interface RevealModalProps {
  residentId: number;
  field: RevealableField;
  open: boolean;
  onClose: () => void;
  onRevealed: (value: string) => void;
}

/** Asks why before showing a full ID or phone number. */
export function RevealModal({ residentId, field, open, onClose, onRevealed }: RevealModalProps) {
  const { t } = useTranslation();
  const reveal = useMutation({
    mutationFn: (reason: string) => peopleApi.reveal(residentId, field, reason),
    onSuccess: ({ value }) => onRevealed(value),
  });
  const fieldName = field === 'docNumber' ? t('people.docNumber') : t('people.phone');
  return (
    <ReasonModal
      open={open}
      title={t('people.revealTitle', { field: fieldName })}
      pending={reveal.isPending}
      error={reveal.isError ? reveal.error : null}
      onConfirm={(reason) => reveal.mutate(reason)}
      onClose={() => {
        reveal.reset();
        onClose();
      }}
    />
  );
}
