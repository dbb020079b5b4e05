import type Database from 'better-sqlite3';
import { localDay } from '../src-main/lib/local-day';
import type { RefundAnswer, RefundRequest } from '../src-main/payment-api/api-schema';
import { AcquirerError, type PaymentRow } from './acquirer';

/**
 * Refunds: partial and repeated, never beyond the paid amount, idempotent by refund number.
 * Runs in one transaction, so money and the refund row move together.
 */
export function createRefund(
  db: Database.Database,
  deps: {
    now: () => number;
    getPayment: (merchantId: string, no: string) => PaymentRow | undefined;
    credit: (accountId: string, amount: number) => unknown;
  },
) {
  const { now, getPayment, credit } = deps;
  return db.transaction((merchantId: string, req: RefundRequest): RefundAnswer => {
    const p = getPayment(merchantId, req.merchantOrderNo);
    if (!p) throw new AcquirerError(404, 'not_found', `no payment ${req.merchantOrderNo}`);
    const prior = db
      .prepare('SELECT * FROM refunds WHERE merchant_id = ? AND refund_no = ?')
      .get(merchantId, req.refundNo) as { amount: number; merchant_order_no: string } | undefined;
    if (prior) {
      if (prior.amount !== req.amount || prior.merchant_order_no !== req.merchantOrderNo)
        throw new AcquirerError(
          409,
          'refund_conflict',
          `refund ${req.refundNo} exists with other details`,
        );
      return {
        refundNo: req.refundNo,
        merchantOrderNo: p.merchant_order_no,
        status: 'succeeded',
        amount: prior.amount,
        refundedTotal: p.refunded,
      };
    }
    if (p.status !== 'paid')
      throw new AcquirerError(409, 'not_paid', `payment ${req.merchantOrderNo} is ${p.status}`);
    if (p.refunded + req.amount > p.amount!)
      throw new AcquirerError(
        409,
        'refund_exceeds_paid',
        `refunding ${req.amount} would exceed the paid ${p.amount} (already refunded ${p.refunded})`,
      );
    const t = now();
    db.prepare('INSERT INTO refunds VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      merchantId,
      req.refundNo,
      req.merchantOrderNo,
      req.amount,
      req.reason,
      t,
      localDay(t),
    );
    db.prepare(
      'UPDATE payments SET refunded = refunded + ? WHERE merchant_id = ? AND merchant_order_no = ?',
    ).run(req.amount, merchantId, req.merchantOrderNo);
    credit(p.account_id!, req.amount);
    return {
      refundNo: req.refundNo,
      merchantOrderNo: req.merchantOrderNo,
      status: 'succeeded',
      amount: req.amount,
      refundedTotal: p.refunded + req.amount,
    };
  });
}
