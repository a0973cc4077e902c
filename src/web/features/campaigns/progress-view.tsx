import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, InputNumber, Row, Spin, Statistic, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_OUTCOME_LABELS, VISIT_OUTCOMES } from '../../../shared/campaigns';
import { compoundKey, groupByCompound } from '../../../shared/places/compound-groups';
import { formatBeijingTime } from '../../../shared/time/beijing';
import { ALL_COMPOUNDS, CompoundFilter, filterGroups } from '../../shared/compound-filter';
import { ErrorAlert } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { campaignKeys, campaignsApi } from './campaigns-api';
import { PercentBar } from './campaigns-page';

/** Live: asks again every five seconds (one cheap aggregate on the server), no reload needed. */
export function ProgressView({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [minAttempts, setMinAttempts] = useState(3);
  const [compound, setCompound] = useState(ALL_COMPOUNDS);
  const progress = useQuery({
    queryKey: campaignKeys.progress(campaignId, minAttempts),
    queryFn: () => campaignsApi.progress(campaignId, minAttempts),
    refetchInterval: 5_000,
  });
  if (progress.isPending) return <Spin />;
  if (progress.isError) return <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />;
  const p = progress.data;
  const maxHour = Math.max(1, ...p.byHour.map((h) => h.visits));
  const groups = groupByCompound(p.byBuilding);
  const compoundOf = new Map(p.byCompound.map((c) => [compoundKey(c.compoundId), c]));
  return (
    <Flex vertical gap={16} data-testid="campaign-progress">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('campaigns.percentDone')}
              value={p.percent}
              suffix="%"
              data-testid="progress-percent"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('campaigns.doneOf')}
              value={p.done}
              suffix={`/ ${p.total}`}
              data-testid="progress-done"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={label(VISIT_OUTCOME_LABELS.nobody_home)} value={p.byOutcome.nobody_home ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Flex vertical>
              <Typography.Text type="secondary">
                {t('campaigns.neverReachedBefore')}
                <InputNumber
                  size="small"
                  min={1}
                  max={20}
                  value={minAttempts}
                  onChange={(v) => v && setMinAttempts(v)}
                  style={{ width: 56, margin: '0 4px' }}
                />
                {t('campaigns.neverReachedAfter')}
              </Typography.Text>
              <Typography.Text style={{ fontSize: 24 }}>{p.neverReached}</Typography.Text>
            </Flex>
          </Card>
        </Col>
      </Row>
      <Flex gap={8} wrap>
        {VISIT_OUTCOMES.map((o) => (
          <Typography.Text key={o} data-testid={`count-${o}`}>
            {label(VISIT_OUTCOME_LABELS[o])}：{p.byOutcome[o] ?? 0}
          </Typography.Text>
        ))}
        <Typography.Text>
          {t('campaigns.notVisited')}：{p.byOutcome.not_visited ?? 0}
        </Typography.Text>
      </Flex>
      <Card
        size="small"
        title={t('campaigns.byBuilding')}
        extra={<CompoundFilter groups={groups} value={compound} onChange={setCompound} />}
      >
        <Flex vertical gap={12}>
          {filterGroups(groups, compound).map((group) => {
            const sum = compoundOf.get(group.key);
            return (
              <section key={group.key} data-testid="progress-compound">
                {groups.length > 1 && (
                  <Flex gap={8} align="center" style={{ marginBottom: 6 }}>
                    <Typography.Text strong style={{ minWidth: 96 }}>
                      {group.compoundName ?? t('compounds.none')}
                    </Typography.Text>
                    {sum && (
                      <>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {sum.done}/{sum.total}
                        </Typography.Text>
                        <div style={{ flex: 1, maxWidth: 240 }}>
                          <PercentBar percent={sum.percent} />
                        </div>
                      </>
                    )}
                  </Flex>
                )}
                <div
                  style={{
                    display: 'grid',
                    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
                    gap: 8,
                  }}
                >
                  {group.items.map((b) => (
                    <div
                      key={b.buildingId}
                      style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}
                    >
                      <Typography.Text strong>{b.name}</Typography.Text>
                      <div style={{ fontSize: 12 }}>
                        {b.done}/{b.total}
                        {b.nobodyHome > 0 && ` · ${label(VISIT_OUTCOME_LABELS.nobody_home)} ${b.nobodyHome}`}
                      </div>
                      <PercentBar percent={b.percent} />
                    </div>
                  ))}
                </div>
              </section>
            );
          })}
        </Flex>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('campaigns.byPerson')}>
            <Table
              size="small"
              rowKey={(r) => String(r.accountId)}
              pagination={false}
              dataSource={p.byPerson}
              columns={[
                {
                  title: t('campaigns.person'),
                  dataIndex: 'name',
                  render: (name: string | null, r) =>
                    name ? (
                      <span>
                        {name}
                        {p.behind.some((b) => b.accountId === r.accountId) && (
                          <Typography.Text type="danger"> · {t('campaigns.behind')}</Typography.Text>
                        )}
                      </span>
                    ) : (
                      <Typography.Text type="secondary">{t('campaigns.unassigned')}</Typography.Text>
                    ),
                },
                { title: t('campaigns.team'), dataIndex: 'team' },
                { title: t('campaigns.doneOf'), render: (_, r) => `${r.done}/${r.total}` },
                { title: '%', dataIndex: 'percent', render: (v: number) => <PercentBar percent={v} /> },
              ]}
            />
            {p.byTeam.length > 1 && (
              <Flex vertical gap={4} style={{ marginTop: 8 }}>
                {p.byTeam.map((team) => (
                  <Flex key={team.team} gap={8} align="center">
                    <span style={{ width: 80 }}>{team.team || t('campaigns.noTeam')}</span>
                    <div style={{ flex: 1 }}>
                      <PercentBar percent={team.percent} />
                    </div>
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('campaigns.byHour')}>
            {p.byHour.length === 0 && (
              <Typography.Text type="secondary">{t('campaigns.noVisitsYet')}</Typography.Text>
            )}
            {p.byHour.map((h) => (
              <Flex key={h.hour} gap={8} align="center" style={{ marginBottom: 4 }}>
                <span style={{ width: 110, fontSize: 12 }}>{h.hour.replace('T', ' ')}</span>
                <Tooltip title={t('campaigns.hourTip', { visits: h.visits, done: h.done })}>
                  <div style={{ flex: 1, background: '#f5f5f5', borderRadius: 3 }}>
                    <div
                      style={{
                        width: `${(h.visits / maxHour) * 100}%`,
                        background: '#52c41a',
                        height: 14,
                        borderRadius: 3,
                      }}
                    />
                  </div>
                </Tooltip>
                <span style={{ width: 32, textAlign: 'right' }}>{h.visits}</span>
              </Flex>
            ))}
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('campaigns.liveHint', { time: formatBeijingTime(p.updatedAt, { seconds: true }) })}
      </Typography.Text>
    </Flex>
  );
}
