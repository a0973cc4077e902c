import { formatBeijingDateTime } from '../../../../shared/time/beijing';
import type { Receipt } from './resident-form-api';

const TONES: Record<string, string> = {
  normal: 'rf-tone-ok',
  released: 'rf-tone-ok',
  to_verify: 'rf-tone-check',
  home_observation: 'rf-tone-watch',
  centralised_observation: 'rf-tone-watch',
  referred_to_clinic: 'rf-tone-alert',
};

/**
 * What the resident sees after sending: what their answers lead to, what to do next, and a number to
 * quote. Never a status change: staff check declarations (a declaration about someone staff verified, or
 * under another name, waits for them), and the receipt reads the same whatever the registry holds.
 */
export function ReceiptView({ receipt, onAnother }: { receipt: Receipt; onAnother: () => void }) {
  const tone = TONES[receipt.status] ?? 'rf-tone-check';
  return (
    <div className="rf-receipt" data-testid="receipt">
      <p className="rf-receipt-done">登记已收到</p>
      <p className="rf-hint">根据您填写的情况：</p>
      <div className={`rf-status ${tone}`} data-testid="receipt-status" data-status={receipt.status}>
        {receipt.statusLabel.zh}
      </div>
      <p className="rf-reason" data-testid="receipt-reason">
        {receipt.reason.zh}
      </p>
      <div className="rf-advice" data-testid="receipt-advice">
        <b>接下来：</b>
        {receipt.advice.zh}
      </div>
      {receipt.notice ? (
        <div className="rf-notice" data-testid="receipt-notice">
          <p>{receipt.notice.zh}</p>
          <p lang="en">{receipt.notice.en}</p>
        </div>
      ) : null}
      {receipt.observationUntil ? (
        <p className="rf-until" data-testid="receipt-observation-until">
          观察至 <b>{receipt.observationUntil}</b>
        </p>
      ) : null}
      <dl className="rf-receipt-meta">
        <dt>登记编号</dt>
        <dd data-testid="receipt-no">{receipt.receiptNo}</dd>
        <dt>提交时间</dt>
        <dd data-testid="receipt-time">{formatBeijingDateTime(receipt.declaredAt)}</dd>
      </dl>
      <p className="rf-hint">请截图保存本页，社区工作人员核实时可能会问登记编号。</p>
      <button type="button" className="rf-secondary" data-testid="receipt-another" onClick={onAnother}>
        为家人再登记一位
      </button>
    </div>
  );
}
