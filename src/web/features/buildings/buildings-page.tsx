import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Segmented, Select, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { buildingLabel } from '../../../shared/places/address-label';
import { groupByCompound } from '../../../shared/places/compound-groups';
import { ALL_COMPOUNDS, CompoundFilter, filterGroups } from '../../shared/compound-filter';
import { ErrorAlert } from '../../shared/error-display';
import { useAccount } from '../auth/use-me';
import { useCommunities } from '../imports/use-communities';
import { type BuildingFigures, buildingKeys, buildingsApi } from './buildings-api';

/** The measures a secretary colours the grid by; rates are shares of households or residents. */
const MEASURES = {
  households: (b: BuildingFigures) => b.households,
  residents: (b: BuildingFigures) => b.residents,
  vacancy: (b: BuildingFigures) => (b.households ? (b.vacant / b.households) * 100 : 0),
  renters: (b: BuildingFigures) => (b.residents ? (b.renters / b.residents) * 100 : 0),
  vulnerable: (b: BuildingFigures) => b.vulnerable,
  partyMembers: (b: BuildingFigures) => b.partyMembers,
  attention: (b: BuildingFigures) => b.attention,
  campaign: (b: BuildingFigures) => (b.campaignTotal ? (b.campaignDone / b.campaignTotal) * 100 : 0),
} as const;
type Measure = keyof typeof MEASURES;
const PERCENT: readonly Measure[] = ['vacancy', 'renters', 'campaign'];

/** White to deep green; shares and counts alike are scaled to the largest value on the page. */
function shade(value: number, max: number): { background: string; color: string } {
  const x = max > 0 ? value / max : 0;
  const light = 96 - Math.round(x * 62);
  return { background: `hsl(140, 45%, ${light}%)`, color: light < 55 ? '#fff' : '#1f1f1f' };
}

/**
 * 楼宇网格: every building of a community as a tile coloured by the chosen measure, grouped by compound
 * (five compounds may each have a "1号楼") with a compound filter; a tile opens its profile.
 */
export function BuildingsPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const navigate = useNavigate();
  const communities = useCommunities(account);
  const [picked, setPicked] = useState<number | undefined>();
  const [measure, setMeasure] = useState<Measure>('attention');
  const [compound, setCompound] = useState(ALL_COMPOUNDS);
  const communityId = picked ?? communities.data?.[0]?.id;
  const grid = useQuery({
    queryKey: buildingKeys.grid(communityId ?? 0),
    queryFn: () => buildingsApi.grid(communityId as number),
    enabled: communityId !== undefined,
  });
  const groups = groupByCompound(grid.data?.items ?? []);
  const shown = filterGroups(groups, compound);
  const items = shown.flatMap((g) => g.items);
  const value = MEASURES[measure];
  // The scale is the shown buildings': a filtered compound is coloured against itself.
  const max = Math.max(0, ...items.map(value));
  const format = (v: number) => (PERCENT.includes(measure) ? `${Math.round(v)}%` : String(v));

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('buildings.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <CompoundFilter groups={groups} value={compound} onChange={setCompound} />
          {(communities.data?.length ?? 0) > 1 && (
            <Select
              style={{ minWidth: 200 }}
              value={communityId}
              onChange={(id) => {
                setPicked(id);
                setCompound(ALL_COMPOUNDS);
              }}
              options={communities.data?.map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
        </Flex>
      </Flex>
      <Segmented
        value={measure}
        onChange={(v) => setMeasure(v as Measure)}
        options={(Object.keys(MEASURES) as Measure[]).map((m) => ({
          value: m,
          label: t(`buildings.measure.${m}`),
        }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
        data-testid="grid-measure"
      />
      {grid.isError && <ErrorAlert error={grid.error} onRetry={() => void grid.refetch()} />}
      {(grid.isPending || communities.isPending) && <Spin />}
      {grid.data && items.length === 0 && <Empty description={t('buildings.empty')} />}
      <Flex vertical gap={16} data-testid="building-grid">
        {shown.map((group) => (
          <section key={group.key} data-testid="compound-group">
            {groups.length > 1 && (
              <Typography.Title level={5} style={{ margin: '0 0 8px' }} data-testid="compound-title">
                {group.compoundName ?? t('compounds.none')}
                <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
                  {t('compounds.buildings', { count: group.items.length })}
                </Typography.Text>
              </Typography.Title>
            )}
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
                gap: 8,
              }}
            >
              {group.items.map((b) => {
                const v = value(b);
                return (
                  <Tooltip
                    key={b.id}
                    title={buildingLabel({ compoundName: b.compoundName, buildingName: b.name })}
                  >
                    <button
                      type="button"
                      onClick={() => navigate(`/buildings/${b.id}`)}
                      style={{
                        ...shade(v, max),
                        border: '1px solid #d9d9d9',
                        borderRadius: 6,
                        padding: '10px 8px',
                        cursor: 'pointer',
                        textAlign: 'left',
                      }}
                      data-testid="building-tile"
                    >
                      <div style={{ fontWeight: 600 }}>{b.name}</div>
                      <div style={{ fontSize: 20 }}>{format(v)}</div>
                      <div style={{ fontSize: 12, opacity: 0.8 }}>
                        {t('buildings.householdsShort', { count: b.households })}
                      </div>
                    </button>
                  </Tooltip>
                );
              })}
            </div>
          </section>
        ))}
      </Flex>
      {items.length > 0 && (
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{format(0)}</Typography.Text>
          <div
            style={{
              width: 160,
              height: 10,
              borderRadius: 5,
              background: 'linear-gradient(to right, hsl(140,45%,96%), hsl(140,45%,34%))',
            }}
          />
          <Typography.Text type="secondary">{format(max)}</Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
