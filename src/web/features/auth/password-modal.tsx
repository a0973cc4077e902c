import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/error-display';
import { authApi } from './auth-api';
import { useAccount } from './use-me';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

interface PasswordModalProps {
  open: boolean;
  onClose: () => void;
}

/** 修改密码: the same rules as the server (10+ characters, not the username), checked before sending. */
export function PasswordModal({ open, onClose }: PasswordModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const account = useAccount();
  const [form] = Form.useForm<PasswordValues>();
  const change = useMutation({
    mutationFn: (values: PasswordValues) =>
      authApi.changePassword(values.currentPassword, values.newPassword),
    onSuccess: () => {
      void message.success(t('auth.passwordChanged'));
      form.resetFields();
      onClose();
    },
  });

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        change.reset();
        onClose();
      }}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form<PasswordValues> form={form} name="password" layout="vertical" onFinish={(v) => change.mutate(v)}>
        <Form.Item
          label={t('auth.currentPassword')}
          name="currentPassword"
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('auth.newPassword')}
          name="newPassword"
          extra={t('auth.newPasswordHint')}
          rules={[
            { required: true, min: 10, message: t('auth.passwordTooShort') },
            {
              validator: async (_, value: string | undefined) => {
                if (value && value.toLowerCase() === account.username.toLowerCase()) {
                  throw new Error(t('auth.passwordSameAsUsername'));
                }
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('auth.confirmPassword')}
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordMismatch') },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value !== getFieldValue('newPassword')) throw new Error(t('auth.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {change.isError && <Alert type="error" showIcon title={errorText(change.error)} />}
      </Form>
    </Modal>
  );
}
