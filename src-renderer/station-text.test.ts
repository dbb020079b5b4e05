import { describe, expect, it } from 'vitest';
import { checkOrderArithmetic } from '../src-main/contract/order-checks';
import { ERROR_REASONS, failBecause, fail } from '../src-main/contract/result';
import { createCashierI18n } from './i18n';
import { errorsEn } from './locales/errors-en';
import {
  codeRefusalText,
  errorText,
  noticeText,
  paymentReasonText,
  warningText,
} from './station-text';

const refusal = (r: ReturnType<typeof fail>) => (r.ok ? null : r.error)!;

describe('the station’s answers in the window’s language', () => {
  it('has a sentence for every reason the station gives', () => {
    for (const r of ERROR_REASONS) expect(Object.keys(errorsEn.error.reason)).toContain(r);
  });

  it('says a refusal by its reason in English and 简体中文, never the station’s English in Chinese', () => {
    const i18n = createCashierI18n('en');
    const region = refusal(
      failBecause('unavailable', 'region_missing', 'Draw the order region first (station words)'),
    );
    const date = refusal(
      failBecause('invalid_input', 'not_a_date', 'Not a date: 2026-02-31', { date: '2026-02-31' }),
    );
    // Without a reason: the station's English in English, the code's sentence in Chinese.
    const plain = refusal(fail('illegal_transition', 'Cannot cancel while the checkout is idle'));
    expect(errorText(i18n.t, region)).toBe(
      'Draw the order region first: press “Set order region”.',
    );
    expect(errorText(i18n.t, date)).toBe('“2026-02-31” is not a date.');
    expect(errorText(i18n.t, plain)).toBe('Cannot cancel while the checkout is idle');
    void i18n.changeLanguage('zh-CN');
    expect(errorText(i18n.t, region)).toBe('请先框选订单区域：点击“设置订单区域”。');
    expect(errorText(i18n.t, date)).toBe('“2026-02-31”不是日期。');
    expect(errorText(i18n.t, plain)).toBe('现在不能这样做。');
  });

  it('says the order checks’ warnings with their values in both languages', () => {
    const [line, total] = checkOrderArithmetic({
      currency: 'CNY',
      lines: [{ id: 'a', name: 'Rice', quantity: '2', unitPrice: 3270, amount: 6400 }],
      adjustments: [],
      total: 6540,
    });
    const i18n = createCashierI18n('en');
    expect(warningText(i18n.t, line!)).toBe(
      'Line 1 (Rice): 2 × 32.70 = 65.40, but the amount reads 64.00',
    );
    void i18n.changeLanguage('zh-CN');
    expect(warningText(i18n.t, line!)).toBe('第 1 行（Rice）：2 × 32.70 = 65.40，但金额读作 64.00');
    expect(warningText(i18n.t, total!)).toBe('各行与调整合计 64.00，但总计读作 65.40');
    // An OCR warning without values: its code's sentence, or a generic one.
    expect(warningText(i18n.t, { code: 'low_confidence', message: 'Line 2 price: 62%' })).toBe(
      '识别可信度低：请对照收银机屏幕核对',
    );
    expect(warningText(i18n.t, { code: 'new_kind', message: 'Something odd' })).toBe(
      '请对照收银机屏幕核对',
    );
  });

  it('says the station’s notes on the checkout in Chinese by their code, in English with its detail', () => {
    const i18n = createCashierI18n('en');
    const refused = {
      code: 'code_refused',
      text: 'That code cannot pay: a WeChat Pay code has 18 digits, this one has 14',
    };
    expect(noticeText(i18n.t, refused)).toBe(refused.text);
    const declined = {
      code: 'payment_failed',
      text: 'The last payment did not go through (unknown_code)',
      reason: 'unknown_code',
    };
    expect(noticeText(i18n.t, declined)).toBe(
      'The last payment did not go through: The payment system did not recognise the code. Ask the customer to scan a fresh one.',
    );
    void i18n.changeLanguage('zh-CN');
    expect(noticeText(i18n.t, refused)).toBe('此码无法支付，请顾客在钱包应用中出示付款码。');
    expect(noticeText(i18n.t, { code: 'something_new', text: 'x' })).toBe(
      '收银站对这笔结账有一条提示。',
    );
    expect(codeRefusalText(i18n.t, 'a payment code has digits only')).not.toMatch(/digits/);
  });

  it('turns a payment system’s raw reason into a sentence, keeping an unknown code for support', () => {
    const i18n = createCashierI18n('zh-CN');
    expect(paymentReasonText(i18n.t, 'failed', 'unknown_code: no such code')).not.toMatch(
      /unknown_code/,
    );
    void i18n.changeLanguage('en');
    expect(paymentReasonText(i18n.t, 'failed', 'proxy_not_approved')).toBe(
      'The payment failed. Ask for another method; the details are in History. (proxy_not_approved)',
    );
    expect(paymentReasonText(i18n.t, 'failed', 'code_already_used')).toMatch(/already used/);
  });
});
