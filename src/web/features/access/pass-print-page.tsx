import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Progress, Spin, Typography } from 'antd';
import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../shared/error-display';
import { accessApi, accessKeys, type PrintItem } from './access-api';
import { qrPath } from './qr-path';

const PER_SHEET = 8;
// QR codes are made in slices of whole sheets so the page shows progress instead of freezing.
const SLICE = PER_SHEET * 64;

/** A4 sheets, eight passes each, cut lines between them; the console frame is hidden on paper. */
const PRINT_CSS = `
@page { size: A4; margin: 0; }
.pass-sheet { width: 210mm; height: 297mm; padding: 8mm 7mm; margin: 0 auto 8mm; background: #fff;
  box-shadow: 0 1px 6px rgba(0,0,0,.15); display: grid; grid-template-columns: 1fr 1fr;
  grid-template-rows: repeat(4, 1fr); gap: 0; box-sizing: border-box; page-break-after: always; break-after: page; }
.pass-card { border: 1px dashed #999; display: flex; align-items: center; gap: 4mm; padding: 4mm; box-sizing: border-box;
  font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #000; overflow: hidden; }
.pass-card svg { width: 38mm; height: 38mm; flex: none; }
.pass-text { display: grid; gap: 1.2mm; font-size: 3.4mm; line-height: 1.25; }
.pass-title { font-size: 4.6mm; font-weight: bold; }
.pass-number { font-size: 6mm; font-weight: bold; letter-spacing: .3mm; }
@media screen {
  /* Off-screen sheets are not laid out or painted until scrolled to: 375 sheets stay light. */
  .pass-sheet { content-visibility: auto; contain-intrinsic-size: 210mm 297mm; }
}
@media print {
  .ant-layout-sider, .ant-layout-header, .ant-drawer, .pass-no-print { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; margin: 0 !important; min-height: 0 !important; }
  .pass-sheet { box-shadow: none; margin: 0; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

interface Rendered extends PrintItem {
  qr: { size: number; d: string };
}

function PassCard({ pass, compoundName }: { pass: Rendered; compoundName: string }) {
  const { t } = useTranslation();
  return (
    <div className="pass-card" data-testid="pass-card">
      <svg
        viewBox={`0 0 ${pass.qr.size} ${pass.qr.size}`}
        shapeRendering="crispEdges"
        role="img"
        aria-label={`No. ${pass.number}`}
      >
        <rect width={pass.qr.size} height={pass.qr.size} fill="#fff" />
        <path d={pass.qr.d} fill="#000" />
      </svg>
      <div className="pass-text">
        <div className="pass-title">{t('access.print.cardTitle', { compound: compoundName })}</div>
        <div className="pass-number">No. {String(pass.number).padStart(5, '0')}</div>
        <div>
          {pass.buildingName} {pass.room}
        </div>
        <div>{pass.holderName ?? ''}</div>
        <div>{t('access.print.validUntil', { date: pass.validUntil })}</div>
      </div>
    </div>
  );
}

const Sheet = memo(function Sheet({ sheet, compoundName }: { sheet: Rendered[]; compoundName: string }) {
  return (
    <div className="pass-sheet" data-testid="pass-sheet">
      {sheet.map((pass) => (
        <PassCard key={pass.number} pass={pass} compoundName={compoundName} />
      ))}
    </div>
  );
});

/** `/admin/access/print?compoundId=…`: every active pass of a compound, ready for the printer. */
export function PassPrintPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const compoundId = Number(params.get('compoundId'));
  const limit = params.get('limit') ? Number(params.get('limit')) : undefined;
  const query = useQuery({
    queryKey: [...accessKeys.print(compoundId), limit],
    queryFn: () => accessApi.print(compoundId, limit),
    enabled: compoundId > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [sheets, setSheets] = useState<Rendered[][]>([]);
  const [made, setMade] = useState(0);

  useEffect(() => {
    const items = query.data?.items;
    if (!items) return;
    let cancelled = false;
    setSheets([]);
    const all: Rendered[][] = [];
    // QR codes are made in slices (the progress bar moves); the sheets go onto the page in one render,
    // so the browser lays the document out once, not once per slice.
    const step = (from: number) => {
      if (cancelled) return;
      const slice = items.slice(from, from + SLICE).map((item) => ({ ...item, qr: qrPath(item.token) }));
      for (let i = 0; i < slice.length; i += PER_SHEET) all.push(slice.slice(i, i + PER_SHEET));
      setMade(from + slice.length);
      if (from + SLICE < items.length) setTimeout(() => step(from + SLICE), 0);
      else setSheets(all);
    };
    step(0);
    return () => {
      cancelled = true;
    };
  }, [query.data]);
  const rendered = useMemo(() => sheets.reduce((n, sheet) => n + sheet.length, 0), [sheets]);

  if (!(compoundId > 0)) return <Alert type="warning" showIcon title={t('access.print.noCompound')} />;
  if (query.isPending) return <Spin />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const total = query.data.items.length;
  const ready = rendered === total;

  return (
    <>
      <style>{PRINT_CSS}</style>
      <Flex
        className="pass-no-print"
        justify="space-between"
        align="center"
        gap={12}
        style={{ marginBottom: 16 }}
        wrap
      >
        <Link to="/access">{t('access.print.back')}</Link>
        <Typography.Text>
          {t('access.print.summary', {
            count: total,
            sheets: Math.ceil(total / PER_SHEET),
            compound: query.data.compoundName,
          })}
        </Typography.Text>
        {!ready && (
          <Progress percent={Math.round((made / Math.max(total, 1)) * 100)} style={{ width: 200 }} />
        )}
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!ready || total === 0}
          onClick={() => window.print()}
          data-testid="pass-print-button"
        >
          {t('access.print.print')}
        </Button>
      </Flex>
      {total === 0 && <Alert type="info" showIcon title={t('access.print.empty')} />}
      <div data-testid="pass-sheets" data-ready={ready ? 'true' : 'false'} data-count={rendered}>
        {sheets.map((sheet) => (
          <Sheet key={sheet[0]?.number} sheet={sheet} compoundName={query.data.compoundName} />
        ))}
      </div>
    </>
  );
}
