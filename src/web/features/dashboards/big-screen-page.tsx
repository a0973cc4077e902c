import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { BigScreen } from '../../../shared/dashboards/screens-responses';
import { formatBeijingTime } from '../../../shared/time/beijing';
import { api } from '../../shared/api-client';
import { Chart } from './echarts';

/** The wall refreshes every 30 s (the brief: at least every 60 s). */
const SCREEN_POLL_MS = 30_000;
const W = 1920;
const H = 1080;

function useScale() {
  const fitScale = () => Math.min(window.innerWidth / W, window.innerHeight / H);
  const [scale, setScale] = useState(fitScale);
  useEffect(() => {
    const onResize = () => setScale(fitScale());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  });
  return scale;
}

const kept = (token: string) => `dashu-screen-${token}`;

/**
 * 数据大屏: a 1920×1080 wall of one place's aggregates, scaled to the display, opened by a read-only link
 * (no sign-in). The last picture is kept (also across a reload) and marked stale while the server cannot
 * be reached or its data is older than five minutes.
 */
export function BigScreenPage() {
  const token = useParams().token ?? '';
  const scale = useScale();
  const query = useQuery({
    queryKey: ['screen', token],
    queryFn: async () => {
      const data = await api.get<BigScreen>(`/public/screens/${token}`);
      localStorage.setItem(kept(token), JSON.stringify(data));
      return data;
    },
    refetchInterval: SCREEN_POLL_MS,
    retry: 1,
    networkMode: 'always',
  });
  const saved = (() => {
    try {
      return JSON.parse(localStorage.getItem(kept(token)) ?? 'null') as BigScreen | null;
    } catch {
      return null;
    }
  })();
  const data = query.data ?? saved;
  const stale = query.isError || !query.data || Boolean(data?.stale);
  const text = { color: '#e6f0ff' };
  if (!data)
    return (
      <div style={{ background: '#06142b', color: '#e6f0ff', height: '100vh', padding: 40, fontSize: 28 }}>
        {query.isError ? '链接无效或已撤销 · The link is not valid or was revoked' : '加载中…'}
      </div>
    );
  const show = (v: { value: number | null; suppressed: boolean }) => (v.suppressed ? '<5' : (v.value ?? '—'));
  return (
    <div style={{ background: '#06142b', width: '100vw', height: '100vh', overflow: 'hidden' }}>
      <div
        data-testid="big-screen"
        style={{
          width: W,
          height: H,
          transform: `scale(${scale})`,
          transformOrigin: 'top left',
          padding: 32,
          boxSizing: 'border-box',
          fontFamily: 'sans-serif',
          ...text,
        }}
      >
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <div style={{ fontSize: 44, fontWeight: 700 }}>{data.place.name} · 数据大屏</div>
          <div style={{ fontSize: 24 }} data-testid="screen-as-of">
            {data.asOf ? `截至 ${formatBeijingTime(data.asOf)}` : '尚未统计'}
            {stale && (
              <span data-testid="screen-stale" style={{ marginLeft: 16, color: '#ffb020' }}>
                ● 数据已过时
              </span>
            )}
          </div>
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: 20, marginTop: 28 }}>
          {data.tiles.map((tile) => (
            <div
              key={tile.indicator}
              data-testid={`screen-tile-${tile.indicator}`}
              style={{ background: '#0d2a52', borderRadius: 12, padding: '20px 24px' }}
            >
              <div style={{ fontSize: 22, opacity: 0.8 }}>{tile.name}</div>
              <div style={{ fontSize: 56, fontWeight: 700 }} data-testid="screen-value">
                {show(tile)}
                <span style={{ fontSize: 20, marginLeft: 6, opacity: 0.7 }}>{tile.unit}</span>
              </div>
            </div>
          ))}
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 20, marginTop: 24 }}>
          <div style={{ background: '#0d2a52', borderRadius: 12, padding: 16 }}>
            <div style={{ fontSize: 22 }}>近 30 天</div>
            <Chart
              height={460}
              option={{
                textStyle: text,
                legend: { textStyle: text, data: ['今日登记', '门岗入', '发热'] },
                tooltip: { trigger: 'axis' },
                grid: { left: 60, right: 20, top: 40, bottom: 30 },
                xAxis: { type: 'category', data: data.trend.days.map((d) => d.slice(5)) },
                yAxis: { type: 'value' },
                series: [
                  { name: '今日登记', type: 'line', data: data.trend.series['declarations.today'] ?? [] },
                  { name: '门岗入', type: 'line', data: data.trend.series['gate.in'] ?? [] },
                  { name: '发热', type: 'line', data: data.trend.series['gate.fevers'] ?? [] },
                ],
              }}
            />
          </div>
          <div style={{ background: '#0d2a52', borderRadius: 12, padding: 16 }}>
            <div style={{ fontSize: 22 }}>下辖对比 · 在册居民</div>
            <Chart
              height={460}
              option={{
                textStyle: text,
                tooltip: { trigger: 'axis' },
                grid: { left: 120, right: 20, top: 20, bottom: 30 },
                yAxis: { type: 'category', inverse: true, data: data.children.map((c) => c.name) },
                xAxis: { type: 'value' },
                series: [
                  {
                    type: 'bar',
                    data: data.children.map((c) => c.values['people.residents']?.value ?? 0),
                  },
                ],
              }}
            />
          </div>
        </div>
      </div>
    </div>
  );
}
