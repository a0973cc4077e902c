import { CheckOutlined, EditOutlined, FormOutlined, SwapOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { documentCarriesBirthDate } from '../../../shared/identity';
import { GENDER_LABELS, RELATION_LABELS, RESIDENCE_TYPE_LABELS } from '../../../shared/people/people-enums';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { WAITING_KEY } from '../../shared/use-waiting';
import { useCan } from '../auth/use-me';
import { DeclarationDrawer } from '../declarations/declaration-drawer';
import { StatusCard } from '../declarations/status-card';
import { StartObservationButton } from '../observation/start-observation-button';
import { AgeText } from './age-text';
import { MaskedValue } from './masked-value';
import { MoveHistory } from './move-history';
import { MoveModal } from './move-modal';
import { peopleApi, peopleKeys } from './people-api';
import { ResidentForm } from './resident-form';
import { ResidentTags } from './resident-tags';

/** One resident: everything recorded, where they live, where they lived before. */
export function ResidentDetailPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const can = useCan();
  const id = Number(useParams().residentId);
  const query = useQuery({ queryKey: peopleKeys.resident(id), queryFn: () => peopleApi.resident(id) });
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState(false);
  const [declaring, setDeclaring] = useState(false);

  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { resident, history } = query.data;
  const writable = can('registry.write');
  const confirmable = writable && !resident.verified;
  const declarable = can('declarations.write');
  const dash = '—';

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="start" wrap gap={8}>
          <div>
            <Typography.Text type="secondary">{t('people.detailTitle')}</Typography.Text>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="resident-name">
              {resident.name}{' '}
              {resident.verified ? (
                <Tag color="success">{t('people.verified')}</Tag>
              ) : (
                <Tag>{t('people.unverified')}</Tag>
              )}
            </Typography.Title>
          </div>
          {(writable || declarable) && (
            <Space wrap>
              {declarable && (
                <Button
                  type="primary"
                  icon={<FormOutlined />}
                  onClick={() => setDeclaring(true)}
                  data-testid="declare-resident"
                >
                  {t('declarations.declare')}
                </Button>
              )}
              {confirmable && <VerifyButton residentId={resident.id} version={resident.version} />}
              <StartObservationButton residentId={resident.id} />
              {writable && (
                <>
                  <Button
                    icon={<EditOutlined />}
                    onClick={() => setEditing(true)}
                    data-testid="edit-resident"
                  >
                    {t('common.edit')}
                  </Button>
                  <Button icon={<SwapOutlined />} onClick={() => setMoving(true)} data-testid="move-resident">
                    {t('people.move')}
                  </Button>
                </>
              )}
            </Space>
          )}
          {can('audit.read') && (
            <Link to={`/audit?residentId=${resident.id}`} data-testid="resident-audit-link">
              {t('people.auditTrail')}
            </Link>
          )}
        </Flex>
        <Descriptions
          style={{ marginTop: 16 }}
          size="small"
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'household',
              label: t('people.household'),
              children: (
                <Link to={`/households/${resident.householdId}`} data-testid="resident-household-link">
                  {resident.address ?? `#${resident.householdId}`}
                </Link>
              ),
            },
            { key: 'docType', label: t('people.docType'), children: t(`docTypes.${resident.docType}`) },
            {
              key: 'docNumber',
              label: t('people.docNumber'),
              children: (
                <MaskedValue residentId={resident.id} field="docNumber" masked={resident.docNumberMasked} />
              ),
            },
            {
              key: 'phone',
              label: t('people.phone'),
              children: <MaskedValue residentId={resident.id} field="phone" masked={resident.phoneMasked} />,
            },
            {
              key: 'gender',
              label: t('people.gender'),
              children: resident.gender ? label(GENDER_LABELS[resident.gender]) : dash,
            },
            { key: 'age', label: t('people.age'), children: <AgeText age={resident.age} /> },
            {
              key: 'birthDate',
              label: t('people.birthDate'),
              children:
                resident.birthDate ??
                (documentCarriesBirthDate(resident.docType) ? t('people.birthDateInNumber') : dash),
            },
            {
              key: 'relation',
              label: t('people.relation'),
              children: label(RELATION_LABELS[resident.relationToHead]),
            },
            {
              key: 'residenceType',
              label: t('people.residenceType'),
              children: label(RESIDENCE_TYPE_LABELS[resident.residenceType]),
            },
            {
              key: 'tags',
              label: t('people.tags'),
              children: resident.tags.length > 0 ? <ResidentTags tags={resident.tags} /> : dash,
            },
            { key: 'notes', label: t('people.notes'), children: resident.notes || dash },
            {
              key: 'updatedAt',
              label: t('people.updatedAt'),
              children: formatBeijingDateTime(resident.updatedAt),
            },
          ]}
        />
      </Card>
      {can('declarations.read') && <StatusCard residentId={resident.id} />}
      <MoveHistory history={history} />
      <ResidentForm
        open={editing}
        onClose={() => setEditing(false)}
        // Only read when adding a resident; an edit keeps the resident's own household.
        householdId={resident.householdId ?? 0}
        resident={resident}
      />
      <MoveModal resident={moving ? resident : null} onClose={() => setMoving(false)} />
      <DeclarationDrawer resident={declaring ? resident : null} onClose={() => setDeclaring(false)} />
    </Flex>
  );
}

/** 核实无误: staff confirm someone who registered themselves, after checking them, without editing. */
function VerifyButton({ residentId, version }: { residentId: number; version: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const verify = useMutation({
    mutationFn: () => peopleApi.verify(residentId, version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.residents });
      void queryClient.invalidateQueries({ queryKey: WAITING_KEY });
    },
    onError: notifyError,
  });
  return (
    <Button
      icon={<CheckOutlined />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
      data-testid="verify-resident"
    >
      {t('people.verifyAction')}
    </Button>
  );
}
