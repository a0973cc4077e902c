import { Tag } from 'antd';
import { RESIDENT_TAG_LABELS, type ResidentTag } from '../../../shared/people/people-enums';
import { useLabel } from '../../shared/i18n';

/** One colour per tag so the groups needing care stand out at a glance. */
export const TAG_COLORS: Record<ResidentTag, string> = {
  elderly_alone: 'volcano',
  empty_nest: 'orange',
  disabled: 'purple',
  pregnant: 'magenta',
  chronic_illness: 'gold',
  party_member: 'red',
  low_income: 'cyan',
  veteran: 'geekblue',
};

export function ResidentTags({ tags }: { tags: readonly ResidentTag[] }) {
  const label = useLabel();
  return (
    <>
      {tags.map((tag) => (
        <Tag key={tag} color={TAG_COLORS[tag]} style={{ marginBlock: 2 }}>
          {label(RESIDENT_TAG_LABELS[tag])}
        </Tag>
      ))}
    </>
  );
}
