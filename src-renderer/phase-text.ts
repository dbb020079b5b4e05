import type { CheckoutPhase } from '../src-main/contract/checkout';

/** What the cashier reads for each phase of the checkout. */
export const PHASE_TEXT: Record<CheckoutPhase, string> = {
  idle: 'Ready for a new order',
  review: 'Reviewing: not sent to the customer yet',
  awaiting_confirmation: 'The customer is checking the order',
  disputed: 'The customer flagged a problem',
  confirmed: 'The customer confirmed the order',
  choosing_method: 'The customer is choosing how to pay',
  collecting_credential: 'Waiting for the payment credential',
  authorizing: 'Authorizing the payment',
  paid: 'Paid',
  failed: 'Payment failed',
  cancelled: 'Cancelled',
};

/** Phases in which the cashier may edit and (re)submit the order. */
export const EDITABLE_PHASES: readonly CheckoutPhase[] = ['idle', 'review', 'disputed'];

/** Phases a cancel makes sense from: an order exists and the checkout has not ended. */
export const CANCELLABLE_PHASES: readonly CheckoutPhase[] = [
  'review',
  'awaiting_confirmation',
  'disputed',
  'confirmed',
  'choosing_method',
  'collecting_credential',
  'authorizing',
];
