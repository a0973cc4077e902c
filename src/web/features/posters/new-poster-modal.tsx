import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Modal, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACE_KIND_LABELS } from '../../../shared/places/place-kinds';
import { errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import type { PlaceSummary } from '../places/places-api';
import { useLazyPlaceTree } from '../places/use-lazy-place-tree';
import { POSTER_PLACE_KINDS, posterKeys, postersApi } from './posters-api';

interface TreeOption {
  value: number;
  key: number;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
  children?: TreeOption[];
}

/** 新建二维码: pick a community, compound, building or bungalow area from the lazily loaded tree. */
export function NewPosterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('posters.addTitle')}
      footer={null}
      destroyOnHidden
      data-testid="poster-modal"
    >
      {open && <NewPosterForm onDone={onClose} />}
    </Modal>
  );
}

function NewPosterForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { roots, childrenOf, load } = useLazyPlaceTree();
  const [placeId, setPlaceId] = useState<number | null>(null);

  const create = useMutation({
    mutationFn: (id: number) => postersApi.create(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: posterKeys.all });
      void message.success(t('posters.created'));
      onDone();
    },
  });

  const build = (place: PlaceSummary): TreeOption => {
    // A building's children are entrances, which get no poster of their own.
    const children = childrenOf.get(place.id)?.filter((child) => child.kind !== 'entrance');
    return {
      value: place.id,
      key: place.id,
      title: `${place.name}（${label(PLACE_KIND_LABELS[place.kind])}）`,
      isLeaf: place.childCount === 0 || place.kind === 'building' || place.kind === 'bungalow_area',
      selectable: POSTER_PLACE_KINDS.includes(place.kind),
      children: children?.map(build),
    };
  };

  return (
    <Form layout="vertical" disabled={create.isPending}>
      <Form.Item label={t('posters.place')} htmlFor="poster-place" required extra={t('posters.placeHint')}>
        <TreeSelect<number>
          id="poster-place"
          value={placeId ?? undefined}
          treeData={(roots.data ?? []).map(build)}
          loadData={(node) => load([Number(node.value)])}
          treeExpandAction="click"
          placeholder={t('posters.placePlaceholder')}
          loading={roots.isPending}
          onChange={(value) => setPlaceId(value ?? null)}
          style={{ width: '100%' }}
          data-testid="poster-place"
        />
      </Form.Item>
      {create.isError && (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item style={{ marginBottom: 0 }}>
        <Flex gap={8} justify="end">
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={placeId === null}
            loading={create.isPending}
            onClick={() => placeId !== null && create.mutate(placeId)}
            data-testid="poster-save"
          >
            {t('posters.create')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}
