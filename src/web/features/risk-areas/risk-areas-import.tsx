import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api-client';
import { useNotifyError } from '../../shared/error-display';
import { declarationKeys } from '../declarations/declarations-api';
import { riskAreaKeys } from './risk-areas-api';

/**
 * 导入名单: the list officers receive as Excel (地区代码, 地区名称, 风险等级, 开始日期, 结束日期, 备注).
 * The server takes the file whole or names every bad row; a good import re-judges everyone once.
 */
export function RiskAreasImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<{ imported: number }>('/risk-areas/import', form);
    },
    onSuccess: (result) => {
      void message.success(t('riskAreas.imported', { count: result.imported }));
      void queryClient.invalidateQueries({ queryKey: riskAreaKeys.all });
      void queryClient.invalidateQueries({ queryKey: declarationKeys.all });
    },
    onError: notifyError,
  });
  return (
    <Upload
      accept=".xlsx"
      showUploadList={false}
      beforeUpload={(file) => {
        upload.mutate(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="import-risk-areas">
        {t('riskAreas.import')}
      </Button>
    </Upload>
  );
}
