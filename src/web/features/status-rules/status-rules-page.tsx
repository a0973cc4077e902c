import { CodeOutlined, EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  beijingToday,
  DEFAULT_RULES,
  evaluateStatus,
  type StatusRule,
  validateRules,
} from '../../../shared/declarations';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useCan } from '../auth/use-me';
import { declarationKeys } from '../declarations/declarations-api';
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
import { REEVALUATION_DAYS, type SavedRules, statusRuleKeys, statusRulesApi } from './status-rules-api';
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

/** 判定规则: how a declaration becomes a status. Everyone who reads declarations sees them; the district edits. */
export function StatusRulesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('rules.write');
  const query = useQuery({ queryKey: statusRuleKeys.all, queryFn: statusRulesApi.current });

  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Flex vertical gap={16}>
      {query.data ? (
        <RulesWorkspace
          version={query.data.version}
          isDefault={query.data.isDefault}
          saved={query.data.rules}
          writable={writable}
        />
      ) : (
        <>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('statusRules.title')}
          </Typography.Title>
          <Skeleton active />
        </>
      )}
    </Flex>
  );
}

interface WorkspaceProps {
  version: number;
  isDefault: boolean;
  saved: StatusRule[];
  writable: boolean;
}

function RulesWorkspace({ version, isDefault, saved, writable }: WorkspaceProps) {
  const { t } = useTranslation();
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
    mutationFn: (rules: StatusRule[]) => statusRulesApi.save(rules),
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
      content: t('statusRules.saveConfirmContent', { days: REEVALUATION_DAYS }),
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
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space size={12} wrap align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('statusRules.title')}
          </Typography.Title>
          <Tag color="blue" data-testid="rules-version">
            {version > 0 ? t('statusRules.version', { version }) : t('statusRules.versionNone')}
          </Tag>
          {isDefault && (
            <Tag color="default" title={t('statusRules.isDefaultHint')} data-testid="rules-default">
              {t('statusRules.isDefault')}
            </Tag>
          )}
        </Space>
        {writable && !editing && (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => {
              setLastSave(null);
              setDraft(toDraft(saved));
            }}
            data-testid="rules-edit"
          >
            {t('statusRules.edit')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('statusRules.intro')}
        {isDefault && ` ${t('statusRules.isDefaultHint')}`}
      </Typography.Paragraph>
      {!writable && <Typography.Text type="secondary">{t('statusRules.readOnlyHint')}</Typography.Text>}
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
                disabled={!checked?.ok || !dirty}
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
        <Card size="small" title={t('statusRules.json')} data-testid="rules-json-panel">
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('statusRules.jsonHint')}</Typography.Text>
            <Input.TextArea
              value={json.text}
              onChange={(e) => setJson({ text: e.target.value, errors: [] })}
              autoSize={{ minRows: 8, maxRows: 24 }}
              spellCheck={false}
              style={{ fontFamily: 'monospace', fontSize: 12 }}
              data-testid="rules-json-text"
            />
            {json.errors.length > 0 && (
              <Alert
                type="error"
                showIcon
                title={
                  <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                    {json.errors.map((error) => (
                      <li key={error}>{error}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Button
              type="primary"
              onClick={applyJson}
              style={{ alignSelf: 'flex-end' }}
              data-testid="rules-json-apply"
            >
              {t('statusRules.jsonApply')}
            </Button>
          </Flex>
        </Card>
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
