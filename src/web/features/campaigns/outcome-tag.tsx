import { Tag } from 'antd';
import { VISIT_OUTCOME_LABELS, type VisitOutcome } from '../../../shared/campaigns';
import { useLabel } from '../../shared/i18n';

const COLORS: Record<VisitOutcome, string> = {
  door: 'green',
  phone: 'cyan',
  nobody_home: 'orange',
  vacant: 'default',
  refused: 'red',
};

export function OutcomeTag({ outcome }: { outcome: VisitOutcome }) {
  const label = useLabel();
  return (
    <Tag color={COLORS[outcome]} data-testid="outcome-tag">
      {label(VISIT_OUTCOME_LABELS[outcome])}
    </Tag>
  );
}
