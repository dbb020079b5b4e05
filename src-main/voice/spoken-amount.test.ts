import { describe, expect, it } from 'vitest';
import { chineseInteger, englishInteger } from './number-words';
import { spokenAmount } from './spoken-amount';

describe('spoken amounts', () => {
  it.each([
    [1, 'wechat', '微信收款 零点零一元', 'WeChat Pay received zero point zero one yuan'],
    [1000, 'alipay', '支付宝收款 十元', 'Alipay received ten yuan'],
    [1005, 'alipay', '支付宝收款 十点零五元', 'Alipay received ten point zero five yuan'],
    [
      4826,
      'wechat',
      '微信收款 四十八点二六元',
      'WeChat Pay received forty eight point two six yuan',
    ],
    [100010, 'unionpay', '云闪付收款 一千点一元', 'UnionPay received one thousand point one yuan'],
    [10000000, 'wechat', '微信收款 十万元', 'WeChat Pay received one hundred thousand yuan'],
    [100050, null, '收款成功 一千点五元', 'Payment received one thousand point five yuan'],
    [1001000, 'alipay', '支付宝收款 一万零一十元', 'Alipay received ten thousand ten yuan'],
    [1000000000, 'wechat', '微信收款 一千万元', 'WeChat Pay received ten million yuan'],
  ] as const)('%i fen by %s', (amount, platform, zh, en) => {
    expect(spokenAmount({ amount, currency: 'CNY', platform, language: 'zh-CN' }).text).toBe(zh);
    expect(spokenAmount({ amount, currency: 'CNY', platform, language: 'en' }).text).toBe(en);
  });

  it('the clip sequence a clip player chains', () => {
    expect(
      spokenAmount({ amount: 4826, currency: 'CNY', platform: 'wechat', language: 'zh-CN' }).clips,
    ).toEqual(['wechat_received', '四', '十', '八', '点', '二', '六', '元']);
    expect(
      spokenAmount({ amount: 100010, currency: 'CNY', platform: null, language: 'en' }).clips,
    ).toEqual(['received', 'one', 'thousand', 'point', 'one', 'yuan']);
    // Yen have no minor unit: 1500 is fifteen hundred yen, no point; an unknown currency has no unit word.
    expect(
      spokenAmount({ amount: 1500, currency: 'JPY', platform: null, language: 'zh-CN' }).clips,
    ).toEqual(['received', '一', '千', '五', '百']);
  });

  it.each([
    [0, '零'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1005, '一千零五'],
    [10010, '一万零一十'],
    [100010, '十万零一十'],
    [1000100, '一百万零一百'],
    [10000000, '一千万'],
    [100000000, '一亿'],
    [105000000, '一亿零五百万'],
  ])('%i in Chinese is %s', (n, said) => {
    expect(chineseInteger(n).join('')).toBe(said);
  });

  it('English numbers', () => {
    expect(englishInteger(1205).join(' ')).toBe('one thousand two hundred five');
    expect(englishInteger(2_000_019).join(' ')).toBe('two million nineteen');
    expect(() => englishInteger(-1)).toThrow();
  });
});
