import { describe, expect, it } from 'vitest';
import { classifyPaymentCode, type PaymentPlatform } from './payment-code';

const digits = (prefix: string, length: number) => prefix + '7'.repeat(length - prefix.length);

describe('classifyPaymentCode: valid codes per platform and their boundaries', () => {
  it.each<[string, string, PaymentPlatform]>([
    ['WeChat lowest prefix', digits('10', 18), 'wechat'],
    ['WeChat highest prefix', digits('15', 18), 'wechat'],
    ['WeChat typical', '134567890123456789', 'wechat'],
    ['Alipay lowest prefix, shortest', digits('25', 16), 'alipay'],
    ['Alipay highest prefix, longest', digits('30', 24), 'alipay'],
    ['Alipay typical', '284567890123456789', 'alipay'],
    ['UnionPay', digits('62', 19), 'unionpay'],
  ])('%s', (_name, input, platform) => {
    expect(classifyPaymentCode(input)).toEqual({ valid: true, code: input, platform });
  });

  it.each<[string, string]>([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['Tab', '\t'],
    ['spaces', '  '],
    ['ideographic space (full-width IME)', '\u3000'],
    ['byte-order mark', '\ufeff'],
  ])('trims a %s suffix and surrounding whitespace', (_name, pad) => {
    const result = classifyPaymentCode(` ${pad}134567890123456789${pad}`);
    expect(result).toEqual({ valid: true, code: '134567890123456789', platform: 'wechat' });
  });
});

describe('classifyPaymentCode: refusals with a reason', () => {
  it.each<[string, string, RegExp]>([
    ['empty', '', /empty/],
    ['only whitespace and suffix', ' \r\n\t ', /empty/],
    ['WeChat one digit short', digits('13', 17), /WeChat Pay code has 18 digits, this one has 17/],
    ['WeChat one digit long', digits('13', 19), /WeChat Pay code has 18 digits, this one has 19/],
    ['Alipay one digit short', digits('28', 15), /Alipay code has 16–24 digits, this one has 15/],
    ['Alipay one digit long', digits('28', 25), /Alipay code has 16–24 digits, this one has 25/],
    ['UnionPay 18 digits', digits('62', 18), /UnionPay code has 19 digits, this one has 18/],
    ['UnionPay 20 digits', digits('62', 20), /UnionPay code has 19 digits, this one has 20/],
    ['prefix 09 (below WeChat)', digits('09', 18), /no payment platform uses codes starting 09/],
    ['prefix 16 (above WeChat)', digits('16', 18), /starting 16/],
    ['prefix 24 (below Alipay)', digits('24', 18), /starting 24/],
    ['prefix 31 (above Alipay)', digits('31', 18), /starting 31/],
    ['prefix 61', digits('61', 19), /starting 61/],
    ['prefix 63', digits('63', 19), /starting 63/],
    ['letters', 'abcdefghijklmnopqr', /digits only/],
    ['digits with a letter', '13456789012345678X', /digits only/],
    ['space inside', '134567890 123456789', /digits only/],
    ['dash inside', '1345-6789-0123-4567', /digits only/],
    ['full-width digits', '１３４５６７８９０１２３４５６７８９', /digits only/],
    ['negative number', '-134567890123456789', /digits only/],
    ['decimal', '13456789012345678.9', /digits only/],
    ['URL from a QR code', 'https://qr.alipay.com/abc', /digits only/],
    ['NUL inside', '1345678901\u000023456789', /control characters/],
    ['ESC inside', '13456789\u001b0123456789', /control characters/],
    ['DEL inside', '134567890123\u007f456789', /control characters/],
    ['GS (FNC1) inside', '1345678901\u001d23456789', /control characters/],
    ['two codes glued by CR', '134567890123456789\r284567890123456789', /control characters/],
    ['emoji', '13456789012345678😀', /digits only/],
    ['overlong digits (64)', digits('13', 64), /18 digits, this one has 64/],
  ])('%s', (_name, input, reason) => {
    const result = classifyPaymentCode(input);
    expect(result.valid).toBe(false);
    expect(result.platform).toBeNull();
    if (!result.valid) expect(result.error).toMatch(reason);
  });

  it('refuses overlong input without echoing it back', () => {
    const result = classifyPaymentCode('1'.repeat(10_000));
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.error).toBe('the code is too long (10000 characters)');
      expect(result.code).toBe('');
    }
  });

  it('keeps the limit exactly at 128 characters', () => {
    expect(classifyPaymentCode('1'.repeat(128)).valid).toBe(false);
    const at = classifyPaymentCode('1'.repeat(128));
    const over = classifyPaymentCode('1'.repeat(129));
    if (!at.valid) expect(at.error).not.toMatch(/too long/);
    if (!over.valid) expect(over.error).toMatch(/too long/);
  });

  it.each<[string, unknown]>([
    ['number', 1345678901],
    ['null', null],
    ['undefined', undefined],
    ['object', { code: '134567890123456789' }],
  ])('a non-string (%s) from an untyped caller is refused, not thrown', (_name, input) => {
    const result = classifyPaymentCode(input as string);
    expect(result).toEqual({
      valid: false,
      code: '',
      platform: null,
      error: 'the code is not text',
    });
  });
});
