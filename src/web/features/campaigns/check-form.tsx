// Checking one building of a governance campaign on a phone: every checklist item passed or not, and
// for each failed item a finding (where, what, photos, deadline). Saved to the phone first (check-queue.ts).

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Flex, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPhotoId } from '../../../shared/photos';
import { buildingLabel } from '../../../shared/places/address-label';
import { addDays, beijingToday } from '../../../shared/time/beijing';
import { errorText } from '../../shared/error-display';
import { newPhoneId } from '../../shared/outbox';
import { useAccount } from '../auth/use-me';
import type { Campaign, GovBuilding } from './campaigns-api';
import { campaignsApi } from './campaigns-api';
import { type CheckDraft, forgetPhoto, keepPhotoOnPhone, type PhotoRef, queueCheck } from './check-queue';
import { PhotoPicker } from './photo-picker';

type DraftFinding = CheckDraft['findings'][number] & { draftId: number };

/** Check one building: tick each item; a failed item needs at least one finding with a deadline. */
export function CheckDrawer({
  campaign,
  building,
  onClose,
  flush,
}: {
  campaign: Campaign;
  building: GovBuilding | null;
  onClose: () => void;
  flush: () => Promise<number>;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={building !== null}
      onClose={onClose}
      placement="bottom"
      size="90%"
      destroyOnHidden
      title={building ? t('campaigns.checkTitle', { building: buildingLabel(building) }) : ''}
      data-testid="check-sheet"
    >
      {building && <CheckForm campaign={campaign} building={building} onDone={onClose} flush={flush} />}
    </Drawer>
  );
}

function CheckForm({
  campaign,
  building,
  onDone,
  flush,
}: {
  campaign: Campaign;
  building: GovBuilding;
  onDone: () => void;
  /** Sends what the phone holds; resolves with how many checks reached the server. */
  flush: () => Promise<number>;
}) {
  const account = useAccount();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [clientId] = useState(newPhoneId);
  const [passed, setPassed] = useState<Record<string, boolean>>({});
  const [findings, setFindings] = useState<DraftFinding[]>([]);
  const [notes, setNotes] = useState('');
  const nextId = useRef(1);
  const entrances = useQuery({
    queryKey: ['campaigns', campaign.id, 'entrances', building.targetId],
    queryFn: () => campaignsApi.entrances(campaign.id, building.targetId),
  });
  // A draft closed without saving leaves no photos behind on the phone.
  const saved = useRef(false);
  const kept = useRef<PhotoRef[]>([]);
  kept.current = findings.flatMap((f) => f.photos);
  useEffect(
    () => () => {
      if (!saved.current) for (const ref of kept.current) if (!isPhotoId(ref)) void forgetPhoto(ref);
    },
    [],
  );
  const save = useMutation({
    // Saving writes to the phone first: it must run offline too (TanStack pauses mutations offline by default).
    networkMode: 'always',
    mutationFn: async () => {
      await queueCheck(account.id, {
        campaignId: campaign.id,
        communityId: campaign.communityId,
        buildingName: buildingLabel(building),
        check: {
          id: clientId,
          targetId: building.targetId,
          results: campaign.checklist.map((c) => ({ key: c.key, passed: passed[c.key] === true })),
          notes: notes.trim() || null,
          findings: findings.map(({ draftId: _, ...f }) => f),
          checkedAt: new Date().toISOString(),
        },
      });
      saved.current = true;
      return flush();
    },
    onSuccess: (sent) => {
      if (sent > 0) message.success(t('campaigns.checkSaved'));
      else message.info(t('campaigns.savedOnPhone'));
      onDone();
    },
  });
  const answered = campaign.checklist.every((c) => passed[c.key] !== undefined);
  const update = (draftId: number, patch: Partial<DraftFinding>) =>
    setFindings((list) => list.map((f) => (f.draftId === draftId ? { ...f, ...patch } : f)));
  const addFinding = (itemKey: string) =>
    setFindings((list) => [
      ...list,
      {
        draftId: nextId.current++,
        itemKey,
        description: '',
        photos: [],
        deadline: addDays(beijingToday(), 7),
      },
    ]);
  return (
    <Flex vertical gap={12}>
      {campaign.checklist.map((item, i) => {
        const mine = findings.filter((f) => f.itemKey === item.key);
        return (
          <Card key={item.key} size="small" data-testid={`check-item-${item.key}`}>
            <Flex vertical gap={8}>
              <Typography.Text strong>
                {i + 1}. {item.text}
              </Typography.Text>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                value={passed[item.key] === undefined ? undefined : passed[item.key] ? 'pass' : 'fail'}
                onChange={(e) => {
                  const ok = e.target.value === 'pass';
                  setPassed((p) => ({ ...p, [item.key]: ok }));
                  if (ok) setFindings((list) => list.filter((f) => f.itemKey !== item.key));
                  else if (mine.length === 0) addFinding(item.key);
                }}
                options={[
                  { value: 'pass', label: t('campaigns.itemPass') },
                  { value: 'fail', label: t('campaigns.itemFail') },
                ]}
              />
              {mine.map((f, n) => (
                <Card
                  key={f.draftId}
                  size="small"
                  type="inner"
                  title={t('campaigns.findingN', { n: n + 1 })}
                  extra={
                    mine.length > 1 && (
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('campaigns.findingRemove')}
                        onClick={() => setFindings((list) => list.filter((x) => x.draftId !== f.draftId))}
                      />
                    )
                  }
                >
                  <Flex vertical gap={8}>
                    <Flex gap={8} wrap>
                      <Select
                        allowClear
                        placeholder={t('campaigns.findingEntrance')}
                        style={{ minWidth: 120 }}
                        value={f.entranceId ?? undefined}
                        onChange={(v) => update(f.draftId, { entranceId: v ?? null })}
                        options={(entrances.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
                      />
                      <InputNumber
                        placeholder={t('campaigns.findingFloor')}
                        min={-5}
                        max={120}
                        style={{ width: 100 }}
                        value={f.floor ?? null}
                        onChange={(v) => update(f.draftId, { floor: v ?? null })}
                      />
                      <Input
                        placeholder={t('campaigns.findingLocation')}
                        maxLength={100}
                        style={{ flex: 1, minWidth: 140 }}
                        value={f.location ?? ''}
                        onChange={(e) => update(f.draftId, { location: e.target.value })}
                      />
                    </Flex>
                    <Input.TextArea
                      placeholder={t('campaigns.findingDescription')}
                      maxLength={300}
                      autoSize={{ minRows: 2 }}
                      value={f.description}
                      onChange={(e) => update(f.draftId, { description: e.target.value })}
                      data-testid="finding-description"
                    />
                    <PhotoPicker
                      communityId={campaign.communityId}
                      value={f.photos}
                      onChange={(photos) => update(f.draftId, { photos })}
                      keep={keepPhotoOnPhone}
                      testId="finding-photo"
                    />
                    <Flex align="center" gap={8}>
                      <Typography.Text>{t('campaigns.findingDeadline')}</Typography.Text>
                      <Input
                        type="date"
                        min={beijingToday()}
                        style={{ width: 170 }}
                        value={f.deadline}
                        onChange={(e) => update(f.draftId, { deadline: e.target.value })}
                        data-testid="finding-deadline"
                      />
                    </Flex>
                  </Flex>
                </Card>
              ))}
              {passed[item.key] === false && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => addFinding(item.key)}>
                  {t('campaigns.findingAdd')}
                </Button>
              )}
            </Flex>
          </Card>
        );
      })}
      <Input.TextArea
        placeholder={t('campaigns.checkNotes')}
        maxLength={500}
        autoSize={{ minRows: 1 }}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      {save.isError && <Alert type="error" showIcon title={errorText(save.error)} />}
      <Button
        type="primary"
        size="large"
        block
        disabled={!answered}
        loading={save.isPending}
        onClick={() => save.mutate()}
        data-testid="save-check"
      >
        {answered ? t('campaigns.checkSave') : t('campaigns.checkAnswerAll')}
      </Button>
    </Flex>
  );
}
