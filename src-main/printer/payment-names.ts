import type { PaymentMethod } from '../contract/credential';
import type { PaymentPlatform } from '../contract/payment-code';

/** Languages the station prints and speaks in (the windows' languages). */
export type StoreLanguage = 'en' | 'zh-CN';

const PLATFORM: Record<PaymentPlatform, Record<StoreLanguage, string>> = {
  wechat: { en: 'WeChat Pay', 'zh-CN': '微信支付' },
  alipay: { en: 'Alipay', 'zh-CN': '支付宝' },
  unionpay: { en: 'UnionPay', 'zh-CN': '云闪付' },
};

const METHOD: Record<PaymentMethod, Record<StoreLanguage, string>> = {
  code: { en: 'Payment code', 'zh-CN': '付款码' },
  face: { en: 'Face', 'zh-CN': '刷脸' },
  proxy: { en: 'Proxy payment', 'zh-CN': '代付' },
  qr: { en: 'Merchant QR', 'zh-CN': '商家收款码' },
};

/** What a payment was made with, for paper and panels: the wallet when known, else the method. */
export function paymentName(
  method: PaymentMethod,
  platform: PaymentPlatform | null,
  language: StoreLanguage,
): string {
  return platform
    ? `${PLATFORM[platform][language]} (${METHOD[method][language]})`
    : METHOD[method][language];
}

/** The wallet's name alone (e.g. 支付宝), or null when the payment did not say. */
export function platformName(
  platform: PaymentPlatform | null,
  language: StoreLanguage,
): string | null {
  return platform ? PLATFORM[platform][language] : null;
}
