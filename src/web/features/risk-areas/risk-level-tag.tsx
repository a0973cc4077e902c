import { Tag } from 'antd';
import { RISK_LEVEL_LABELS, type RiskLevel } from '../../../shared/declarations';
import { useLabel } from '../../shared/i18n';

export const RISK_LEVEL_COLORS: Record<RiskLevel, string> = { high: 'red', medium: 'orange', low: 'gold' };

export function RiskLevelTag({ level }: { level: RiskLevel }) {
  const label = useLabel();
  return <Tag color={RISK_LEVEL_COLORS[level]}>{label(RISK_LEVEL_LABELS[level])}</Tag>;
}
