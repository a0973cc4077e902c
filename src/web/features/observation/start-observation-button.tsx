import { EyeOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/use-me';
import { StartObservationModal } from './observation-modals';

/** 开始观察 on a resident's page (staff who manage observation only). */
export function StartObservationButton({ residentId }: { residentId: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('observation.manage')) return null;
  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="start-observation">
        {t('observation.start')}
      </Button>
      {open && <StartObservationModal residentId={residentId} onClose={() => setOpen(false)} />}
    </>
  );
}
