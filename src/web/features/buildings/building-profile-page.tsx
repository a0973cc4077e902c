import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Image,
  List,
  Row,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  CAMPAIGN_KIND_LABELS,
  CHECKED_OUTCOME,
  VISIT_OUTCOME_LABELS,
  type VisitOutcome,
} from '../../../shared/campaigns';
import { PERSON_STATUS_LABELS, type PersonStatus } from '../../../shared/declarations';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { buildingKeys, buildingsApi } from './buildings-api';

/** 动态楼宇画像: who lives in one building, who is responsible for it, and how the last sweeps went. */
export function BuildingProfilePage() {
  const { t } = useTranslation();
  const label = useLabel();
  const id = Number(useParams().buildingId);
  const profile = useQuery({ queryKey: buildingKeys.profile(id), queryFn: () => buildingsApi.profile(id) });
  if (profile.isPending) return <Spin />;
  if (profile.isError) return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  const { building: b, entrances, volunteers, statuses, campaigns, openFindings } = profile.data;
  const outcomeText = (key: string) =>
    key === 'not_visited'
      ? t('campaigns.notVisited')
      : key === CHECKED_OUTCOME
        ? t('campaigns.checked')
        : label(VISIT_OUTCOME_LABELS[key as VisitOutcome]);
  return (
    <Flex vertical gap={12} data-testid="building-profile">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {b.compoundName ? `${b.compoundName} ` : ''}
        {b.name}
      </Typography.Title>
      <Link to="/buildings">{t('buildings.back')}</Link>
      <Row gutter={[12, 12]}>
        {(
          [
            ['households', b.households],
            ['vacant', b.vacant],
            ['residents', b.residents],
            ['renters', b.renters],
            ['vulnerable', b.vulnerable],
            ['partyMembers', b.partyMembers],
            ['attention', b.attention],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} xs={12} sm={8} md={6} lg={3}>
            <Card size="small">
              <Statistic title={t(`buildings.figure.${key}`)} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('buildings.responsible')}>
            {volunteers.length === 0 ? (
              <Typography.Text type="warning">{t('buildings.noVolunteer')}</Typography.Text>
            ) : (
              <Flex gap={8} wrap>
                {volunteers.map((v) => (
                  <Tag key={v.id} color="green">
                    {v.displayName}
                  </Tag>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('buildings.statuses')}>
            {Object.keys(statuses).length === 0 ? (
              <Typography.Text type="secondary">{t('buildings.noDeclarations')}</Typography.Text>
            ) : (
              <Descriptions size="small" column={2}>
                {Object.entries(statuses).map(([status, n]) => (
                  <Descriptions.Item key={status} label={label(PERSON_STATUS_LABELS[status as PersonStatus])}>
                    {n}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('buildings.entrances')}>
        <Table
          size="small"
          pagination={false}
          rowKey={(e) => String(e.id)}
          dataSource={entrances}
          columns={[
            { title: t('buildings.entrance'), dataIndex: 'name', render: (n: string | null) => n ?? '—' },
            { title: t('buildings.figure.households'), dataIndex: 'households' },
            { title: t('buildings.figure.vacant'), dataIndex: 'vacant' },
          ]}
        />
      </Card>
      <Card
        size="small"
        data-testid="building-findings"
        title={
          <Flex gap={8} align="center" wrap>
            {t('buildings.openFindings')}
            <Tag color={openFindings.total ? 'orange' : 'green'}>{openFindings.total}</Tag>
            {openFindings.overdue > 0 && (
              <Tag color="red">{t('campaigns.overdueFindingsN', { n: openFindings.overdue })}</Tag>
            )}
          </Flex>
        }
      >
        {openFindings.items.length === 0 ? (
          <Empty description={t('buildings.noOpenFindings')} />
        ) : (
          <List
            dataSource={openFindings.items}
            renderItem={(f) => (
              <List.Item>
                <Flex vertical gap={4}>
                  <Flex gap={8} wrap align="center">
                    {f.overdue ? (
                      <Tag color="red">{t('campaigns.findingOverdue')}</Tag>
                    ) : (
                      <Tag color="orange">{t('campaigns.findingOpen')}</Tag>
                    )}
                    <Typography.Text strong>{f.itemText}</Typography.Text>
                    <Typography.Text type="secondary">
                      {[
                        f.entranceName,
                        f.floor != null ? t('campaigns.floorN', { n: f.floor }) : null,
                        f.location,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text>{f.description}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('campaigns.findingDeadline')} {f.deadline} ·{' '}
                    <Link to={`/campaigns/${f.campaignId}`}>
                      {label(CAMPAIGN_KIND_LABELS[f.campaignKind])} · {f.campaignName}
                    </Link>
                  </Typography.Text>
                  {f.photoIds.length > 0 && (
                    <Flex gap={6} wrap>
                      {f.photoIds.map((id) => (
                        <Image
                          key={id}
                          src={`/api/photos/${id}`}
                          width={56}
                          height={56}
                          style={{ objectFit: 'cover' }}
                        />
                      ))}
                    </Flex>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('buildings.campaigns')}>
        {campaigns.length === 0 ? (
          <Empty description={t('buildings.noCampaigns')} />
        ) : (
          <List
            dataSource={campaigns}
            renderItem={(c) => (
              <List.Item>
                <Flex vertical gap={4}>
                  <Link to={`/campaigns/${c.id}`}>{c.name}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatBeijingDateTime(c.createdAt)} ·{' '}
                    {c.assignees.join('、') || t('campaigns.unassigned')}
                  </Typography.Text>
                  <Flex gap={8} wrap>
                    {Object.entries(c.outcomes).map(([o, n]) => (
                      <Tag key={o}>
                        {outcomeText(o)} {n}
                      </Tag>
                    ))}
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
