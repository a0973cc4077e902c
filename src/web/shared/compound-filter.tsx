import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompoundGroup } from '../../shared/places/compound-groups';

export const ALL_COMPOUNDS = 'all';

/** 按小区筛选: "all compounds" or one of them, each with its number of buildings. */
export function CompoundFilter({
  groups,
  value,
  onChange,
}: {
  groups: ReadonlyArray<CompoundGroup<unknown>>;
  value: string;
  onChange: (key: string) => void;
}) {
  const { t } = useTranslation();
  if (groups.length < 2) return null;
  return (
    <Select
      style={{ minWidth: 180 }}
      value={groups.some((g) => g.key === value) ? value : ALL_COMPOUNDS}
      onChange={onChange}
      data-testid="compound-filter"
      options={[
        { value: ALL_COMPOUNDS, label: t('compounds.all') },
        ...groups.map((g) => ({
          value: g.key,
          label: `${g.compoundName ?? t('compounds.none')}（${t('compounds.buildings', { count: g.items.length })}）`,
        })),
      ]}
    />
  );
}

/** The groups a filter value leaves on the page. */
export const filterGroups = <T,>(groups: CompoundGroup<T>[], value: string) =>
  value === ALL_COMPOUNDS || !groups.some((g) => g.key === value)
    ? groups
    : groups.filter((g) => g.key === value);
