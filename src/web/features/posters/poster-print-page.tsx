import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../shared/error-display';
import { LocalAddressWarning, usePublicBase } from '../../shared/public-url';
import { usePlace } from '../places/places-api';
import { posterKeys, postersApi, posterUrl } from './posters-api';

/** Hides the console frame when printing, so only the A4 poster comes out of the printer. */
const PRINT_CSS = `
@page { size: A4; margin: 12mm; }
@media print {
  .ant-layout-sider, .ant-layout-header, .ant-drawer, .poster-no-print { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; min-height: 0 !important; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .poster-sheet { box-shadow: none !important; margin: 0 !important; width: auto !important;
    min-height: 0 !important; padding: 0 !important; }
}
`;

/** The printable poster of one QR code: place, title, a large QR code, how to use it and the link. */
export function PosterPrintPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useQuery({ queryKey: posterKeys.list, queryFn: postersApi.list });
  const poster = query.data?.find((p) => p.id === id) ?? null;
  const place = usePlace(poster && poster.placeKind !== 'community' ? poster.placeId : null);
  const [qr, setQr] = useState<string | null>(null);
  const { link, ready } = usePublicBase();
  // Wait for the setting: a QR code drawn from the browser's address first would flash the wrong link.
  const url = poster && ready ? posterUrl(poster, link) : null;

  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    void QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 800 }).then((data) => {
      if (!cancelled) setQr(data);
    });
    return () => {
      cancelled = true;
    };
  }, [url]);

  if (query.isPending) return <Spin />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!poster) return <Alert type="warning" showIcon title={t('posters.notFound')} />;

  const community =
    poster.placeKind === 'community'
      ? null
      : (place.data?.ancestors.find((a) => a.kind === 'community')?.name ?? null);
  const shortLink = url?.replace(/^https?:\/\//, '') ?? '';

  return (
    <>
      <style>{PRINT_CSS}</style>
      <Flex className="poster-no-print" justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Link to="/posters">{t('posters.back')}</Link>
        <Flex gap={8} align="center">
          {poster.revokedAt && <Alert type="error" showIcon title={t('posters.revokedWarning')} />}
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            data-testid="poster-print-button"
          >
            {t('posters.print')}
          </Button>
        </Flex>
      </Flex>
      <LocalAddressWarning />
      <div
        className="poster-sheet"
        data-testid="poster-sheet"
        style={{
          width: '210mm',
          minHeight: '273mm',
          margin: '0 auto',
          padding: '16mm 12mm',
          background: '#fff',
          boxShadow: '0 2px 12px rgba(0,0,0,0.12)',
          textAlign: 'center',
          boxSizing: 'border-box',
        }}
      >
        <Flex vertical align="center" gap="6mm">
          {community && (
            <Typography.Text style={{ fontSize: '20pt', color: '#555' }}>{community}</Typography.Text>
          )}
          <Typography.Title level={1} style={{ fontSize: '30pt', margin: 0 }}>
            {poster.placeName}
          </Typography.Title>
          <Typography.Title level={2} style={{ fontSize: '36pt', margin: 0, color: '#237804' }}>
            {t('posters.sheetTitle')}
          </Typography.Title>
          {qr ? (
            <img src={qr} alt={url ?? ''} style={{ width: '11cm', height: '11cm' }} data-testid="poster-qr" />
          ) : (
            <Spin />
          )}
          <Typography.Paragraph style={{ fontSize: '18pt', margin: 0, maxWidth: '160mm' }}>
            {t('posters.instructions')}
          </Typography.Paragraph>
          <Typography.Text style={{ fontSize: '13pt', fontFamily: 'monospace' }} data-testid="poster-link">
            {shortLink}
          </Typography.Text>
        </Flex>
      </div>
    </>
  );
}
