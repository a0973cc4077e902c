import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealableField } from '../../../shared/people/people-enums';
import { useCan } from '../auth/use-me';
import { RevealModal } from './reveal-modal';

const SHOW_FOR_MS = 30_000;

interface MaskedValueProps {
  residentId: number;
  field: RevealableField;
  masked: string | null;
}

/** A masked ID or phone with an eye to show it in full (asked for a reason, shown 30 s, recorded). */
export function MaskedValue({ residentId, field, masked }: MaskedValueProps) {
  const { t } = useTranslation();
  const can = useCan();
  const [asking, setAsking] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);

  useEffect(() => {
    if (revealed === null) return;
    const timer = window.setTimeout(() => setRevealed(null), SHOW_FOR_MS);
    return () => window.clearTimeout(timer);
  }, [revealed]);

  if (!masked) return <Typography.Text type="secondary">{t('people.notRecorded')}</Typography.Text>;

  return (
    // Clicks here (and in the modal, which React bubbles through) must not open the row they sit in.
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops propagation, not an interaction
    // biome-ignore lint/a11y/useKeyWithClickEvents: only stops propagation, not an interaction
    <span onClick={(e) => e.stopPropagation()} data-testid={`masked-${field}-${residentId}`}>
      {revealed === null ? (
        <Space size={2}>
          <Typography.Text style={{ fontFamily: 'monospace' }}>{masked}</Typography.Text>
          {can('registry.reveal') && (
            <Tooltip title={t('people.reveal')}>
              <Button
                type="text"
                size="small"
                icon={<EyeOutlined />}
                aria-label={t('people.reveal')}
                onClick={() => setAsking(true)}
                data-testid={`reveal-${field}-${residentId}`}
              />
            </Tooltip>
          )}
        </Space>
      ) : (
        <Space size={2} wrap>
          <Typography.Text
            strong
            copyable
            style={{ fontFamily: 'monospace' }}
            data-testid={`revealed-${field}-${residentId}`}
          >
            {revealed}
          </Typography.Text>
          <Button
            type="text"
            size="small"
            icon={<EyeInvisibleOutlined />}
            aria-label={t('people.hide')}
            onClick={() => setRevealed(null)}
          />
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('people.revealNote')}
          </Typography.Text>
        </Space>
      )}
      <RevealModal
        residentId={residentId}
        field={field}
        open={asking}
        onClose={() => setAsking(false)}
        onRevealed={(value) => {
          setAsking(false);
          setRevealed(value);
        }}
      />
    </span>
  );
}
