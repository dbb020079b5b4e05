import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type WechatSignType = 'MD5' | 'HMAC-SHA256';

/**
 * The merchant API v2 signature: parameters with non-empty values except `sign`, sorted by
 * name (ASCII), joined as k=v with &, then `&key=API_KEY`; MD5 or HMAC-SHA256 (keyed with the
 * API key), upper-case hex.
 */
export function wechatSign(
  params: Record<string, string | undefined>,
  key: string,
  signType: WechatSignType,
): string {
  const text = `${signingString(params)}&key=${key}`;
  const digest =
    signType === 'MD5'
      ? createHash('md5').update(text, 'utf8')
      : createHmac('sha256', key).update(text, 'utf8');
  return digest.digest('hex').toUpperCase();
}

/** stringA of the documentation: what is signed, before the key. */
export function signingString(params: Record<string, string | undefined>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

/**
 * Checks an answer's signature. The answer's own sign_type decides the algorithm when present
 * (WeChat echoes the request's); otherwise the one we asked with.
 */
export function wechatVerify(
  params: Record<string, string>,
  key: string,
  requested: WechatSignType,
): boolean {
  const given = params.sign;
  if (!given) return false;
  const type =
    params.sign_type === 'MD5' || params.sign_type === 'HMAC-SHA256' ? params.sign_type : requested;
  const want = Buffer.from(wechatSign(params, key, type));
  const got = Buffer.from(given.toUpperCase());
  return want.length === got.length && timingSafeEqual(want, got);
}
