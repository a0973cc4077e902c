import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Empty, Flex, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { RESIDENT_TAG_LABELS, RESIDENT_TAGS, type ResidentTag } from '../../../shared/people/people-enums';
import { ErrorAlert } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { peopleApi, peopleKeys, type SearchParams } from './people-api';
import { ResidentsTable } from './residents-table';

const PAGE_SIZE = 20;

function asTag(value: string | null): ResidentTag | undefined {
  return RESIDENT_TAGS.find((tag) => tag === value);
}

/** 查找居民: one box for a name, a phone's last four digits or a whole ID; the URL keeps the search. */
export function SearchPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const tag = asTag(params.get('tag'));
  const unverified = params.get('unverified') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const search: SearchParams = {
    q: q || undefined,
    tag,
    ...(unverified ? { unverified: true } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
  const active = q !== '' || tag !== undefined || unverified;
  const query = useQuery({
    queryKey: peopleKeys.search(search),
    queryFn: () => peopleApi.search(search),
    enabled: active,
    placeholderData: keepPreviousData,
  });

  const go = (next: { q?: string; tag?: ResidentTag | undefined; unverified?: boolean; page?: number }) => {
    const merged = { q, tag, unverified, page: 1, ...next };
    const out = new URLSearchParams();
    if (merged.q) out.set('q', merged.q);
    if (merged.tag) out.set('tag', merged.tag);
    if (merged.unverified) out.set('unverified', '1');
    if (merged.page > 1) out.set('page', String(merged.page));
    setParams(out);
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('search.title')}
      </Typography.Title>
      <Card size="small">
        <Flex gap={8} wrap>
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => go({ q: value.trim() })}
            placeholder={t('search.placeholder')}
            enterButton={t('search.button')}
            allowClear
            size="large"
            style={{ flex: '1 1 320px', maxWidth: 560 }}
            aria-label={t('search.title')}
            data-testid="search-input"
            autoFocus
          />
          <Select<ResidentTag>
            value={tag}
            allowClear
            size="large"
            placeholder={t('search.tagFilter')}
            style={{ minWidth: 180 }}
            options={RESIDENT_TAGS.map((value) => ({ value, label: label(RESIDENT_TAG_LABELS[value]) }))}
            onChange={(value) => go({ tag: value ?? undefined })}
            data-testid="search-tag"
          />
          <Checkbox
            checked={unverified}
            onChange={(e) => go({ unverified: e.target.checked })}
            style={{ alignSelf: 'center' }}
            data-testid="search-unverified"
          >
            {t('search.unverifiedOnly')}
          </Checkbox>
        </Flex>
      </Card>
      {!active ? (
        <Empty description={t('search.hint')} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Card size="small">
          <ResidentsTable
            residents={query.data?.items ?? []}
            loading={query.isFetching}
            showAddress
            emptyText={t('search.noResult')}
            onOpen={(resident) => navigate(`/residents/${resident.id}`)}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: query.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: (next) => go({ page: next }),
            }}
          />
        </Card>
      )}
    </Flex>
  );
}
