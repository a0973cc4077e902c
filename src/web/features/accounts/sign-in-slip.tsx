import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../shared/auth/roles';
import { useLabel } from '../../shared/i18n';
import { LocalAddressWarning, usePublicBase } from '../../shared/public-url';
import { qrPath } from '../access/qr-path';
import type { SlipData } from './accounts-api';

/**
 * Printing the open slip only. The modal is portalled to <body>, outside the console's #root: the console
 * is left out whole, and of the modal only the slip itself goes to paper.
 */
const PRINT_CSS = `
@page { size: A5 landscape; margin: 10mm; }
@media print {
  #root, .ant-modal-mask, .ant-modal-header, .ant-modal-footer, .ant-modal-close, .slip-no-print,
  .ant-message, .ant-notification { display: none !important; }
  .ant-modal-wrap { position: static !important; overflow: visible !important; }
  .ant-modal { position: static !important; top: 0 !important; width: auto !important; max-width: none !important;
    padding: 0 !important; margin: 0 !important; }
  .ant-modal-content { box-shadow: none !important; padding: 0 !important; }
  .slip-sheet { box-sizing: border-box; width: 100%; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** Where the account signs in: guards in the gate app, everyone else in the console. */
export function signInPath(role: SlipData['role']): string {
  return role === 'gate_guard' ? '/gate/' : '/admin/';
}

/** 登录凭条: name, username, the one-time password, the sign-in address and its QR code. Shown once. */
export function SignInSlipModal({ slip, onClose }: { slip: SlipData | null; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { link } = usePublicBase();
  if (!slip) return null;
  const address = link(signInPath(slip.role));
  const qr = qrPath(address);
  const row = (name: string, value: string, testId?: string, big = false) => (
    <tr>
      <td style={{ padding: '2mm 4mm 2mm 0', color: '#555', whiteSpace: 'nowrap' }}>{name}</td>
      <td
        style={{
          padding: '2mm 0',
          fontSize: big ? '18pt' : '13pt',
          fontFamily: big ? 'monospace' : undefined,
        }}
        data-testid={testId}
      >
        {value}
      </td>
    </tr>
  );
  return (
    <Modal
      open
      title={t('accounts.slip.title')}
      onCancel={onClose}
      maskClosable={false}
      width={620}
      footer={
        <Flex gap={8} justify="end">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="slip-print">
            {t('accounts.slip.print')}
          </Button>
          <Button type="primary" onClick={onClose} data-testid="slip-close">
            {t('accounts.slip.close')}
          </Button>
        </Flex>
      }
    >
      <style>{PRINT_CSS}</style>
      <Alert
        type="info"
        showIcon
        title={t('accounts.slip.onceWarning')}
        className="slip-no-print"
        style={{ marginBottom: 12 }}
      />
      <LocalAddressWarning short />
      <div
        className="slip-sheet"
        data-testid="sign-in-slip"
        style={{ border: '1px dashed #999', padding: '6mm', background: '#fff' }}
      >
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('accounts.slip.heading')}
        </Typography.Title>
        <Flex gap={16} align="center" wrap>
          <table style={{ borderCollapse: 'collapse', flex: 1 }}>
            <tbody>
              {row(t('accounts.slip.name'), slip.displayName, 'slip-name')}
              {row(t('accounts.slip.role'), label(ROLE_LABELS[slip.role]))}
              {row(t('accounts.slip.username'), slip.username, 'slip-username', true)}
              {row(t('accounts.slip.password'), slip.password, 'slip-password', true)}
              {row(
                t('accounts.slip.address'),
                `${address}（${slip.role === 'gate_guard' ? t('accounts.slip.gateApp') : t('accounts.slip.console')}）`,
                'slip-address',
              )}
            </tbody>
          </table>
          <Flex vertical align="center" gap={4}>
            <svg
              viewBox={`0 0 ${qr.size} ${qr.size}`}
              width="38mm"
              height="38mm"
              shapeRendering="crispEdges"
              role="img"
              aria-label={address}
              data-testid="slip-qr"
            >
              <rect width={qr.size} height={qr.size} fill="#fff" />
              <path d={qr.d} fill="#000" />
            </svg>
            <Typography.Text style={{ fontSize: 11, maxWidth: '40mm', textAlign: 'center' }}>
              {t('accounts.slip.scan')}
            </Typography.Text>
          </Flex>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('accounts.slip.keep')}
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}
