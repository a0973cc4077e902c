import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Empty, Flex, List, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FormQuestion,
  nextQuestionKey,
  QUESTION_KIND_LABELS,
  validateQuestions,
} from '../../../shared/declarations';
import { formatBeijingDateTime } from '../../../shared/time/beijing';
import { ErrorAlert, useNotifyError } from '../../shared/error-display';
import { useLabel } from '../../shared/i18n';
import { declarationKeys } from '../declarations/declarations-api';
import { formVersionKeys, formVersionsApi } from './form-versions-api';
import { QuestionEditor } from './question-editor';

/**
 * 登记表问题: district officers add questions to the registration form without code. Each save is a new
 * version; declarations keep the version they were given on, so older answers still read correctly.
 */
export function FormVersionsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const history = useQuery({ queryKey: formVersionKeys.history, queryFn: formVersionsApi.history });
  const current = history.data?.versions[0];
  const [draft, setDraft] = useState<FormQuestion[] | null>(null);
  const questions = draft ?? current?.questions ?? [];

  const usedKeys = history.data?.usedKeys ?? [];
  const kindsBefore = useMemo(() => {
    const kinds = new Map<string, string>();
    for (const version of history.data?.versions ?? [])
      for (const q of version.questions) kinds.set(q.key, q.kind);
    return kinds;
  }, [history.data]);
  const checked = validateQuestions(questions);
  const dirty = draft !== null;

  const publish = useMutation({
    mutationFn: () => formVersionsApi.publish(questions),
    onSuccess: async ({ version }) => {
      // The published version becomes the one shown once it is read back; until then the draft stays.
      await queryClient.invalidateQueries({ queryKey: formVersionKeys.history });
      setDraft(null);
      void queryClient.invalidateQueries({ queryKey: declarationKeys.all });
      void message.success(t('formVersions.published', { version: version.id }));
    },
    onError: notifyError,
  });

  const edit = (next: FormQuestion[]) => setDraft(next);
  const add = () =>
    edit([
      ...questions,
      {
        key: nextQuestionKey(questions, usedKeys),
        label: { zh: '', en: '' },
        kind: 'text',
        required: false,
      },
    ]);
  const move = (index: number, delta: -1 | 1) => {
    const next = [...questions];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + delta, 0, item);
    edit(next);
  };

  const confirmPublish = () =>
    modal.confirm({
      title: t('formVersions.publishConfirm'),
      content: t('formVersions.publishHint'),
      okText: t('formVersions.publish'),
      cancelText: t('common.cancel'),
      onOk: () => publish.mutateAsync(),
    });

  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('formVersions.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('formVersions.explain')}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0, marginTop: 8 }} data-testid="form-version-current">
          {current
            ? t('formVersions.currentVersion', {
                version: current.id,
                at: formatBeijingDateTime(current.createdAt),
              })
            : t('formVersions.noVersion')}
        </Typography.Paragraph>
      </Card>

      <Flex vertical gap={12}>
        {questions.length === 0 && !history.isLoading && <Empty description={t('formVersions.empty')} />}
        {questions.map((question, index) => (
          <QuestionEditor
            key={question.key}
            question={question}
            index={index}
            count={questions.length}
            kindLocked={kindsBefore.has(question.key)}
            onChange={(next) => edit(questions.map((q) => (q.key === question.key ? next : q)))}
            onMove={(delta) => move(index, delta)}
            onRemove={() => edit(questions.filter((q) => q.key !== question.key))}
          />
        ))}
      </Flex>

      {dirty && !checked.ok && (
        <Alert
          type="warning"
          showIcon
          title={t('formVersions.invalid')}
          description={checked.errors.slice(0, 8).join('；')}
          data-testid="form-versions-errors"
        />
      )}
      <Flex gap={8}>
        <Button icon={<PlusOutlined />} onClick={add} data-testid="form-versions-add">
          {t('formVersions.add')}
        </Button>
        <Button
          type="primary"
          disabled={!dirty || !checked.ok}
          loading={publish.isPending}
          onClick={confirmPublish}
          data-testid="form-versions-publish"
        >
          {t('formVersions.publish')}
        </Button>
        {dirty && <Button onClick={() => setDraft(null)}>{t('formVersions.discard')}</Button>}
      </Flex>

      {(history.data?.versions.length ?? 0) > 0 && (
        <Collapse
          items={[
            {
              key: 'history',
              label: t('formVersions.history', { count: history.data?.versions.length ?? 0 }),
              children: (
                <List
                  size="small"
                  dataSource={history.data?.versions ?? []}
                  renderItem={(version) => (
                    <List.Item>
                      <List.Item.Meta
                        title={t('formVersions.versionN', {
                          version: version.id,
                          at: formatBeijingDateTime(version.createdAt),
                        })}
                        description={
                          version.questions
                            .map((q) => `${q.label.zh}（${label(QUESTION_KIND_LABELS[q.kind])}）`)
                            .join('；') || t('formVersions.empty')
                        }
                      />
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
