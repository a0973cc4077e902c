import {
  Alert,
  Button,
  Cascader,
  Checkbox,
  Drawer,
  Flex,
  Input,
  InputNumber,
  Radio,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SCREENED_OUTCOMES,
  VISIT_OUTCOME_LABELS,
  VISIT_OUTCOMES,
  type VisitOutcome,
} from '../../../shared/campaigns';
import { SYMPTOM_LABELS, SYMPTOMS, type Symptom } from '../../../shared/declarations';
import { addressLabel } from '../../../shared/places/address-label';
import { beijingToday } from '../../../shared/time/beijing';
import { errorText } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import type { RegionOption } from '../declarations/regions';
import type { Target, VisitPayload } from './campaigns-api';
import { newVisitId } from './visit-queue';

/** What the volunteer notes for one person at the door; everyone starts as "nothing unusual". */
interface PersonAnswers {
  screened: boolean;
  unusual: boolean;
  leftCity: boolean;
  origin?: string[];
  returnDate?: string;
  contactConfirmedCase: boolean;
  contactRiskAreaPeople: boolean;
  symptoms: Symptom[];
  temperature: number | null;
}

const fresh = (): PersonAnswers => ({
  screened: true,
  unusual: false,
  leftCity: false,
  contactConfirmedCase: false,
  contactRiskAreaPeople: false,
  symptoms: [],
  temperature: null,
});

/**
 * Recording one household. A night sweep cannot fill a long form per person: each person present is
 * ticked with "nothing unusual" by default (the registration form with no travel, contact or symptom),
 * and only someone with something to report gets the rest of the form's questions.
 */
export function VisitSheet({
  target,
  onClose,
  onRecord,
}: {
  target: Target | null;
  onClose: () => void;
  onRecord: (visit: VisitPayload) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      placement="bottom"
      size="90%"
      destroyOnHidden
      title={target ? t('campaigns.visitTitle', { door: doorLabel(target) }) : ''}
      data-testid="visit-sheet"
    >
      {target && <VisitForm target={target} onRecord={onRecord} />}
    </Drawer>
  );
}

/** The door with its compound: several compounds each have a "1号楼". */
export function doorLabel(t: Pick<Target, 'compoundName' | 'buildingName' | 'entranceName' | 'room'>) {
  return addressLabel(t);
}

/** The chosen county (or city) of a picked path: its last code. */
const lastCode = (path: readonly string[] | null | undefined) =>
  path && path.length > 0 ? path[path.length - 1] : undefined;

/**
 * The province → city → county tree (~29 KB gzipped), fetched when a visit form opens rather than with the
 * visit list: the list's first render on a weak signal does not wait for it (the service worker keeps it
 * for offline use).
 */
function useRegions(): RegionOption[] {
  const [regions, setRegions] = useState<RegionOption[]>([]);
  useEffect(() => {
    let live = true;
    void import('../declarations/regions').then((m) => {
      if (live) setRegions(m.regionTree());
    });
    return () => {
      live = false;
    };
  }, []);
  return regions;
}

function VisitForm({
  target,
  onRecord,
}: {
  target: Target;
  onRecord: (visit: VisitPayload) => Promise<void>;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const regions = useRegions();
  const [outcome, setOutcome] = useState<VisitOutcome | null>(null);
  const [notes, setNotes] = useState('');
  const [people, setPeople] = useState<Record<number, PersonAnswers>>(() =>
    Object.fromEntries(target.residents.map((r) => [r.id, fresh()])),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const screened = outcome !== null && SCREENED_OUTCOMES.includes(outcome);
  const change = (id: number, patch: Partial<PersonAnswers>) =>
    setPeople((all) => ({ ...all, [id]: { ...(all[id] ?? fresh()), ...patch } }));

  async function save() {
    if (!outcome) return setProblem(t('campaigns.chooseOutcome'));
    const chosen = target.residents.filter((r) => people[r.id]?.screened);
    if (screened && target.residents.length > 0 && chosen.length === 0)
      return setProblem(t('campaigns.choosePerson'));
    if (screened && target.residents.length === 0 && notes.trim().length < 2)
      return setProblem(t('campaigns.needNotes'));
    for (const r of chosen) {
      const a = people[r.id];
      if (a?.unusual && a.leftCity && (!a.returnDate || !lastCode(a.origin)))
        return setProblem(t('campaigns.needReturn', { name: r.nameMasked }));
    }
    setProblem(null);
    setSaving(true);
    try {
      await onRecord({
        id: newVisitId(),
        targetId: target.id,
        outcome,
        notes: notes.trim() || null,
        visitedAt: new Date().toISOString(),
        ...(screened
          ? {
              declarations: chosen.map((r) => {
                const a = people[r.id] ?? fresh();
                const away = a.unusual && a.leftCity;
                return {
                  residentId: r.id,
                  leftCity: away,
                  ...(away
                    ? { originRegion: lastCode(a.origin) ?? null, returnDate: a.returnDate ?? null }
                    : {}),
                  contactConfirmedCase: a.unusual && a.contactConfirmedCase,
                  contactRiskAreaPeople: a.unusual && a.contactRiskAreaPeople,
                  symptoms: a.unusual ? a.symptoms : [],
                  temperature: a.temperature,
                };
              }),
            }
          : {}),
      });
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex vertical gap={12} data-testid="visit-form">
      <Radio.Group
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        optionType="button"
        buttonStyle="solid"
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}
        options={VISIT_OUTCOMES.map((o) => ({
          value: o,
          label: label(VISIT_OUTCOME_LABELS[o]),
          style: { textAlign: 'center', height: 44, lineHeight: '42px', borderRadius: 6 },
        }))}
        data-testid="visit-outcome"
      />
      {outcome === 'nobody_home' && <Alert type="info" showIcon title={t('campaigns.nobodyHomeHint')} />}
      {screened && target.residents.length === 0 && (
        <Alert type="warning" showIcon title={t('campaigns.noResidents')} />
      )}
      {screened &&
        target.residents.map((r) => {
          const a = people[r.id] ?? fresh();
          return (
            <div
              key={r.id}
              style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 10 }}
              data-testid="visit-person"
            >
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Checkbox checked={a.screened} onChange={(e) => change(r.id, { screened: e.target.checked })}>
                  <b>{r.nameMasked}</b> <Typography.Text type="secondary">{r.phoneMasked}</Typography.Text>
                </Checkbox>
                {a.screened && (
                  <Space size={4}>
                    <Typography.Text type="secondary">{t('campaigns.unusual')}</Typography.Text>
                    <Switch size="small" checked={a.unusual} onChange={(v) => change(r.id, { unusual: v })} />
                  </Space>
                )}
              </Flex>
              {a.screened && (
                <Flex vertical gap={8} style={{ marginTop: 8 }}>
                  <Space>
                    <Typography.Text>{t('campaigns.temperature')}</Typography.Text>
                    <InputNumber
                      min={34}
                      max={43}
                      step={0.1}
                      value={a.temperature}
                      onChange={(v) => change(r.id, { temperature: v ?? null })}
                      inputMode="decimal"
                      style={{ width: 100 }}
                    />
                  </Space>
                  {a.unusual && (
                    <>
                      <Space wrap>
                        <Switch checked={a.leftCity} onChange={(v) => change(r.id, { leftCity: v })} />
                        {t('campaigns.leftCity')}
                      </Space>
                      {a.leftCity && (
                        <Flex vertical gap={8}>
                          <Cascader
                            options={regions}
                            value={a.origin}
                            onChange={(v) => change(r.id, { origin: v as string[] })}
                            placeholder={t('campaigns.origin')}
                          />
                          <Typography.Text>{t('campaigns.returnDate')}</Typography.Text>
                          <Input
                            type="date"
                            max={beijingToday()}
                            value={a.returnDate ?? ''}
                            onChange={(e) => change(r.id, { returnDate: e.target.value || undefined })}
                          />
                        </Flex>
                      )}
                      <Space wrap>
                        <Switch
                          checked={a.contactConfirmedCase}
                          onChange={(v) => change(r.id, { contactConfirmedCase: v })}
                        />
                        {t('campaigns.contactCase')}
                      </Space>
                      <Space wrap>
                        <Switch
                          checked={a.contactRiskAreaPeople}
                          onChange={(v) => change(r.id, { contactRiskAreaPeople: v })}
                        />
                        {t('campaigns.contactRisk')}
                      </Space>
                      <Checkbox.Group
                        value={a.symptoms}
                        onChange={(v) => change(r.id, { symptoms: v as Symptom[] })}
                        options={SYMPTOMS.map((s) => ({ value: s, label: label(SYMPTOM_LABELS[s]) }))}
                      />
                    </>
                  )}
                </Flex>
              )}
            </div>
          );
        })}
      <Input.TextArea
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        maxLength={500}
        autoSize={{ minRows: 2 }}
        placeholder={t('campaigns.notes')}
        data-testid="visit-notes"
      />
      {problem && <Alert type="error" showIcon title={problem} />}
      <Button
        type="primary"
        size="large"
        block
        loading={saving}
        onClick={() => void save()}
        data-testid="visit-save"
      >
        {t('campaigns.save')}
      </Button>
    </Flex>
  );
}
