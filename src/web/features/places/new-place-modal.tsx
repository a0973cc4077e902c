import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHILD_KINDS, PLACE_KIND_LABELS, type PlaceKind } from '../../../shared/places/place-kinds';
import { errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { type PlaceSummary, placeKeys, placesApi } from './places-api';

interface PlaceValues {
  kind: PlaceKind;
  name: string;
}

interface NewPlaceModalProps {
  parent: PlaceSummary;
  open: boolean;
  onClose: () => void;
}

/** 新增下级: only the kinds the tree allows under this place are offered. */
export function NewPlaceModal({ parent, open, onClose }: NewPlaceModalProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PlaceValues>();
  const kinds = CHILD_KINDS[parent.kind];
  const create = useMutation({
    mutationFn: (values: PlaceValues) =>
      placesApi.create({ parentId: parent.id, kind: values.kind, name: values.name.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: placeKeys.all });
      void message.success(t('places.created'));
      form.resetFields();
      onClose();
    },
  });

  return (
    <Modal
      open={open}
      title={t('places.addChildTitle', { parent: parent.name })}
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
      <Form<PlaceValues>
        form={form}
        name="place"
        layout="vertical"
        initialValues={{ kind: kinds[0] }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item label={t('places.kind')} name="kind" rules={[{ required: true }]}>
          <Select options={kinds.map((kind) => ({ value: kind, label: label(PLACE_KIND_LABELS[kind]) }))} />
        </Form.Item>
        <Form.Item
          label={t('places.name')}
          name="name"
          rules={[{ required: true, whitespace: true, max: 60, message: t('places.nameRequired') }]}
        >
          <Input placeholder={t('places.namePlaceholder')} autoFocus data-testid="place-name-input" />
        </Form.Item>
        {create.isError && <Alert type="error" showIcon title={errorText(create.error)} />}
      </Form>
    </Modal>
  );
}
