import { Tag, type TagProps } from 'antd';
import { PERSON_STATUS_LABELS, type PersonStatus } from '../../../shared/declarations';
import { useLabel } from '../../shared/i18n';

/** One colour per status, the same everywhere: green is fine, orange needs a call, red needs action. */
export const STATUS_COLORS: Record<PersonStatus, string> = {
  normal: 'green',
  to_verify: 'orange',
  home_observation: 'volcano',
  centralised_observation: 'red',
  referred_to_clinic: 'red',
  released: 'blue',
};

interface StatusTagProps extends Omit<TagProps, 'color' | 'children'> {
  status: PersonStatus;
  /** Bigger text for the one status a page is about. */
  large?: boolean;
}

export function StatusTag({ status, large = false, style, ...rest }: StatusTagProps) {
  const label = useLabel();
  return (
    <Tag
      color={STATUS_COLORS[status]}
      style={large ? { fontSize: 16, lineHeight: '28px', paddingInline: 12, ...style } : style}
      {...rest}
    >
      {label(PERSON_STATUS_LABELS[status])}
    </Tag>
  );
}
