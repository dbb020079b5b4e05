import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../src-main/contract/commands';
import { en } from './locales/en';
import { zhCN } from './locales/zh-cn';

/** The display's translations; the language starts as the station's default. */
export function createI18n(language: Language = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    // React escapes text already; i18next escaping would double it.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
