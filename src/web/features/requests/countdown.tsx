import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { OPEN_STATUSES, type RequestStatus } from '../../../shared/requests';
import type { RequestSummary } from './requests-api';

/** The deadline that matters now: first contact until contacted, then resolution. */
export function nextDeadline(r: RequestSummary): { at: number; kind: 'contact' | 'resolve' } {
  const contact = Date.parse(r.contactDeadline);
  const resolve = Date.parse(r.resolveDeadline);
  if (!r.contactedAt && contact < resolve) return { at: contact, kind: 'contact' };
  return { at: resolve, kind: 'resolve' };
}

function span(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return d > 0 ? `${d}天${h}小时` : h > 0 ? `${h}小时${m}分` : `${m}分钟`;
}

/** 剩余 / 超期 time to the next deadline of an open request, ticking every 30 s. */
export function Countdown({ request }: { request: RequestSummary }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!OPEN_STATUSES.includes(request.status as RequestStatus)) return <Tag>—</Tag>;
  const { at, kind } = nextDeadline(request);
  const left = at - now;
  const what = kind === 'contact' ? '联系' : '办结';
  if (left < 0)
    return (
      <Tag color="red" data-testid="request-overdue">
        已超期 {span(left)}（{what}）
      </Tag>
    );
  return <Tag color={left < 2 * 3_600_000 ? 'orange' : 'green'}>{`距${what}时限 ${span(left)}`}</Tag>;
}
