// When each checkout event is legal: the one table the machine enforces and the windows and the
// station read (what to offer, when a screen read may replace the order). Derive, don't copy.
import { checkoutPhaseSchema, FINAL_PHASES, type CheckoutPhase } from './checkout';

/** The names of everything that can happen to a checkout (the machine's CheckoutEvent types). */
export type CheckoutEventName =
  | 'order_submitted'
  | 'sent'
  | 'confirmed'
  | 'disputed'
  | 'methods_offered'
  | 'method_chosen'
  | 'method_cleared'
  | 'payment_retried'
  | 'part_set'
  | 'parts_refunded'
  | 'customer_activity'
  | 'customer_timeout'
  | 'cancelled'
  | 'reopened'
  | 'reset'
  | 'notice'
  | 'credential_received'
  | 'payment_progress'
  | 'payment_finished';

/** Phases in which each event is legal. Anything else is refused with a message naming both. */
export const LEGAL_FROM: Record<CheckoutEventName, readonly CheckoutPhase[]> = {
  order_submitted: [
    'idle',
    'review',
    'awaiting_confirmation',
    'disputed',
    'paid',
    'failed',
    'cancelled',
  ],
  sent: ['review', 'disputed'],
  confirmed: ['awaiting_confirmation'],
  disputed: ['awaiting_confirmation'],
  methods_offered: ['confirmed'],
  method_chosen: ['choosing_method'],
  method_cleared: ['collecting_credential'],
  // A declined, expired or timed-out payment: the customer pays the same order another way.
  payment_retried: ['failed'],
  // How much the next payment charges, before its credential (a split payment's part).
  part_set: ['choosing_method', 'collecting_credential', 'failed'],
  // The paid parts of a cancelled checkout went back to the customer.
  parts_refunded: ['cancelled'],
  // After a declined payment the customer's turn runs on: they pay again or walk away.
  customer_activity: [
    'awaiting_confirmation',
    'choosing_method',
    'collecting_credential',
    'failed',
  ],
  customer_timeout: ['awaiting_confirmation', 'choosing_method', 'collecting_credential', 'failed'],
  // Not from authorizing: a payment in flight must end as paid, failed or reversed, never "cancelled".
  cancelled: [
    'review',
    'awaiting_confirmation',
    'disputed',
    'confirmed',
    'choosing_method',
    'collecting_credential',
    'failed',
  ],
  reopened: ['cancelled', 'failed'],
  reset: ['paid', 'failed', 'cancelled', 'review'],
  // A hint may show whatever the checkout is doing.
  notice: checkoutPhaseSchema.options,
  credential_received: ['collecting_credential'],
  payment_progress: ['authorizing'],
  payment_finished: ['authorizing'],
};

/** Whether the machine accepts `event` while the checkout is in `phase`. */
export function allows(event: CheckoutEventName, phase: CheckoutPhase): boolean {
  return LEGAL_FROM[event].includes(phase);
}

/** Whether a checkout has ended (paid, failed or cancelled). */
export function isFinal(phase: CheckoutPhase): boolean {
  return FINAL_PHASES.includes(phase);
}

/** Whether no checkout is under way: nothing started yet, or the last one ended. */
export function isAtRest(phase: CheckoutPhase): boolean {
  return phase === 'idle' || isFinal(phase);
}

/**
 * Phases the cashier's Cancel (button and Esc) is offered in: the machine accepts a cancel and
 * the checkout has not ended. Never while authorizing: a payment in flight must end on its own.
 */
export const CANCELLABLE_PHASES: readonly CheckoutPhase[] = LEGAL_FROM.cancelled.filter(
  (phase) => !isFinal(phase),
);

/** Phases the cashier may reopen an ended checkout from, to change the order. */
export const REOPENABLE_PHASES: readonly CheckoutPhase[] = LEGAL_FROM.reopened;

/**
 * Phases in which the cashier may edit the order: a new one (idle) and wherever the machine lets
 * the order be sent to the customer.
 */
export const EDITABLE_PHASES: readonly CheckoutPhase[] = ['idle', ...LEGAL_FROM.sent];

/**
 * Phases in which a screen read may put a new order in: the machine accepts an order and the
 * customer is not looking at one (the machine lets the cashier replace it then, a read must not).
 */
export const READABLE_PHASES: readonly CheckoutPhase[] = LEGAL_FROM.order_submitted.filter(
  (phase) => phase !== 'awaiting_confirmation',
);
