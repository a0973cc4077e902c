import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../shared/error-display';
import { useAccount } from '../auth/use-me';
import { type HotlineImportResult, requestKeys, requestsApi } from './requests-api';

type Row = { row: number; orderNumber: string | null; reason: string };

/**
 * 导入12345工单: the platform's Excel export uploaded for the account's community. The server keeps every
 * good row, reports the orders already recorded and refuses each bad row alone; all three are shown here
 * by their row number in the file, so staff can correct and re-upload the same file.
 */
export function HotlineImport() {
  const { t } = useTranslation();
  const account = useAccount();
  const notifyError = useNotifyError();
  const client = useQueryClient();
  const [result, setResult] = useState<HotlineImportResult | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => requestsApi.import12345(file, account.scope.placeId),
    onSuccess: (answer) => {
      setResult(answer);
      void client.invalidateQueries({ queryKey: requestKeys.all });
    },
    onError: notifyError,
  });
  const rows: Row[] = result
    ? [
        ...result.refused,
        ...result.duplicates.map((d) => ({ ...d, reason: t('requests.hotline.duplicate') })),
      ].sort((a, b) => a.row - b.row)
    : [];
  return (
    <>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="request-import-12345">
          {t('requests.hotline.import')}
        </Button>
      </Upload>
      <Modal
        open={result !== null}
        title={t('requests.hotline.title')}
        onCancel={() => setResult(null)}
        onOk={() => setResult(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        width={720}
      >
        {result && (
          <Flex vertical gap={12} data-testid="request-import-result">
            <Alert
              type={result.refused.length > 0 ? 'warning' : 'success'}
              showIcon
              message={t('requests.hotline.summary', {
                imported: result.imported.length,
                duplicates: result.duplicates.length,
                refused: result.refused.length,
              })}
            />
            <Typography.Text type="secondary">{t('requests.hotline.hint')}</Typography.Text>
            {rows.length > 0 && (
              <Table<Row>
                size="small"
                rowKey="row"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                dataSource={rows}
                columns={[
                  { title: t('requests.hotline.row'), dataIndex: 'row', width: 70 },
                  { title: t('requests.hotline.orderNumber'), dataIndex: 'orderNumber', width: 180 },
                  { title: t('requests.hotline.reason'), dataIndex: 'reason' },
                ]}
              />
            )}
          </Flex>
        )}
      </Modal>
    </>
  );
}
