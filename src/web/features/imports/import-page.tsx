import { FileExcelOutlined, FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Select, Skeleton, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorText } from '../../shared/error-display';
import { useAccount } from '../auth/use-me';
import { ImportProgress } from './import-progress';
import { importsApi } from './imports-api';
import { RecentImports } from './recent-imports';
import { useCommunities } from './use-communities';

/** 导入名册: pick the community, get the template, upload, watch it run, fetch the rows it refused. */
export function ImportPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const communities = useCommunities(account);
  const [chosen, setChosen] = useState<number | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const communityId = chosen ?? communities.data?.[0]?.id ?? null;
  const start = useMutation({
    mutationFn: (file: File) => importsApi.start(communityId ?? 0, file),
    onSuccess: ({ job }) => setJobId(job.id),
  });

  if (communities.isPending) return <Skeleton active />;
  if (communities.isError)
    return <ErrorAlert error={communities.error} onRetry={() => void communities.refetch()} />;
  if (communityId === null) return <Empty description={t('imports.noCommunity')} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <Card size="small">
        <Flex vertical gap={16}>
          <Space wrap>
            <Typography.Text strong>{t('imports.community')}：</Typography.Text>
            {communities.data.length > 1 ? (
              <Select<number>
                value={communityId}
                style={{ minWidth: 220 }}
                options={communities.data.map((c) => ({ value: c.id, label: c.name }))}
                onChange={(id) => {
                  setChosen(id);
                  setJobId(null);
                }}
                aria-label={t('imports.chooseCommunity')}
                data-testid="import-community"
              />
            ) : (
              <Typography.Text data-testid="import-community">{communities.data[0]?.name}</Typography.Text>
            )}
          </Space>
          <div>
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              {t('imports.step1')}
            </Typography.Paragraph>
            <Space wrap>
              <Button
                icon={<FileExcelOutlined />}
                href={importsApi.templateUrl('xlsx')}
                data-testid="template-xlsx"
              >
                {t('imports.templateXlsx')}
              </Button>
              <Button
                icon={<FileTextOutlined />}
                href={importsApi.templateUrl('csv')}
                data-testid="template-csv"
              >
                {t('imports.templateCsv')}
              </Button>
            </Space>
          </div>
          <div>
            <Typography.Paragraph strong style={{ marginBottom: 8 }}>
              {t('imports.step2')}
            </Typography.Paragraph>
            <div data-testid="import-upload">
              <Upload.Dragger
                accept=".xlsx,.csv"
                multiple={false}
                showUploadList={false}
                disabled={start.isPending}
                beforeUpload={(file) => {
                  start.mutate(file);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">
                  {start.isPending ? t('imports.uploading') : t('imports.upload')}
                </p>
                <p className="ant-upload-hint">{t('imports.uploadHint')}</p>
              </Upload.Dragger>
            </div>
            {start.isError && (
              <Alert type="error" showIcon title={errorText(start.error)} style={{ marginTop: 8 }} />
            )}
          </div>
        </Flex>
      </Card>
      {jobId !== null && <ImportProgress key={jobId} jobId={jobId} />}
      <RecentImports communityId={communityId} selectedId={jobId} onSelect={setJobId} />
    </Flex>
  );
}
