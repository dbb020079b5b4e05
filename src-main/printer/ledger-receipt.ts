import type { Ledger } from '../ledger/open-ledger';
import { orderRecord } from '../ledger/order-record';
import { createShiftStore } from '../ledger/shift-store';
import type { ReceiptData } from './receipt';

/** Store details a receipt carries. */
export interface ReceiptStore {
  name: string;
  message: string;
}

/**
 * The receipt for a paid attempt (or one of its refunds) as the ledger recorded it: order lines,
 * adjustments, amounts, wallet and reference. Null when the ledger has no such payment, or the
 * payment is not paid (nothing to give a receipt for). Money comes from the ledger only. The
 * cashier is the one whose shift took the payment (or the refund), when one was signed in.
 */
export function receiptFromLedger(
  ledger: Ledger,
  store: ReceiptStore,
  ids: { attemptId: string; refundId?: string },
): ReceiptData | null {
  const attempt = ledger.getAttempt(ids.attemptId);
  if (!attempt || attempt.state !== 'paid') return null;
  const refund = ids.refundId ? ledger.getRefund(ids.refundId) : null;
  if (ids.refundId && (!refund || refund.attemptId !== attempt.id || refund.state !== 'succeeded'))
    return null;
  const order = orderRecord(ledger, attempt.orderId);
  if (!order) return null;
  const shiftId = refund
    ? ((
        ledger.db
          .prepare('SELECT shift_id FROM refund_shifts WHERE refund_id = ?')
          .get(refund.id) as { shift_id: string } | undefined
      )?.shift_id ?? null)
    : attempt.shift;
  const cashier = shiftId ? (createShiftStore(ledger.db).get(shiftId)?.cashierName ?? null) : null;
  return {
    kind: refund ? 'refund' : 'payment',
    storeName: store.name,
    storeMessage: store.message,
    orderId: attempt.orderId,
    lines: order.lines,
    adjustments: order.adjustments,
    orderTotal: order.total,
    amount: refund ? refund.amount : attempt.amount,
    currency: attempt.currency,
    method: attempt.method,
    platform: attempt.platform,
    reference: attempt.providerRef ?? attempt.id,
    ...(refund ? { refundId: refund.id } : {}),
    at: refund ? refund.stateAt : attempt.stateAt,
    cashier,
  };
}
