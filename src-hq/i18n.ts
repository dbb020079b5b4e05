import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { zhCN } from './locales/zh-cn';

const LANGUAGE_KEY = 'countersign.hq.language';
type Language = 'en' | 'zh-CN';

/** The page's translations, in the language chosen in this browser before (English first). */
export function createHqI18n(language: Language = savedLanguage() ?? 'en'): i18n {
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

function savedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(LANGUAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : null;
  } catch {
    return null;
  }
}

/** Switches to the other language and remembers it in this browser. */
export function switchLanguage(instance: i18n): void {
  const next: Language = instance.language === 'zh-CN' ? 'en' : 'zh-CN';
  try {
    localStorage.setItem(LANGUAGE_KEY, next);
  } catch {
    // Storage may be off; the choice then lasts until the page closes.
  }
  void instance.changeLanguage(next);
}
