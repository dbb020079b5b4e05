import type { CheckoutPhase } from '../src-main/contract/checkout';

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
