import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/error-display';
import { placeKeys } from '../places/places-api';
import { HouseholdPicker } from './household-picker';
import { peopleApi, peopleKeys, type Resident } from './people-api';

interface MoveModalProps {
  resident: Resident | null;
  onClose: () => void;
}

/** 迁移: moves a resident to another household, with a reason kept in their history. */
export function MoveModal({ resident, onClose }: MoveModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [placeId, setPlaceId] = useState<number | null>(null);
  const [householdId, setHouseholdId] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const reasonTooShort = reason.trim().length < 2;

  const close = () => {
    setPlaceId(null);
    setHouseholdId(null);
    setReason('');
    setTouched(false);
    move.reset();
    onClose();
  };
  const move = useMutation({
    mutationFn: (input: { resident: Resident; householdId: number }) =>
      peopleApi.move(input.resident.id, {
        householdId: input.householdId,
        reason: reason.trim(),
        version: input.resident.version,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.households });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.residents });
      void queryClient.invalidateQueries({ queryKey: placeKeys.all });
      void message.success(t('people.moveDone'));
      close();
    },
  });

  return (
    <Modal
      open={resident !== null}
      title={t('people.moveTitle', { name: resident?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: householdId === null || reasonTooShort }}
      confirmLoading={move.isPending}
      onOk={() => resident && householdId !== null && move.mutate({ resident, householdId })}
      onCancel={close}
      destroyOnHidden
    >
      <Form layout="vertical">
        <HouseholdPicker
          placeId={placeId}
          householdId={householdId}
          excludeHouseholdId={resident?.householdId ?? 0}
          onPlace={setPlaceId}
          onHousehold={setHouseholdId}
        />
        <Form.Item
          label={t('people.moveReason')}
          htmlFor="move-reason"
          required
          validateStatus={touched && reasonTooShort ? 'error' : undefined}
          help={touched && reasonTooShort ? t('people.moveReasonTooShort') : undefined}
        >
          <Input
            id="move-reason"
            value={reason}
            maxLength={200}
            placeholder={t('people.moveReasonPlaceholder')}
            onChange={(e) => {
              setReason(e.target.value);
              setTouched(true);
            }}
            data-testid="move-reason"
          />
        </Form.Item>
      </Form>
      {move.isError && <Alert type="error" showIcon title={errorText(move.error)} />}
    </Modal>
  );
}
