import { Empty, Spin, Tree, type TreeDataNode, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACE_KIND_LABELS } from '../../../shared/places/place-kinds';
import { ErrorAlert } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import type { PlaceSummary } from './places-api';
import { useLazyPlaceTree } from './use-lazy-place-tree';

interface PlaceTreeProps {
  selectedId: number | null;
  /** Places to open so the selection is visible: the selection's ancestors inside the account's area. */
  openPath: number[];
  onSelect: (id: number) => void;
}

/** The area as a tree, loading a place's children when it is opened. */
export function PlaceTree({ selectedId, openPath, onSelect }: PlaceTreeProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const { roots, childrenOf, load } = useLazyPlaceTree();
  const [expanded, setExpanded] = useState<string[]>([]);

  const openKey = openPath.join(',');
  useEffect(() => {
    if (openKey === '') return;
    const ids = openKey.split(',').map(Number);
    void load(ids);
    setExpanded((prev) => [...new Set([...prev, ...ids.map(String)])]);
  }, [openKey, load]);

  if (roots.isPending) return <Spin />;
  if (roots.isError) return <ErrorAlert error={roots.error} onRetry={() => void roots.refetch()} />;
  if (roots.data.length === 0) return <Empty description={t('places.noPlaces')} />;

  const build = (place: PlaceSummary): TreeDataNode => ({
    key: String(place.id),
    title: (
      <span>
        {place.name}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label(PLACE_KIND_LABELS[place.kind])}
        </Typography.Text>
      </span>
    ),
    isLeaf: place.childCount === 0,
    children: childrenOf.get(place.id)?.map(build),
  });

  return (
    <Tree
      blockNode
      showLine
      treeData={roots.data.map(build)}
      selectedKeys={selectedId === null ? [] : [String(selectedId)]}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) onSelect(Number(key));
      }}
      loadData={(node) => load([Number(node.key)])}
      data-testid="place-tree"
    />
  );
}
