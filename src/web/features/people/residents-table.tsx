import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Button, Space, Table, type TableProps, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GENDER_LABELS, RELATION_LABELS, RESIDENCE_TYPE_LABELS } from '../../../shared/people/people-enums';
import { useLabel } from '../../shared/i18n';
import { AgeText } from './age-text';
import { MaskedValue } from './masked-value';
import type { Resident } from './people-api';
import { ResidentTags } from './resident-tags';

interface ResidentsTableProps {
  residents: Resident[];
  loading?: boolean;
  /** Search results show where each person lives; a household's own table does not need to. */
  showAddress?: boolean;
  onEdit?: (resident: Resident) => void;
  onMove?: (resident: Resident) => void;
  onOpen?: (resident: Resident) => void;
  /** More row buttons from other features (e.g. 登记 from declarations), shown after 编辑 / 迁移. */
  extraActions?: (resident: Resident) => ReactNode;
  pagination?: TableProps<Resident>['pagination'];
  emptyText?: string;
}

export function ResidentsTable(props: ResidentsTableProps) {
  const { residents, loading, showAddress, onEdit, onMove, onOpen, extraActions, pagination, emptyText } =
    props;
  const { t } = useTranslation();
  const label = useLabel();

  const columns: TableProps<Resident>['columns'] = [
    {
      title: t('people.name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, row) => <Link to={`/residents/${row.id}`}>{name}</Link>,
    },
    {
      title: t('people.gender'),
      dataIndex: 'gender',
      render: (_, row) => (row.gender ? label(GENDER_LABELS[row.gender]) : '—'),
    },
    {
      title: t('people.age'),
      dataIndex: 'age',
      render: (age: number | null) => <AgeText age={age} />,
    },
    {
      title: t('people.docNumber'),
      dataIndex: 'docNumberMasked',
      render: (masked: string, row) => <MaskedValue residentId={row.id} field="docNumber" masked={masked} />,
    },
    {
      title: t('people.phone'),
      dataIndex: 'phoneMasked',
      render: (masked: string | null, row) => (
        <MaskedValue residentId={row.id} field="phone" masked={masked} />
      ),
    },
    {
      title: t('people.relation'),
      dataIndex: 'relationToHead',
      render: (_, row) => label(RELATION_LABELS[row.relationToHead]),
    },
    {
      title: t('people.residenceType'),
      dataIndex: 'residenceType',
      render: (_, row) => label(RESIDENCE_TYPE_LABELS[row.residenceType]),
    },
    { title: t('people.tags'), dataIndex: 'tags', render: (_, row) => <ResidentTags tags={row.tags} /> },
    {
      title: t('people.verifiedState'),
      dataIndex: 'verified',
      render: (verified: boolean) =>
        verified ? (
          <Tag icon={<CheckCircleFilled />} color="success">
            {t('people.verified')}
          </Tag>
        ) : (
          <Tag icon={<ClockCircleOutlined />}>{t('people.unverified')}</Tag>
        ),
    },
  ];
  if (showAddress) {
    columns.push({
      title: t('people.address'),
      dataIndex: 'address',
      render: (address: string | null) => address ?? '—',
    });
  }
  if (onEdit || onMove || extraActions) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) => (
        <Space size={0}>
          {onEdit && (
            <Button
              type="link"
              size="small"
              onClick={() => onEdit(row)}
              data-testid={`edit-resident-${row.id}`}
            >
              {t('common.edit')}
            </Button>
          )}
          {onMove && (
            <Button
              type="link"
              size="small"
              onClick={() => onMove(row)}
              data-testid={`move-resident-${row.id}`}
            >
              {t('people.move')}
            </Button>
          )}
          {extraActions?.(row)}
        </Space>
      ),
    });
  }

  return (
    <Table<Resident>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={residents}
      columns={columns}
      pagination={pagination ?? false}
      scroll={{ x: 'max-content' }}
      locale={emptyText ? { emptyText } : undefined}
      onRow={onOpen ? (row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } }) : undefined}
      data-testid="residents-table"
    />
  );
}
