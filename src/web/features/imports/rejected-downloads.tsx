import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../shared/reason-modal';
import { useCan } from '../auth/use-me';
import { importsApi } from './imports-api';

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The rows an import left out. Anyone who imports gets them with numbers masked (enough to find each
 * row in their own file); the rows as typed, to fix and upload again, are for those who may reveal
 * numbers, for a stated reason the server records before it sends the file.
 */
export function RejectedDownloads({ jobId }: { jobId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const [asking, setAsking] = useState(false);
  const full = useMutation({
    mutationFn: (reason: string) => importsApi.rejectedAsTyped(jobId, reason),
    onSuccess: (blob) => {
      save(blob, `未导入的行-${jobId}.xlsx`);
      setAsking(false);
    },
  });
  return (
    <Space wrap style={{ marginTop: 16 }}>
      <Button
        icon={<DownloadOutlined />}
        href={importsApi.rejectedUrl(jobId)}
        data-testid="download-rejected"
      >
        {t('imports.downloadRejected')}
      </Button>
      {can('registry.reveal') && (
        <Button icon={<EyeOutlined />} onClick={() => setAsking(true)} data-testid="download-rejected-full">
          {t('imports.downloadRejectedFull')}
        </Button>
      )}
      <ReasonModal
        open={asking}
        title={t('imports.rejectedFullTitle')}
        pending={full.isPending}
        error={full.isError ? full.error : null}
        onConfirm={(reason) => full.mutate(reason)}
        onClose={() => {
          full.reset();
          setAsking(false);
        }}
      />
    </Space>
  );
}
