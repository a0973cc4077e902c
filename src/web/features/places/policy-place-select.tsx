import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACE_KIND_LABELS } from '../../../shared/places/place-kinds';
import { useLabel } from '../../shared/i18n';
import { placeKeys, placesApi } from './places-api';

interface PolicyPlaceSelectProps {
  value?: number | undefined;
  onChange?: (placeId: number) => void;
  testId?: string;
  style?: CSSProperties;
}

/**
 * Picks the place rules or risk areas are set for: the officer's own place or one under it (a
 * sub-district, a community), indented as in the tree; the search matches names.
 */
export function PolicyPlaceSelect({ value, onChange, testId, style }: PolicyPlaceSelectProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const places = useQuery({ queryKey: placeKeys.policy, queryFn: placesApi.policy, staleTime: 60_000 });
  const top = places.data?.[0]?.depth ?? 0;
  return (
    <Select<number, { value: number; label: string; indent: number }>
      value={value}
      onChange={onChange}
      loading={places.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('policyPlace.placeholder')}
      popupMatchSelectWidth={false}
      style={{ minWidth: 220, ...style }}
      options={(places.data ?? []).map((p) => ({
        value: p.id,
        label: `${p.name}（${label(PLACE_KIND_LABELS[p.kind])}）`,
        indent: p.depth - top,
      }))}
      optionRender={(option) => (
        <span style={{ paddingInlineStart: (option.data.indent ?? 0) * 16 }}>{option.data.label}</span>
      )}
      data-testid={testId}
    />
  );
}
