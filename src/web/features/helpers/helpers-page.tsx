// 志愿者与关怀 (/helpers): building coverage, helpers, care people and tasks, hours — one community at a time.
import { Flex, Select, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount } from '../auth/use-me';
import { useCommunities } from '../imports/use-communities';
import { CarePanel } from './care-panel';
import { CoveragePanel } from './coverage-matrix';
import { HelpersList } from './helpers-list';
import { HoursPanel } from './hours-panel';

export function HelpersPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const communities = useCommunities(account);
  const [picked, setPicked] = useState<number | undefined>();
  const communityId = picked ?? communities.data?.[0]?.id;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('helpers.title')}
        </Typography.Title>
        {(communities.data?.length ?? 0) > 1 && (
          <Select
            style={{ minWidth: 200 }}
            value={communityId}
            onChange={setPicked}
            options={communities.data?.map((c) => ({ value: c.id, label: c.name }))}
          />
        )}
      </Flex>
      {communityId === undefined ? (
        <Spin />
      ) : (
        <Tabs
          items={[
            {
              key: 'coverage',
              label: t('helpers.tabCoverage'),
              children: <CoveragePanel communityId={communityId} />,
            },
            {
              key: 'helpers',
              label: t('helpers.tabHelpers'),
              children: <HelpersList communityId={communityId} />,
            },
            { key: 'care', label: t('helpers.tabCare'), children: <CarePanel communityId={communityId} /> },
            {
              key: 'hours',
              label: t('helpers.tabHours'),
              children: <HoursPanel communityId={communityId} />,
            },
          ]}
        />
      )}
    </Flex>
  );
}
