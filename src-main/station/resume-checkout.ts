import type { CheckoutService } from '../checkout/checkout-service';
import { isFinalState } from '../ledger/types';
import type { PaymentsFeature } from './setup-payments';

/**
 * Goes on with a checkout that a restart found authorizing. The ledger says what became of its
 * payment: a final attempt ends the checkout now; an open one is resumed by the orchestrator as
 * soon as the payment system answers (and ends it then); none means the station stopped before
 * anything was sent, so nothing was charged.
 */
export function resumeCheckout(checkout: CheckoutService, payments: PaymentsFeature): void {
  const s = checkout.snapshot();
  // Stopped while refunding a cancelled split's parts: finish (parts already refunded are skipped).
  if (s.phase === 'cancelled' && s.notice?.code === 'refunding_parts' && s.split)
    return payments.flow.resumeRefunds(s.split.paid);
  if (s.phase !== 'authorizing' || !s.order) return;
  // Parts already counted (a split payment) are not this payment.
  const counted = new Set(s.split?.paid.map((p) => p.attemptId));
  const attempts = payments.ledger.attemptsForOrder(s.order.id).filter((a) => !counted.has(a.id));
  const paid = attempts.find((a) => a.state === 'paid');
  const latest = paid ?? attempts.at(-1);
  if (!latest) {
    checkout.apply({
      type: 'payment_finished',
      outcome: 'failed',
      attemptId: null,
      amount: 0,
      reason: 'The station restarted before this payment was sent; nothing was charged',
    });
    return;
  }
  if (isFinalState(latest.state)) {
    checkout.apply({
      type: 'payment_finished',
      outcome: latest.state as 'paid' | 'failed' | 'reversed',
      attemptId: latest.id,
      amount: latest.amount,
      reason: latest.reason ?? null,
    });
    return;
  }
  payments.flow.resumeAuthorizing(s.order.id);
}
