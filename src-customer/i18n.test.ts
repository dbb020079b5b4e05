import { describe, expect, it } from 'vitest';
import { otherLanguage } from '../src-window-shared/language';
import { createI18n } from './i18n';
import { en } from './locales/en';
import { zhCN } from './locales/zh-cn';

/** Every leaf key path of a message tree. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

describe('customer display translations', () => {
  it('has a Simplified Chinese string for every English key and no extra ones', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it('has no empty strings and keeps the same placeholders', () => {
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    const zh = new Map(
      keys(zhCN).map((k) => [
        k,
        k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], zhCN) as string,
      ]),
    );
    for (const k of keys(en)) {
      const e = k
        .split('.')
        .reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en) as string;
      expect(zh.get(k), k).toBeTruthy();
      expect(placeholders(zh.get(k)!), k).toEqual(placeholders(e));
    }
  });

  it('switches language and interpolates', () => {
    const i18n = createI18n('en');
    expect(i18n.t('order.confirm')).toBe('Confirm');
    void i18n.changeLanguage(otherLanguage(i18n.language));
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('order.confirm')).toBe('确认');
    expect(i18n.t('pairing.wrong', { message: 'x' })).toBe('配对码无效：x');
    expect(createI18n('zh-CN').t('idle.welcome')).toBe('欢迎光临');
  });
});
