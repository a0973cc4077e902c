import { CORE_INDICATORS } from '../dashboards/indicators';
import { CARE_INDICATORS, OBSERVATION_INDICATORS, REQUEST_INDICATORS } from '../dashboards/module-indicators';
import { type AuditPart, type Ctx, num, placePart, str, text } from './audit-parts';

// The audit sentences of the dashboards module: big-screen links, report templates and daily reports.

const INDICATOR_NAMES = new Map(
  [...CORE_INDICATORS, ...OBSERVATION_INDICATORS, ...REQUEST_INDICATORS, ...CARE_INDICATORS].map((i) => [
    i.id,
    i.name,
  ]),
);

/** Report figures by their indicators' names ("在册居民 5，户数 3"), never their ids. */
const figures = (values: unknown, lang: 'zh' | 'en'): string =>
  values && typeof values === 'object'
    ? Object.entries(values as Record<string, unknown>)
        .map(([id, v]) => `${INDICATOR_NAMES.get(id)?.[lang] ?? id} ${num(v) ?? '—'}`)
        .join(lang === 'zh' ? '，' : ', ')
    : '';

export function dashboardsSentence({ e, d, n }: Ctx): AuditPart[] | null {
  switch (e.entity) {
    case 'screen_link':
      if (d.revoked)
        return [
          text('停用了 ', 'Revoked the big-screen link of '),
          placePart(n, d.placeId),
          text(' 的大屏链接', ''),
        ];
      return [
        text('为 ', 'Made a big-screen link for '),
        placePart(n, d.placeId),
        text(` 生成了大屏链接“${str(d.name) ?? ''}”`, ` ("${str(d.name) ?? ''}")`),
      ];
    case 'report_template':
      return [
        text('为 ', 'Made the daily report template '),
        placePart(n, d.placeId),
        text(
          ` 新建了日报模板“${str(d.name) ?? ''}”（截止 ${str(d.cutoff) ?? ''}，${num(d.columns) ?? 0} 列）`,
          ` "${str(d.name) ?? ''}" (cut-off ${str(d.cutoff) ?? ''}, ${num(d.columns) ?? 0} columns)`,
        ),
      ];
    case 'daily_report': {
      const community = n.community ? `${n.community} ` : '';
      const day = str(d.day) ?? '';
      if (e.action === 'export')
        return [
          text('导出了 ', 'Exported the daily report of '),
          placePart(n, d.placeId),
          text(` ${day} 的日报`, ` for ${day}`),
        ];
      if (d.confirmed)
        return [
          text(`确认了 ${community}${day} 的日报`, `Confirmed the daily report of ${community}for ${day}`),
        ];
      return [
        text(
          `更正了 ${community}${day} 的日报：${figures(d.resubmitted, 'zh')}（原为 ${figures(d.before, 'zh')}）`,
          `Corrected the daily report of ${community}for ${day}: ${figures(d.resubmitted, 'en')} (was ${figures(d.before, 'en')})`,
        ),
      ];
    }
    default:
      return null;
  }
}
