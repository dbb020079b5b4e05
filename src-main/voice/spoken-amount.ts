import type { PaymentPlatform } from '../contract/payment-code';
import { currencyExponent } from '../contract/money';
import type { StoreLanguage } from '../printer/payment-names';
import { chineseInteger, englishInteger } from './number-words';

/** What the station says for one payment: the clips in order and the text a voice reads. */
export interface Utterance {
  language: StoreLanguage;
  /**
   * One entry per recorded clip a clip player would chain: the opening phrase (e.g.
   * "wechat_received"), then one clip per digit, place word or decimal point, then the unit.
   */
  clips: string[];
  /** The sentence for a speech engine, numbers already in words so every engine reads them alike. */
  text: string;
}

const OPENING: Record<StoreLanguage, Record<PaymentPlatform | 'other', string>> = {
  'zh-CN': { wechat: '微信收款', alipay: '支付宝收款', unionpay: '云闪付收款', other: '收款成功' },
  en: {
    wechat: 'WeChat Pay received',
    alipay: 'Alipay received',
    unionpay: 'UnionPay received',
    other: 'Payment received',
  },
};

const UNIT: Record<StoreLanguage, Record<string, string>> = {
  'zh-CN': { CNY: '元', USD: '美元', EUR: '欧元', HKD: '港币' },
  en: { CNY: 'yuan', USD: 'dollars', EUR: 'euros', HKD: 'Hong Kong dollars' },
};

/** The opening phrase's clip id: wechat_received, alipay_received, unionpay_received, received. */
const openingClip = (platform: PaymentPlatform | null) =>
  platform ? `${platform}_received` : 'received';

/**
 * What to say after a successful payment, e.g. 4826 fen by WeChat in Chinese:
 * 微信收款 四十八点二六元 (clips: wechat_received 四 十 八 点 二 六 元). Decimals are read digit by
 * digit after the point with trailing zeros dropped, as cashier boxes do: 10.00 → 十元,
 * 10.05 → 十点零五元, 1,000.10 → 一千点一元.
 */
export function spokenAmount(input: {
  amount: number;
  currency: string;
  platform: PaymentPlatform | null;
  language: StoreLanguage;
}): Utterance {
  const { amount, currency, language } = input;
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`not an amount: ${amount}`);
  const exp = currencyExponent(currency);
  const whole = Math.floor(amount / 10 ** exp);
  const fraction =
    exp === 0
      ? ''
      : String(amount % 10 ** exp)
          .padStart(exp, '0')
          .replace(/0+$/, '');
  const zh = language === 'zh-CN';
  const digits = [...fraction].map((d) =>
    zh ? '零一二三四五六七八九'[Number(d)]! : englishInteger(Number(d))[0]!,
  );
  const number = [
    ...(zh ? chineseInteger(whole) : englishInteger(whole)),
    ...(digits.length > 0 ? [zh ? '点' : 'point', ...digits] : []),
  ];
  const unit = UNIT[language][currency];
  const opening = OPENING[language][input.platform ?? 'other'];
  const clips = [openingClip(input.platform), ...number, ...(unit ? [unit] : [])];
  const said = zh ? number.join('') + (unit ?? '') : [...number, ...(unit ? [unit] : [])].join(' ');
  return { language, clips, text: `${opening} ${said}` };
}
