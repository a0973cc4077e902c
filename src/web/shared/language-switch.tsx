import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n/error-messages';
import { setLang, useLang } from './i18n';

/** 中文 / English, remembered on this computer. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: t('lang.zh'), value: 'zh' },
        { label: t('lang.en'), value: 'en' },
      ]}
      data-testid="language-switch"
    />
  );
}
