import type Database from 'better-sqlite3';
import { toCsv } from '../src-main/lib/csv';

/**
 * The merchant's daily statement as CSV: every payment that became paid or reversed that
 * local day (with its final status) and every refund made that day.
 */
export function statementCsv(db: Database.Database, merchantId: string, day: string): string {
  const payments = db
    .prepare(
      `SELECT merchant_order_no, payment_id, amount, currency, platform, status, done_at FROM payments
       WHERE merchant_id = ? AND done_day = ? AND status IN ('paid', 'reversed') AND amount IS NOT NULL
       ORDER BY done_at`,
    )
    .all(merchantId, day) as {
    merchant_order_no: string;
    payment_id: string;
    amount: number;
    currency: string;
    platform: string | null;
    status: string;
    done_at: number;
  }[];
  const refunds = db
    .prepare(
      `SELECT r.refund_no, r.merchant_order_no, r.amount, p.currency, p.platform, p.payment_id, r.created_at
       FROM refunds r JOIN payments p USING (merchant_id, merchant_order_no)
       WHERE r.merchant_id = ? AND r.day = ? ORDER BY r.created_at`,
    )
    .all(merchantId, day) as {
    refund_no: string;
    merchant_order_no: string;
    amount: number;
    currency: string;
    platform: string | null;
    payment_id: string;
    created_at: number;
  }[];
  return toCsv(
    [
      'type',
      'merchant_order_no',
      'refund_no',
      'payment_id',
      'amount',
      'currency',
      'platform',
      'status',
      'time',
    ],
    [
      ...payments.map((p) => [
        'payment',
        p.merchant_order_no,
        '',
        p.payment_id,
        p.amount,
        p.currency,
        p.platform,
        p.status,
        new Date(p.done_at).toISOString(),
      ]),
      ...refunds.map((r) => [
        'refund',
        r.merchant_order_no,
        r.refund_no,
        r.payment_id,
        r.amount,
        r.currency,
        r.platform,
        'succeeded',
        new Date(r.created_at).toISOString(),
      ]),
    ],
  );
}
