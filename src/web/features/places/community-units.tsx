import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Static } from 'typebox';
import type {
  Organisation,
  Organisations,
  PartyBranch,
  PartyBranches,
} from '../../../shared/people/people-responses';
import { api } from '../../shared/api-client';
import { ErrorAlert } from '../../shared/error-display';

/** 辖区单位 and 党支部 of a community (R6): the people who help, next to the buildings they help in. */
export function CommunityUnits({ communityId }: { communityId: number }) {
  const { t } = useTranslation();
  const organisations = useQuery({
    queryKey: ['communities', communityId, 'organisations'],
    queryFn: () => api.get<Static<typeof Organisations>>(`/communities/${communityId}/organisations`),
  });
  const branches = useQuery({
    queryKey: ['communities', communityId, 'party-branches'],
    queryFn: () => api.get<Static<typeof PartyBranches>>(`/communities/${communityId}/party-branches`),
  });
  const failed = organisations.error ?? branches.error;
  return (
    <Card size="small" data-testid="community-units">
      {failed ? (
        <ErrorAlert error={failed} />
      ) : (
        <Tabs
          items={[
            {
              key: 'organisations',
              label: `${t('places.organisations')} (${organisations.data?.items.length ?? 0})`,
              children: (
                <Table<Organisation>
                  rowKey="id"
                  size="small"
                  loading={organisations.isPending}
                  dataSource={organisations.data?.items ?? []}
                  pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                  scroll={{ x: true }}
                  columns={[
                    { title: t('places.name'), dataIndex: 'name' },
                    { title: t('places.address'), dataIndex: 'address' },
                    { title: t('places.contact'), dataIndex: 'contactName' },
                    { title: t('places.contactPhone'), dataIndex: 'contactPhoneMasked' },
                    { title: t('places.staffCount'), dataIndex: 'staffCount', align: 'right' },
                  ]}
                />
              ),
            },
            {
              key: 'branches',
              label: `${t('places.partyBranches')} (${branches.data?.items.length ?? 0})`,
              children: (
                <Table<PartyBranch>
                  rowKey="id"
                  size="small"
                  loading={branches.isPending}
                  dataSource={branches.data?.items ?? []}
                  pagination={false}
                  columns={[
                    { title: t('places.name'), dataIndex: 'name' },
                    { title: t('places.branchSecretary'), dataIndex: 'secretaryName' },
                    { title: t('places.memberCount'), dataIndex: 'memberCount', align: 'right' },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
