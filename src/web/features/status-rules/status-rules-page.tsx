import { CodeOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RULES, evaluateStatus, type StatusRule, validateRules } from '../../../shared/declarations';
import { beijingToday } from '../../../shared/time/beijing';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useAccount, useCan } from '../auth/use-me';
import { declarationKeys } from '../declarations/declarations-api';
import { PolicyPlaceSelect } from '../places/policy-place-select';
import { RuleEditor, RuleView } from './rule-card';
import {
  addRule,
  type DraftRule,
  moveRule,
  removeRule,
  replaceRule,
  rulesOf,
  sameRules,
  toDraft,
} from './rule-draft';
import { RulesHeader } from './rules-header';
import { RulesJsonPanel } from './rules-json-panel';
import {
  type CurrentRules,
  REEVALUATION_DAYS,
  type SavedRules,
  statusRuleKeys,
  statusRulesApi,
} from './status-rules-api';
import { emptyTryInput, type TryInput, tryFacts } from './try-facts';
import { type TryOutcome, TryPanel } from './try-panel';

/** The errors validateRules gives for the rule at 1-based position `n` ("第n条规则…"). */
function errorsOfRule(errors: readonly string[], n: number): string[] {
  return errors.filter((error) => error.startsWith(`第${n}条规则`));
}

function runTry(rules: readonly StatusRule[], input: TryInput, today: string): TryOutcome {
  const { facts, areas } = tryFacts(input);
  const result = evaluateStatus(facts, rules, areas, today, input.declaredOn || undefined);
  const index = result.ruleId === null ? -1 : rules.findIndex((rule) => rule.id === result.ruleId);
  return { result, n: index < 0 ? null : index + 1 };
}

/**
 * 判定规则: how a declaration becomes a status. A set belongs to a place; a community is judged by the
 * set of the nearest place above it. Everyone who reads declarations sees the set that applies to them;
 * a district officer picks their place or one under it and saves a set for it.
 */
export function StatusRulesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const account = useAccount();
  const [placeId, setPlaceId] = useState(account.scope.placeId);
  const query = useQuery({
    queryKey: statusRuleKeys.at(placeId),
    queryFn: () => statusRulesApi.current(placeId),
  });

  return (
    <Flex vertical gap={16}>
      <Flex align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('statusRules.title')}
        </Typography.Title>
        {can('rules.write') ? (
          <Space size={4}>
            <Typography.Text>{t('statusRules.forPlace')}</Typography.Text>
            <PolicyPlaceSelect value={placeId} onChange={setPlaceId} testId="rules-place" />
          </Space>
        ) : (
          query.data && <Tag>{t('statusRules.appliesTo', { place: query.data.place.name })}</Tag>
        )}
      </Flex>
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data ? (
        <RulesWorkspace key={placeId} current={query.data} />
      ) : (
        <Skeleton active />
      )}
    </Flex>
  );
}

function RulesWorkspace({ current }: { current: CurrentRules }) {
  const { t } = useTranslation();
  const saved = current.rules;
  const placeId = current.place.id;
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const today = beijingToday();
  const savedDraft = useMemo(() => toDraft(saved), [saved]);
  const savedOrdered = useMemo(() => rulesOf(savedDraft), [savedDraft]);
  // null: reading; a list: the district officer is editing (nothing is sent until Save).
  const [draft, setDraft] = useState<DraftRule[] | null>(null);
  const [lastSave, setLastSave] = useState<SavedRules | null>(null);
  const [json, setJson] = useState<{ text: string; errors: string[] } | null>(null);
  const [tryInput, setTryInput] = useState<TryInput>(() => emptyTryInput(today));

  const editing = draft !== null;
  const shown = draft ?? savedDraft;
  const shownRules = useMemo(() => rulesOf(shown), [shown]);
  const checked = useMemo(() => (editing ? validateRules(shownRules) : null), [editing, shownRules]);
  const errors = checked && !checked.ok ? checked.errors : [];
  const dirty = editing && !sameRules(shownRules, savedOrdered);

  const tryRules = checked ? (checked.ok ? checked.rules : null) : savedOrdered;
  const tryOutcome = useMemo(
    () => (tryRules ? runTry(tryRules, tryInput, today) : null),
    [tryRules, tryInput, today],
  );
  const savedTryOutcome = useMemo(
    () => (dirty ? runTry(savedOrdered, tryInput, today) : null),
    [dirty, savedOrdered, tryInput, today],
  );

  const save = useMutation({
    mutationFn: (rules: StatusRule[]) => statusRulesApi.save(rules, placeId),
    onSuccess: (result) => {
      setLastSave(result);
      setDraft(null);
      setJson(null);
      // The outcome is shown at the top of the page, where the officer clicked "Save" from the toolbar.
      window.scrollTo({ top: 0, behavior: 'smooth' });
      // Statuses were re-judged on the server: lists of declarations and statuses are stale now.
      void queryClient.invalidateQueries({ queryKey: declarationKeys.all });
      void queryClient.invalidateQueries({ queryKey: statusRuleKeys.all });
    },
    onError: notifyError,
  });

  const confirmSave = () => {
    if (!checked?.ok) return;
    const rules = checked.rules;
    modal.confirm({
      title: t('statusRules.saveConfirmTitle'),
      content: t('statusRules.saveConfirmContent', { days: REEVALUATION_DAYS, place: current.place.name }),
      okText: t('statusRules.saveOk'),
      cancelText: t('common.cancel'),
      onOk: () => save.mutateAsync(rules).catch(() => undefined),
    });
  };

  const confirmRestore = () => {
    modal.confirm({
      title: t('statusRules.restoreConfirm'),
      content: t('statusRules.restoreHint'),
      okText: t('statusRules.restoreDefaults'),
      cancelText: t('common.cancel'),
      onOk: () => {
        setDraft(toDraft(DEFAULT_RULES));
        setJson(null);
        void message.info(t('statusRules.restored'));
      },
    });
  };

  const cancelEdit = () => {
    const stop = () => {
      setDraft(null);
      setJson(null);
    };
    if (!dirty) {
      stop();
      return;
    }
    modal.confirm({
      title: t('statusRules.cancelConfirm'),
      okText: t('statusRules.cancelEdit'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: stop,
    });
  };

  const applyJson = () => {
    if (!json) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.text);
    } catch (error) {
      setJson({ ...json, errors: [t('statusRules.jsonInvalid', { message: (error as Error).message })] });
      return;
    }
    const result = validateRules(parsed);
    if (!result.ok) {
      setJson({ ...json, errors: result.errors });
      return;
    }
    setDraft(toDraft(result.rules));
    setJson(null);
    void message.info(t('statusRules.jsonApplied'));
  };

  const matchedKey = tryOutcome?.n == null ? null : (shown[tryOutcome.n - 1]?.key ?? null);

  return (
    <>
      <RulesHeader
        current={current}
        editing={editing}
        onEdit={() => {
          setLastSave(null);
          setDraft(toDraft(saved));
        }}
      />
      {lastSave && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setLastSave(null) }}
          title={t('statusRules.saved', { ...lastSave })}
          data-testid="rules-saved"
        />
      )}
      {editing && (
        <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 3 }} data-testid="rules-toolbar">
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Space wrap>
              <Button
                icon={<PlusOutlined />}
                onClick={() => setDraft(addRule(shown))}
                data-testid="rules-add"
              >
                {t('statusRules.addRule')}
              </Button>
              <Button icon={<UndoOutlined />} onClick={confirmRestore} data-testid="rules-restore">
                {t('statusRules.restoreDefaults')}
              </Button>
              <Button
                icon={<CodeOutlined />}
                type={json ? 'primary' : 'default'}
                ghost={json !== null}
                onClick={() =>
                  setJson(json ? null : { text: JSON.stringify(shownRules, null, 2), errors: [] })
                }
                data-testid="rules-json"
              >
                {t('statusRules.json')}
              </Button>
            </Space>
            <Space wrap>
              <Typography.Text type={dirty ? 'warning' : 'secondary'} data-testid="rules-dirty">
                {dirty ? t('statusRules.unsaved') : t('statusRules.unchanged')}
              </Typography.Text>
              <Button onClick={cancelEdit} disabled={save.isPending} data-testid="rules-cancel">
                {t('statusRules.cancelEdit')}
              </Button>
              <Button
                type="primary"
                onClick={confirmSave}
                disabled={!checked?.ok || (!dirty && !current.inherited)}
                loading={save.isPending}
                data-testid="rules-save"
              >
                {t('statusRules.save')}
              </Button>
            </Space>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('statusRules.editingHint')}
          </Typography.Text>
        </Card>
      )}
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('statusRules.invalidTitle', { count: errors.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          }
          data-testid="rules-errors"
        />
      )}
      {json && (
        <RulesJsonPanel
          text={json.text}
          errors={json.errors}
          onChange={(text) => setJson({ text, errors: [] })}
          onApply={applyJson}
        />
      )}
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={15}>
          <Flex vertical gap={12} data-testid="rules-list">
            {shown.length === 0 && <Empty description={t('statusRules.empty')} />}
            {shown.map((item, i) =>
              draft ? (
                <RuleEditor
                  key={item.key}
                  rule={item.rule}
                  n={i + 1}
                  count={shown.length}
                  matched={item.key === matchedKey}
                  errors={errorsOfRule(errors, i + 1)}
                  onChange={(rule) => setDraft(replaceRule(draft, item.key, rule))}
                  onMove={(step) => setDraft(moveRule(draft, item.key, step))}
                  onDelete={() => setDraft(removeRule(draft, item.key))}
                />
              ) : (
                <RuleView key={item.key} rule={item.rule} n={i + 1} matched={item.key === matchedKey} />
              ),
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={9} style={{ position: 'sticky', top: editing ? 96 : 0 }}>
          <TryPanel
            input={tryInput}
            onChange={setTryInput}
            onReset={() => setTryInput(emptyTryInput(today))}
            editing={editing}
            outcome={tryOutcome}
            savedOutcome={savedTryOutcome}
          />
        </Col>
      </Row>
    </>
  );
}
