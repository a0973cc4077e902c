import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../shared/error-display';
import { declarationKeys } from '../declarations/declarations-api';
import { riskAreaKeys, riskAreasApi } from './risk-areas-api';

/**
 * 导入名单: the list officers receive as Excel (地区代码, 地区名称, 风险等级, 开始日期, 结束日期, 备注), for
 * the place chosen on the page. The server takes the file whole or names every bad row; a good import
 * re-judges the residents under that place once.
 */
export function RiskAreasImport({ placeId }: { placeId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => riskAreasApi.import(file, placeId),
    onSuccess: (result) => {
      void message.success(
        result.unchanged > 0
          ? t('riskAreas.importedSome', { count: result.imported, unchanged: result.unchanged })
          : t('riskAreas.imported', { count: result.imported }),
      );
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
