import { describe, expect, it } from 'vitest';
import { en } from './locales/en';
import { zhCN } from './locales/zh-cn';

function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v as object, `${prefix}${k}.`),
  );
}

describe("HQ page's translations", () => {
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
});
