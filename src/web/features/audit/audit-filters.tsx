import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskName } from '../../../shared/access/mask-name';
import { PLACE_KIND_LABELS } from '../../../shared/places/place-kinds';
import { useLabel } from '../../shared/i18n';
import { accountKeys, accountsApi } from '../accounts/accounts-api';
import { peopleApi, peopleKeys } from '../people/people-api';
import type { PlaceSummary } from '../places/places-api';
import { useLazyPlaceTree } from '../places/use-lazy-place-tree';

interface FilterProps {
  value: number | undefined;
  onChange: (id: number | undefined) => void;
}

/** A person by name (shown masked, as in the log) and door; the search is the registry's own. */
export function PersonFilter({ value, onChange }: FilterProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: peopleKeys.search({ q, page: 1, pageSize: 10 }),
    queryFn: () => peopleApi.search({ q, page: 1, pageSize: 10 }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
  // A person chosen elsewhere (a link from her page) is named once, for the box.
  const chosen = useQuery({
    queryKey: peopleKeys.resident(value ?? 0),
    queryFn: () => peopleApi.resident(value ?? 0),
    enabled: value !== undefined && !found.data?.items.some((r) => r.id === value),
  });
  const option = (r: { id: number; name: string; address: string | null }) => ({
    value: r.id,
    label: `${maskName(r.name)}${r.address ? `（${r.address}）` : ''}`,
  });
  const options = (found.data?.items ?? []).map(option);
  if (chosen.data && !options.some((o) => o.value === value)) options.unshift(option(chosen.data.resident));
  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('audit.person')}
      style={{ minWidth: 220 }}
      value={value}
      options={options}
      loading={found.isFetching}
      notFoundContent={q ? t('audit.noPerson') : t('audit.typeName')}
      onChange={(id) => onChange(id ?? undefined)}
      aria-label={t('audit.person')}
      data-testid="audit-person"
    />
  );
}

/** A place of the account's area: a community's whole log, or a compound's or building's doors. */
export function PlaceFilter({ value, onChange }: FilterProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const { roots, childrenOf, load } = useLazyPlaceTree();
  const node = (place: PlaceSummary): object => {
    const children = childrenOf.get(place.id);
    return {
      value: place.id,
      title: `${place.name}（${label(PLACE_KIND_LABELS[place.kind])}）`,
      isLeaf: place.childCount === 0,
      ...(children ? { children: children.map(node) } : {}),
    };
  };
  return (
    <TreeSelect<number>
      allowClear
      placeholder={t('audit.place')}
      style={{ minWidth: 220 }}
      popupMatchSelectWidth={false}
      value={value}
      treeData={(roots.data ?? []).map(node)}
      loadData={async (n) => {
        if (typeof n.value === 'number') await load([n.value]);
      }}
      onChange={(id) => onChange(id ?? undefined)}
      aria-label={t('audit.place')}
      data-testid="audit-place"
    />
  );
}

/** An account of the area, by name or sign-in name. */
export function AccountFilter({ value, onChange }: FilterProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const filters = { q: q.trim() || undefined, page: 1, pageSize: 20 };
  const found = useQuery({
    queryKey: accountKeys.list(filters),
    queryFn: () => accountsApi.list(filters),
    placeholderData: keepPreviousData,
  });
  const options = (found.data?.items ?? []).map((a) => ({
    value: a.id,
    label: `${a.displayName}（${a.username}）`,
  }));
  if (value !== undefined && !options.some((o) => o.value === value))
    options.unshift({ value, label: t('audit.accountNumber', { id: value }) });
  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('audit.account')}
      style={{ minWidth: 180 }}
      value={value}
      options={options}
      loading={found.isFetching}
      onChange={(id) => onChange(id ?? undefined)}
      aria-label={t('audit.account')}
      data-testid="audit-account"
    />
  );
}
