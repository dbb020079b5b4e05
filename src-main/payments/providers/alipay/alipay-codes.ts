/**
 * What Alipay's answer codes mean for an attempt, in one table (face-to-face payments):
 * 10000 success; 10003 waiting for the buyer (password): query; 20000 service unavailable, the
 * outcome is unknown: query; 40004 business failure, decided by sub_code; 40001/40002/40006/
 * 20001 our request was wrong: nothing was done. A sub_code not in the table is treated as
 * unknown (query), never as "not paid".
 */
export type AlipayMeaning =
  | { kind: 'paid' }
  | { kind: 'query' }
  | { kind: 'user_paying' }
  | { kind: 'failed'; reason: string }
  | { kind: 'refused' };

const failed = (reason: string): AlipayMeaning => ({ kind: 'failed', reason });

/** 40004 sub_codes of alipay.trade.pay. */
export const PAY_SUB_CODES: Readonly<Record<string, AlipayMeaning>> = {
  'ACQ.SYSTEM_ERROR': { kind: 'query' },
  'ACQ.TRADE_HAS_SUCCESS': { kind: 'query' },
  'ACQ.PAYMENT_AUTH_CODE_INVALID': failed('invalid_code'),
  'ACQ.BUYER_BALANCE_NOT_ENOUGH': failed('insufficient_funds'),
  'ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH': failed('insufficient_funds'),
  'ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR': failed('over_limit'),
  'ACQ.BUYER_PAYMENT_AMOUNT_MONTH_LIMIT_ERROR': failed('over_limit'),
  'ACQ.BEYOND_PAY_RESTRICTION': failed('over_limit'),
  'ACQ.BEYOND_PER_RECEIPT_RESTRICTION': failed('over_limit'),
  'ACQ.TRADE_HAS_CLOSE': failed('declined'),
  'ACQ.PAYMENT_FAIL': failed('declined'),
  'ACQ.PAYMENT_REQUEST_HAS_RISK': failed('declined'),
  'ACQ.ERROR_BALANCE_PAYMENT_DISABLE': failed('declined'),
  'ACQ.BUYER_ENABLE_STATUS_FORBID': failed('declined'),
  'ACQ.BUYER_SELLER_EQUAL': failed('declined'),
  'ACQ.TRADE_BUYER_NOT_MATCH': failed('declined'),
  'ACQ.PULL_MOBILE_CASHIER_FAIL': failed('declined'),
  'ACQ.MOBILE_PAYMENT_SWITCH_OFF': failed('declined'),
  'ACQ.INVALID_PARAMETER': { kind: 'refused' },
  'ACQ.ACCESS_FORBIDDEN': { kind: 'refused' },
  'ACQ.EXIST_FORBIDDEN_WORD': { kind: 'refused' },
  'ACQ.TOTAL_FEE_EXCEED': { kind: 'refused' },
  'ACQ.PARTNER_ERROR': { kind: 'refused' },
  'ACQ.CONTEXT_INCONSISTENT': { kind: 'refused' },
};

/** The meaning of an alipay.trade.pay answer's code and sub_code. */
export function payMeaning(code: string | undefined, subCode: string | undefined): AlipayMeaning {
  if (code === '10000') return { kind: 'paid' };
  if (code === '10003') return { kind: 'user_paying' };
  if (code === '40004') return PAY_SUB_CODES[subCode ?? ''] ?? { kind: 'query' };
  if (code === '40001' || code === '40002' || code === '40006' || code === '20001')
    return { kind: 'refused' };
  return { kind: 'query' };
}

/** alipay.trade.query trade_status → payment status. */
export const ALIPAY_TRADE_STATUS: Readonly<Record<string, 'paid' | 'user_paying' | 'failed'>> = {
  WAIT_BUYER_PAY: 'user_paying',
  TRADE_SUCCESS: 'paid',
  TRADE_FINISHED: 'paid',
  // Closed unpaid, cancelled, or refunded in full after payment (then the ledger is final already).
  TRADE_CLOSED: 'failed',
};

/** Refund sub_codes after which the same out_request_no must be sent again. */
export const REFUND_RETRY_SUB = new Set([
  'ACQ.SYSTEM_ERROR',
  'ACQ.REFUND_FEE_ERROR_TEMP',
  'aop.ACQ.SYSTEM_ERROR',
]);
