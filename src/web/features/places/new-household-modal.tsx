import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText } from '../../shared/error-display';
import { peopleApi, peopleKeys } from '../people/people-api';
import { placeKeys } from './places-api';

interface HouseholdValues {
  room: string;
  floor?: number | null;
  notes?: string;
}

interface NewHouseholdModalProps {
  placeId: number;
  open: boolean;
  onClose: () => void;
}

/** 新增住户: a door number under this building/entrance; then straight to the new household's page. */
export function NewHouseholdModal({ placeId, open, onClose }: NewHouseholdModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<HouseholdValues>();
  const create = useMutation({
    mutationFn: (values: HouseholdValues) =>
      peopleApi.createHousehold({
        placeId,
        room: values.room.trim(),
        floor: values.floor ?? null,
        notes: values.notes?.trim() || null,
      }),
    onSuccess: (detail) => {
      void queryClient.invalidateQueries({ queryKey: placeKeys.all });
      queryClient.setQueryData(peopleKeys.household(detail.household.id), detail);
      void message.success(t('household.created'));
      onClose();
      navigate(`/households/${detail.household.id}`);
    },
  });

  return (
    <Modal
      open={open}
      title={t('places.addHousehold')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<HouseholdValues>
        form={form}
        name="household"
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item
          label={t('places.roomLabel')}
          name="room"
          rules={[{ required: true, whitespace: true, max: 30, message: t('places.roomRequired') }]}
        >
          <Input placeholder={t('places.roomPlaceholder')} autoFocus data-testid="household-room" />
        </Form.Item>
        <Form.Item label={t('places.floor')} name="floor">
          <InputNumber
            min={-5}
            max={200}
            precision={0}
            placeholder={t('places.floorPlaceholder')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item label={t('places.notes')} name="notes" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {create.isError && <Alert type="error" showIcon title={errorText(create.error)} />}
      </Form>
    </Modal>
  );
}
