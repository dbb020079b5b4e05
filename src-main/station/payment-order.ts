import type { PaymentOrder } from '../contract/payments';
import type { Ledger } from '../ledger/open-ledger';

/**
 * The order behind a payment attempt as the ledger recorded it (lines and adjustments, in their
 * order), or null when the ledger has no such attempt. Read-only, from the ledger's own tables.
 */
export function paymentOrderFromLedger(ledger: Ledger, attemptId: string): PaymentOrder | null {
  const attempt = ledger.getAttempt(attemptId);
  if (!attempt) return null;
  const order = ledger.db
    .prepare<[string], { currency: string; total: number }>(
      'SELECT currency, total FROM orders WHERE id = ?',
    )
    .get(attempt.orderId);
  if (!order) return null;
  const lines = ledger.db
    .prepare<
      [string],
      { name: string; quantity: string; unit_price: number | null; amount: number }
    >(
      'SELECT name, quantity, unit_price, amount FROM order_lines WHERE order_id = ? ORDER BY position',
    )
    .all(attempt.orderId);
  const adjustments = ledger.db
    .prepare<[string], { label: string; amount: number }>(
      'SELECT label, amount FROM order_adjustments WHERE order_id = ? ORDER BY position',
    )
    .all(attempt.orderId);
  return {
    orderId: attempt.orderId,
    currency: order.currency,
    total: order.total,
    lines: lines.map((l) => ({
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      amount: l.amount,
    })),
    adjustments,
  };
}
