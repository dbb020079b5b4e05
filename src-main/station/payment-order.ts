import type { PaymentOrder } from '../contract/payments';
import type { Ledger } from '../ledger/open-ledger';
import { orderRecord } from '../ledger/order-record';

/**
 * The order behind a payment attempt as the ledger recorded it (lines and adjustments, in their
 * order), or null when the ledger has no such attempt. Read-only, from the ledger's own tables.
 */
export function paymentOrderFromLedger(ledger: Ledger, attemptId: string): PaymentOrder | null {
  const attempt = ledger.getAttempt(attemptId);
  return attempt ? orderRecord(ledger, attempt.orderId) : null;
}
