import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../src-main/contract/commands';
import { en } from './locales/en';
import { zhCN } from './locales/zh-cn';

/** Where the cashier's own language choice is kept; the station's language is the default. */
export const LANGUAGE_KEY = 'countersign.cashier.language';

/** The cashier window's translations, in the language chosen here before or the given default. */
export function createCashierI18n(language: Language = 'en'): i18n {
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

/** The language the cashier chose in this browser, if any. */
export function savedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(LANGUAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : null;
  } catch {
    return null;
  }
}

/** Remembers the cashier's choice, so a reload or a restart keeps it. */
export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage may be off (private window); the choice then lasts until the page closes.
  }
}
