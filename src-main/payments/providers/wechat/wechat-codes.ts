/**
 * What each documented WeChat Pay v2 err_code means for the attempt, in one table:
 * - query: the outcome is not known yet (USERPAYING waits for the password; SYSTEMERROR and
 *   BANKERROR may have charged): ask with orderquery, reverse at the deadline;
 * - failed: a definite refusal of the payer's payment, with the reason the windows explain;
 * - refused: our request was wrong (configuration, signature): nothing was done;
 * - reversed: the order number was already reversed.
 * A code not in the table is treated as query: never assume a payment did not happen.
 */
export type WechatCodeMeaning =
  | { kind: 'query' }
  | { kind: 'user_paying' }
  | { kind: 'failed'; reason: string }
  | { kind: 'refused' }
  | { kind: 'reversed' };

const failed = (reason: string): WechatCodeMeaning => ({ kind: 'failed', reason });
const refused: WechatCodeMeaning = { kind: 'refused' };
const query: WechatCodeMeaning = { kind: 'query' };

/** micropay err_code → meaning. */
export const MICROPAY_CODES: Readonly<Record<string, WechatCodeMeaning>> = {
  USERPAYING: { kind: 'user_paying' },
  SYSTEMERROR: query,
  BANKERROR: query,
  // The number was paid or used by an earlier request of ours: the query tells which.
  ORDERPAID: query,
  OUT_TRADE_NO_USED: query,
  ORDERREVERSED: { kind: 'reversed' },
  ORDERCLOSED: failed('declined'),
  AUTHCODEEXPIRE: failed('code_expired'),
  NOTENOUGH: failed('insufficient_funds'),
  NOTSUPORTCARD: failed('declined'),
  AUTH_CODE_ERROR: failed('invalid_code'),
  AUTH_CODE_INVALID: failed('invalid_code'),
  BUYER_MISMATCH: failed('declined'),
  TRADE_ERROR: failed('declined'),
  PARAM_ERROR: refused,
  NOAUTH: refused,
  XML_FORMAT_ERROR: refused,
  REQUIRE_POST_METHOD: refused,
  SIGNERROR: refused,
  LACK_PARAMS: refused,
  NOT_UTF8: refused,
  APPID_NOT_EXIST: refused,
  MCHID_NOT_EXIST: refused,
  APPID_MCHID_NOT_MATCH: refused,
  INVALID_REQUEST: refused,
};

/** orderquery trade_state → payment status (USERPAYING keeps querying; NOTPAY too, briefly). */
export const TRADE_STATES: Readonly<
  Record<string, 'paid' | 'user_paying' | 'failed' | 'reversed'>
> = {
  SUCCESS: 'paid',
  // Refunded in part or whole: the payment itself happened.
  REFUND: 'paid',
  USERPAYING: 'user_paying',
  NOTPAY: 'user_paying',
  ACCEPT: 'user_paying',
  CLOSED: 'failed',
  PAYERROR: 'failed',
  REVOKED: 'reversed',
};

/** Refund err_codes after which the same out_refund_no must be sent again. */
export const REFUND_RETRY = new Set([
  'SYSTEMERROR',
  'BIZERR_NEED_RETRY',
  'INVALID_REQ_TOO_MUCH',
  'FREQUENCY_LIMITED',
]);

/** The meaning of a micropay err_code, unknown codes included. */
export function micropayMeaning(errCode: string | undefined): WechatCodeMeaning {
  return (errCode && MICROPAY_CODES[errCode]) || query;
}
