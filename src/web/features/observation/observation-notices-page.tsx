import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { MAX_NOTICES, NOTICE_FILTERS, NOTICE_KINDS } from '../../../shared/observation';
import { addressLabel } from '../../../shared/places/address-label';
import { ErrorAlert } from '../../shared/error-display';
import { type NoticeFilter, type NoticeKind, type NoticeOut, observationApi } from './observation-api';

/** One notice per A4 page; the console frame is hidden on paper (as on the pass print page). */
const PRINT_CSS = `
@page { size: A4; margin: 0; }
.notice-page { width: 210mm; height: 297mm; padding: 28mm 24mm; margin: 0 auto 8mm; background: #fff;
  box-shadow: 0 1px 6px rgba(0,0,0,.15); box-sizing: border-box; page-break-after: always; break-after: page;
  font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; color: #000; font-size: 4.6mm; line-height: 1.9;
  display: flex; flex-direction: column; overflow: hidden; }
.notice-title { font-size: 8mm; font-weight: bold; text-align: center; letter-spacing: 1.5mm; margin-bottom: 10mm; }
.notice-page p { margin: 0 0 2mm; text-indent: 2em; }
.notice-page p.notice-greeting { text-indent: 0; }
.notice-sign { margin-top: auto; text-align: right; }
.notice-sticker { justify-content: center; align-items: center; text-align: center; gap: 10mm;
  font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
.notice-sticker .notice-title { font-size: 22mm; letter-spacing: 4mm; margin: 0; }
.notice-sticker .notice-big { font-size: 10mm; font-weight: bold; }
.notice-sticker .notice-mid { font-size: 7mm; }
@media screen { .notice-page { content-visibility: auto; contain-intrinsic-size: 210mm 297mm; } }
@media print {
  .ant-layout-sider, .ant-layout-header, .ant-drawer, .notice-no-print { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; margin: 0 !important; min-height: 0 !important; }
  .notice-page { box-shadow: none; margin: 0; }
}
`;

/** 2026-12-06 → 2026年12月6日 on a Chinese notice; the ISO day otherwise. */
function dayText(day: string, zh: boolean) {
  if (!zh) return day;
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

interface NoticeProps {
  n: NoticeOut;
  community: string;
  date: string;
  t: TFunction;
  zh: boolean;
}

function address(n: NoticeOut) {
  return addressLabel({ compoundName: n.compoundName, buildingName: n.buildingName, room: n.room });
}

function Signature({ community, date, t }: Pick<NoticeProps, 'community' | 'date' | 't'>) {
  return (
    <div className="notice-sign">
      <div>{t('observation.notices.issuer', { community })}</div>
      <div>{t('observation.notices.date', { date })}</div>
    </div>
  );
}

function StartNotice({ n, community, date, t, zh }: NoticeProps) {
  const kind = t(`observation.kinds.${n.kind}`);
  const rules =
    n.kind === 'home'
      ? [
          t('observation.notices.startRules.home.r1'),
          t('observation.notices.startRules.home.r2'),
          t('observation.notices.startRules.home.r3'),
          t('observation.notices.startRules.home.r4'),
        ]
      : [
          t('observation.notices.startRules.centralised.r1'),
          t('observation.notices.startRules.centralised.r2'),
          t('observation.notices.startRules.centralised.r3'),
        ];
  const site = [n.site, n.siteRoom].filter(Boolean).join(' ');
  return (
    <>
      <div className="notice-title">{t(`observation.notices.startTitle.${n.kind}`)}</div>
      <p className="notice-greeting">
        {t('observation.notices.startGreeting', { name: n.name, address: address(n) })}
      </p>
      <p>
        {t('observation.notices.startBody', {
          kind,
          dayOne: dayText(n.dayOne, zh),
          days: n.periodDays,
          plannedEnd: dayText(n.plannedEnd, zh),
        })}
      </p>
      {n.kind === 'centralised' && site && <p>{t('observation.notices.startSite', { site })}</p>}
      {rules.map((r) => (
        <p key={r}>{r}</p>
      ))}
      <p>{t('observation.notices.thanks')}</p>
      <Signature community={community} date={date} t={t} />
    </>
  );
}

function EndNotice({ n, community, date, t, zh }: NoticeProps) {
  const kind = t(`observation.kinds.${n.kind}`);
  return (
    <>
      <div className="notice-title">{t('observation.notices.endTitle')}</div>
      <p className="notice-greeting">
        {t('observation.notices.startGreeting', { name: n.name, address: address(n) })}
      </p>
      <p>
        {t('observation.notices.endBody', {
          kind,
          dayOne: dayText(n.dayOne, zh),
          endDay: dayText(n.endDay ?? n.plannedEnd, zh),
        })}
      </p>
      <p>{t('observation.notices.endAdvice')}</p>
      <p>{t('observation.notices.endThanks')}</p>
      <Signature community={community} date={date} t={t} />
    </>
  );
}

function Sticker({ n, community, t, zh }: NoticeProps) {
  return (
    <>
      <div className="notice-title">{t('observation.notices.stickerTitle')}</div>
      <div className="notice-big">{address(n)}</div>
      <div className="notice-mid">{t('observation.notices.stickerLine')}</div>
      <div className="notice-mid">
        {t('observation.notices.stickerPeriod', {
          dayOne: dayText(n.dayOne, zh),
          plannedEnd: dayText(n.plannedEnd, zh),
        })}
      </div>
      <div className="notice-mid">{t('observation.notices.stickerHelp', { community })}</div>
    </>
  );
}

const Page = memo(function Page(props: NoticeProps & { notice: NoticeKind }) {
  const Body = props.notice === 'start' ? StartNotice : props.notice === 'end' ? EndNotice : Sticker;
  const cls = props.notice === 'sticker' ? 'notice-page notice-sticker' : 'notice-page';
  return (
    <div className={cls} data-testid="notice-page">
      <Body {...props} />
    </div>
  );
});

function oneOf<T extends string>(list: readonly T[], value: string | null, fallback: T): T {
  return list.includes(value as T) ? (value as T) : fallback;
}

/**
 * `/admin/observation/notices?communityId=…&notice=start|end|sticker&ids=1,2` (or `&filter=…`): the
 * chosen observations' notices, one per A4 page, ready for the printer.
 */
export function ObservationNoticesPage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const [params] = useSearchParams();
  const communityId = Number(params.get('communityId'));
  const notice = oneOf(NOTICE_KINDS, params.get('notice'), 'start');
  const filter: NoticeFilter = oneOf(NOTICE_FILTERS, params.get('filter'), 'active');
  const ids = (params.get('ids') ?? '')
    .split(',')
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0)
    .slice(0, MAX_NOTICES);
  const query = useQuery({
    queryKey: ['observation', 'notices', communityId, notice, filter, ids.join(',')],
    queryFn: () => observationApi.notices({ communityId, notice, filter, ids }),
    enabled: communityId > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!(communityId > 0))
    return <Alert type="warning" showIcon title={t('observation.notices.noCommunity')} />;
  if (query.isPending) return <Spin />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { items, total, communityName, today } = query.data;
  const date = dayText(today, zh);
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Flex
        className="notice-no-print"
        justify="space-between"
        align="center"
        gap={12}
        style={{ marginBottom: 16 }}
        wrap
      >
        <Link to={`/observation?communityId=${communityId}`}>{t('observation.notices.back')}</Link>
        <Typography.Text data-testid="notice-summary">
          {t('observation.notices.summary', {
            count: items.length,
            kind: t(`observation.notices.kinds.${notice}`),
            community: communityName,
          })}
        </Typography.Text>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={items.length === 0}
          onClick={() => window.print()}
          data-testid="notice-print-button"
        >
          {t('observation.notices.print')}
        </Button>
      </Flex>
      {total > items.length && (
        <Alert
          className="notice-no-print"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('observation.notices.cut', { total, max: MAX_NOTICES })}
        />
      )}
      {items.length === 0 && <Alert type="info" showIcon title={t('observation.notices.empty')} />}
      <div data-testid="notice-pages" data-count={items.length}>
        {items.map((n) => (
          <Page key={n.id} n={n} notice={notice} community={communityName} date={date} t={t} zh={zh} />
        ))}
      </div>
    </>
  );
}
