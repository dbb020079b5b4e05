import { describe, expect, it } from 'vitest';
import { createCashierI18n } from './i18n';
import { KNOWN_REASONS } from '../src-window-shared/payment-reason';
import { en } from './locales/en';
import { zhCN } from './locales/zh-cn';

/** Every leaf of a message tree as [path, text]. */
function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v as object, `${prefix}${k}.`),
  );
}

describe('cashier window translations', () => {
  it('has the same keys and placeholders in 简体中文 as in English, none empty', () => {
    const zh = new Map(leaves(zhCN));
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    expect([...zh.keys()].sort()).toEqual(
      leaves(en)
        .map(([k]) => k)
        .sort(),
    );
    for (const [k, text] of leaves(en)) {
      expect(zh.get(k), k).toBeTruthy();
      expect(placeholders(zh.get(k)!), k).toEqual(placeholders(text));
    }
  });

  it('explains every payment reason the displays know', () => {
    for (const r of [...KNOWN_REASONS, 'unknown']) expect(Object.keys(en.reason)).toContain(r);
  });

  it('says the same message in both languages, with plurals', () => {
    const i18n = createCashierI18n('en');
    expect(i18n.t('cellsToFix', { count: 3 })).toBe('3 cells to fix:');
    expect(i18n.t('reason.code_already_used')).toMatch(/already used/);
    void i18n.changeLanguage('zh-CN');
    expect(i18n.t('cellsToFix', { count: 3 })).toBe('有 3 个单元格需要修改：');
    expect(i18n.t('phase.paid')).toBe('已支付');
  });
});
