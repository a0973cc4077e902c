import { useTranslation } from 'react-i18next';
import { AGE_SHOWN_UP_TO } from '../../../shared/identity';

/**
 * 45 岁, or 100 岁及以上 (the server caps ages there); a dash when the birth date is not known. The server
 * counts whole years on 1 January, which the tooltip says.
 */
export function AgeText({ age }: { age: number | null }) {
  const { t } = useTranslation();
  if (age === null) return <>—</>;
  return (
    <span title={t('people.ageNote')}>
      {age >= AGE_SHOWN_UP_TO ? t('people.ageCapped') : t('people.ageValue', { age })}
    </span>
  );
}
