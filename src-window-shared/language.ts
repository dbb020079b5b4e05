import type { Language } from '../src-main/contract/commands';

/** The other language, for the one-tap switch button both windows show. */
export function otherLanguage(current: string): Language {
  return current === 'zh-CN' ? 'en' : 'zh-CN';
}
