import { z } from 'zod';

/** Payment platforms a customer's payment code can belong to. */
export const paymentPlatformSchema = z.enum(['wechat', 'alipay', 'unionpay']);
export type PaymentPlatform = z.infer<typeof paymentPlatformSchema>;

export type PaymentCodeResult =
  | { valid: true; code: string; platform: PaymentPlatform }
  | { valid: false; code: string; platform: null; error: string };

/** Longest input we even look at; anything longer is refused without echoing it all. */
const MAX_INPUT = 64;

/**
 * Classifies a scanned payment code. Scanner suffixes (CR, LF, Tab) and surrounding whitespace
 * are trimmed; then WeChat Pay: 18 digits starting 10–15; Alipay: 16–24 digits starting 25–30;
 * UnionPay: 19 digits starting 62. Anything else is refused with a reason, before any network call.
 */
export function classifyPaymentCode(input: string): PaymentCodeResult {
  if (typeof input !== 'string')
    return { valid: false, code: '', platform: null, error: 'the code is not text' };
  if (input.length > MAX_INPUT * 2) {
    return {
      valid: false,
      code: '',
      platform: null,
      error: `the code is too long (${input.length} characters)`,
    };
  }
  const code = input.replace(/^[\s\r\n\t]+|[\s\r\n\t]+$/g, '');
  if (code.length === 0) return { valid: false, code, platform: null, error: 'the code is empty' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(code)) {
    return { valid: false, code, platform: null, error: 'the code contains control characters' };
  }
  if (!/^\d+$/.test(code))
    return { valid: false, code, platform: null, error: 'a payment code has digits only' };
  const prefix = Number(code.slice(0, 2));
  if (prefix >= 10 && prefix <= 15) {
    return code.length === 18
      ? { valid: true, code, platform: 'wechat' }
      : {
          valid: false,
          code,
          platform: null,
          error: `a WeChat Pay code has 18 digits, this one has ${code.length}`,
        };
  }
  if (prefix >= 25 && prefix <= 30) {
    return code.length >= 16 && code.length <= 24
      ? { valid: true, code, platform: 'alipay' }
      : {
          valid: false,
          code,
          platform: null,
          error: `an Alipay code has 16–24 digits, this one has ${code.length}`,
        };
  }
  if (prefix === 62) {
    return code.length === 19
      ? { valid: true, code, platform: 'unionpay' }
      : {
          valid: false,
          code,
          platform: null,
          error: `a UnionPay code has 19 digits, this one has ${code.length}`,
        };
  }
  return {
    valid: false,
    code,
    platform: null,
    error: `no payment platform uses codes starting ${code.slice(0, 2)}`,
  };
}
