import { useQuery } from '@tanstack/react-query';
import { Form, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { HOUSEHOLD_CONTAINERS, PLACE_KIND_LABELS } from '../../../shared/places/place-kinds';
import { useLabel } from '../../shared/i18n';
import { type PlaceSummary, placeKeys, placesApi } from '../places/places-api';
import { useLazyPlaceTree } from '../places/use-lazy-place-tree';

interface TreeOption {
  value: number;
  key: number;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
  children?: TreeOption[];
}

interface HouseholdPickerProps {
  placeId: number | null;
  householdId: number | null;
  excludeHouseholdId: number;
  onPlace: (placeId: number | null) => void;
  onHousehold: (householdId: number | null) => void;
}

/** Where to move someone: a building / entrance / bungalow area from the tree, then one of its households. */
export function HouseholdPicker({
  placeId,
  householdId,
  excludeHouseholdId,
  onPlace,
  onHousehold,
}: HouseholdPickerProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const { roots, childrenOf, load } = useLazyPlaceTree();
  const households = useQuery({
    queryKey: placeKeys.households(placeId ?? 0, 1, 200),
    queryFn: () => placesApi.households(placeId ?? 0, 1, 200),
    enabled: placeId !== null,
  });

  const build = (place: PlaceSummary): TreeOption => ({
    value: place.id,
    key: place.id,
    title: `${place.name}（${label(PLACE_KIND_LABELS[place.kind])}）`,
    isLeaf: place.childCount === 0,
    selectable: HOUSEHOLD_CONTAINERS.includes(place.kind),
    children: childrenOf.get(place.id)?.map(build),
  });

  return (
    <>
      <Form.Item label={t('people.movePlace')} htmlFor="move-place" required>
        <TreeSelect<number>
          id="move-place"
          value={placeId ?? undefined}
          treeData={(roots.data ?? []).map(build)}
          loadData={(node) => load([Number(node.value)])}
          treeExpandAction="click"
          placeholder={t('people.moveChoosePlace')}
          loading={roots.isPending}
          onChange={(value) => {
            onPlace(value ?? null);
            onHousehold(null);
          }}
          style={{ width: '100%' }}
          data-testid="move-place"
        />
      </Form.Item>
      <Form.Item label={t('people.moveHousehold')} htmlFor="move-household" required>
        <Select<number>
          id="move-household"
          value={householdId ?? undefined}
          disabled={placeId === null}
          loading={households.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('people.moveHouseholdPlaceholder')}
          options={(households.data?.items ?? [])
            .filter((h) => h.id !== excludeHouseholdId)
            .map((h) => ({ value: h.id, label: h.headName ? `${h.label}（${h.headName}）` : h.label }))}
          onChange={(value) => onHousehold(value ?? null)}
          data-testid="move-household"
        />
      </Form.Item>
    </>
  );
}
