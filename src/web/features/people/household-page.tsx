import { EnvironmentOutlined, FormOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { addressLabel } from '../../../shared/places/address-label';
import { ErrorAlert } from '../../shared/error-display';
import { useCan } from '../auth/use-me';
import { DeclarationDrawer } from '../declarations/declaration-drawer';
import { MoveModal } from './move-modal';
import { peopleApi, peopleKeys, type Resident } from './people-api';
import { ResidentForm } from './resident-form';
import { ResidentsTable } from './residents-table';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; resident: Resident };

/** One household (a door): its address and the people living there. */
export function HouseholdPage() {
  const { t } = useTranslation();
  const can = useCan();
  const id = Number(useParams().householdId);
  const query = useQuery({ queryKey: peopleKeys.household(id), queryFn: () => peopleApi.household(id) });
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [moving, setMoving] = useState<Resident | null>(null);
  const [declaring, setDeclaring] = useState<Resident | null>(null);

  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { household, residents } = query.data;
  const placeId = household.entranceId ?? household.buildingId;
  const placeName = addressLabel({ ...household, room: null });
  const writable = can('registry.write');
  const declarable = can('declarations.write');

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="start" wrap gap={8}>
          <div>
            <Typography.Text type="secondary">{t('household.title')}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="household-label">
              {household.label}
            </Typography.Title>
          </div>
          {writable && (
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              onClick={() => setEditing({ mode: 'new' })}
              data-testid="add-resident"
            >
              {t('people.addResident')}
            </Button>
          )}
        </Flex>
        <Descriptions
          size="small"
          style={{ marginTop: 12 }}
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            {
              key: 'place',
              label: t('household.place'),
              children: placeId ? (
                <Link to={`/places/${placeId}`}>
                  <EnvironmentOutlined /> {placeName}
                </Link>
              ) : (
                placeName || '—'
              ),
            },
            { key: 'floor', label: t('places.floor'), children: household.floor ?? '—' },
            { key: 'people', label: t('places.people'), children: residents.length },
            ...(household.vacant
              ? [{ key: 'vacant', label: t('places.vacant'), children: <Tag>{t('household.vacant')}</Tag> }]
              : []),
            ...(household.notes
              ? [{ key: 'notes', label: t('places.notes'), children: household.notes }]
              : []),
          ]}
        />
      </Card>
      <Card title={t('people.residents')} size="small">
        <ResidentsTable
          residents={residents}
          emptyText={t('people.noResidents')}
          onEdit={writable ? (resident) => setEditing({ mode: 'edit', resident }) : undefined}
          onMove={writable ? setMoving : undefined}
          extraActions={
            declarable
              ? (resident) => (
                  <Button
                    type="link"
                    size="small"
                    icon={<FormOutlined />}
                    onClick={() => setDeclaring(resident)}
                    data-testid={`declare-${resident.id}`}
                  >
                    {t('declarations.declare')}
                  </Button>
                )
              : undefined
          }
        />
      </Card>
      <ResidentForm
        open={editing.mode !== 'closed'}
        onClose={() => setEditing({ mode: 'closed' })}
        householdId={household.id}
        resident={editing.mode === 'edit' ? editing.resident : undefined}
        firstInHousehold={residents.length === 0}
      />
      <MoveModal resident={moving} onClose={() => setMoving(null)} />
      <DeclarationDrawer resident={declaring} onClose={() => setDeclaring(null)} />
    </Flex>
  );
}
