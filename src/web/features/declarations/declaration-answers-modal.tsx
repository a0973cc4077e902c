import { useMutation } from '@tanstack/react-query';
import { Descriptions, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatExtraAnswer, SYMPTOM_LABELS } from '../../../shared/declarations';
import { useLabel } from '../../shared/i18n';
import { ReasonModal } from '../../shared/reason-modal';
import { declarationsApi, type RevealedAnswers } from './declarations-api';
import { regionName } from './regions';

/**
 * A declaration's sealed answers — health answers and the officers' extra questions, labelled as in the
 * version the person answered — shown only after the reason is given (and audited by the server).
 */
export function DeclarationAnswersModal(props: { declarationId: number | null; onClose: () => void }) {
  const { declarationId, onClose } = props;
  const { t } = useTranslation();
  const label = useLabel();
  const reveal = useMutation({
    mutationFn: (reason: string) => declarationsApi.revealAnswers(declarationId ?? 0, reason),
  });
  const close = () => {
    reveal.reset();
    onClose();
  };
  const answers: RevealedAnswers | undefined = reveal.data?.answers;
  const dash = '—';
  const yesNo = (value: boolean | null) =>
    value === null ? dash : value ? t('declarations.yes') : t('declarations.no');

  if (!answers)
    return (
      <ReasonModal
        open={declarationId !== null}
        title={t('declarations.answersTitle')}
        pending={reveal.isPending}
        error={reveal.isError ? reveal.error : null}
        onConfirm={(reason) => reveal.mutate(reason)}
        onClose={close}
      />
    );
  return (
    <Modal open title={t('declarations.answersTitle')} onCancel={close} footer={null} width={640}>
      <Descriptions column={1} size="small" bordered data-testid="declaration-answers">
        <Descriptions.Item label={t('declarations.symptoms')}>
          {answers.symptoms.length > 0
            ? answers.symptoms.map((s) => label(SYMPTOM_LABELS[s])).join('、')
            : t('declarations.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('declarations.temperature')}>
          {answers.temperature === null ? dash : `${answers.temperature} °C`}
        </Descriptions.Item>
        <Descriptions.Item label={t('declarations.contactConfirmedCase')}>
          {yesNo(answers.contactConfirmedCase)}
        </Descriptions.Item>
        <Descriptions.Item label={t('declarations.contactRiskAreaPeople')}>
          {yesNo(answers.contactRiskAreaPeople)}
        </Descriptions.Item>
        <Descriptions.Item label={t('declarations.riskRegions')}>
          {answers.riskRegionsVisited.length > 0
            ? answers.riskRegionsVisited.map(regionName).join('、')
            : dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('declarations.transportNumber')}>
          {[answers.transportNumber, answers.seat].filter(Boolean).join(' ') || dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('declarations.homeConditions')}>
          {yesNo(answers.homeConditionsMet)}
        </Descriptions.Item>
        <Descriptions.Item label={t('declarations.companions')}>
          {answers.companions || dash}
        </Descriptions.Item>
        {answers.extra.map((item) => (
          <Descriptions.Item key={item.key} label={label(item.label) || item.label.zh}>
            {item.value === null ? dash : formatExtraAnswer(item.value)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {answers.formVersionId !== null && (
        <p style={{ marginTop: 8, color: '#8c8c8c' }}>
          {t('declarations.formVersion', { version: answers.formVersionId })}
        </p>
      )}
    </Modal>
  );
}
