import { PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Flex, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHILD_KINDS, HOUSEHOLD_CONTAINERS, PLACE_KIND_LABELS } from '../../../shared/places/place-kinds';
import { ErrorAlert } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { useCan } from '../auth/use-me';
import { CommunityUnits } from './community-units';
import { GateList } from './gate-list';
import { HouseholdList } from './household-list';
import { NewPlaceModal } from './new-place-modal';
import { PlaceChildren } from './place-children';
import { usePlace } from './places-api';

/** One place: where it is, its counts, what is inside it, and its households when it holds any. */
export function PlacePanel({ placeId }: { placeId: number }) {
  const { t } = useTranslation();
  const label = useLabel();
  const can = useCan();
  const query = usePlace(placeId);
  const [adding, setAdding] = useState(false);

  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { place, ancestors, children, gates } = query.data;
  const childKinds = CHILD_KINDS[place.kind];
  const holdsHouseholds = HOUSEHOLD_CONTAINERS.includes(place.kind);

  return (
    <Flex vertical gap={16} data-testid="place-panel">
      <Breadcrumb
        items={[
          ...ancestors.map((a) => ({
            key: a.id,
            title: a.inScope ? <Link to={`/places/${a.id}`}>{a.name}</Link> : a.name,
          })),
          { key: place.id, title: place.name },
        ]}
      />
      <Card>
        <Flex justify="space-between" align="start" wrap gap={8}>
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="place-name">
              {place.name}
            </Typography.Title>
            <Tag color="blue">{label(PLACE_KIND_LABELS[place.kind])}</Tag>
          </Space>
          {can('places.write') && childKinds.length > 0 && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-child-place">
              {t('places.addChild')}
            </Button>
          )}
        </Flex>
        {place.notes && <Typography.Paragraph type="secondary">{place.notes}</Typography.Paragraph>}
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col span={8}>
            <Statistic
              title={t('places.households')}
              value={place.households}
              data-testid="place-households"
            />
          </Col>
          <Col span={8}>
            <Statistic title={t('places.residents')} value={place.residents} data-testid="place-residents" />
          </Col>
          {childKinds.length > 0 && (
            <Col span={8}>
              <Statistic title={t('places.children')} value={children.length} />
            </Col>
          )}
        </Row>
      </Card>
      {gates.length > 0 && <GateList gates={gates} />}
      {(childKinds.length > 0 || children.length > 0) && <PlaceChildren items={children} />}
      {holdsHouseholds && <HouseholdList placeId={place.id} />}
      {place.kind === 'community' && <CommunityUnits communityId={place.id} />}
      <NewPlaceModal parent={place} open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}
