import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n/error-messages';
import { en } from './locales/en';
import { type Messages, zh } from './locales/zh';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const STORAGE_KEY = 'dashu.lang';

function storedLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function markDocument(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

const initial = storedLang();
markDocument(initial);

void i18next.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh',
  supportedLngs: ['zh', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const i18n = i18next;

/** The language the console shows and asks the server to answer in. */
export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'zh';
}

/** Switches the language and remembers the choice on this computer. */
export function setLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private windows may refuse storage; the switch still applies for this visit.
  }
  markDocument(lang);
  void i18next.changeLanguage(lang);
}

/** Current language, re-rendering when it changes. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  return instance.language === 'en' ? 'en' : 'zh';
}

/** Picks the current language's text from the shared `{ zh, en }` label tables. */
export function useLabel(): (label: { zh: string; en: string }) => string {
  const lang = useLang();
  return (label) => label[lang];
}
