/**
 * English for what the station answers: refusals by reason (contract ERROR_REASONS) or, without
 * one, by error code; order warnings by code; and the payments and HQ states.
 */
export const errorsEn = {
  error: {
    reason: {
      not_a_date: '“{{date}}” is not a date.',
      ledger_tampered:
        'The ledger file fails its check: someone changed it outside Countersign. Call support; no figures are shown until it is looked at.',
      reconcile_failed:
        'The payment system’s statement could not be fetched. Try again in a minute.',
      region_missing: 'Draw the order region first: press “Set order region”.',
      order_with_customer:
        'The customer is looking at an order: cancel it (Esc) before reading a new one.',
      pin_limit: 'Too many wrong PINs: wait a minute and try again.',
      wrong_pin: 'Wrong cashier or PIN.',
      no_such_display: 'That display is no longer paired.',
      no_payment_waiting: 'No payment is waiting for a code right now.',
      wrong_method: 'The customer chose another way to pay; this credential cannot pay for it.',
      payments_unavailable:
        'Payments are unavailable right now; the station keeps retrying. Try again shortly.',
      unknown_order: 'The ledger has no such order.',
      order_conflict: 'Another order was recorded under the same number.',
      already_paid: 'This order is already paid.',
      attempt_open: 'A payment for this order is still under way.',
      unknown_attempt: 'The ledger has no such payment.',
      not_paid: 'Only a paid payment can be refunded.',
      refund_exceeds_paid: 'That is more than is left to refund on this payment.',
      invalid: 'The ledger refused the request as invalid.',
      refund_pending:
        'The payment system has not answered the refund yet; it is sent again at the next start.',
      refund_refused: 'The payment system refused the refund.',
      cashier_invalid: 'A cashier needs a name of 1 to 40 characters and a PIN of 4 to 8 digits.',
      manager_pin_needed: 'A store manager’s PIN is needed to add a cashier.',
      cashier_exists: 'There is already a cashier of that name.',
      shift_open: 'Another cashier’s shift is still open: close it first.',
      no_shift: 'No shift is open.',
      no_such_shift: 'There is no shift {{shiftId}}.',
    },
    code: {
      invalid_input: 'The station could not accept this request.',
      unknown_command: 'This window and the station are different versions: reload the window.',
      forbidden: 'This window may not do that.',
      illegal_transition: 'That cannot be done right now.',
      stale_revision: 'The order changed meanwhile: look at it again.',
      needs_review: 'The order has warnings to fix or accept first.',
      not_paired: 'This display is not paired.',
      message_too_large: 'The request is too large.',
      malformed_message: 'The station could not read the request.',
      unavailable: 'The station cannot do that right now. Try again shortly.',
      internal: 'The station hit an error; it is in the station log.',
    },
    details: 'Details',
  },
  /** What the station noted on the checkout (a scan ignored, a refused code …), by its code. */
  notice: {
    payment_busy: 'A payment is already being authorized for this order.',
    scan_refused_busy: 'A payment is already being authorized; that scan was not used.',
    scan_ignored: 'Scan ignored: no payment is waiting for a payment code.',
    code_refused:
      'That code cannot pay. Ask the customer to show the payment code in the wallet app.',
    payments_unavailable: 'Payments are unavailable right now; the station keeps retrying.',
    ledger_unavailable: 'The ledger cannot be written (is the disk full?): no payment starts.',
    capture_failed: 'The POS screen could not be captured. Check the order region and try again.',
    payment_failed: 'The last payment did not go through: {{reason}}',
    customer_disputed: 'The customer says something is wrong.',
    no_methods: 'No payment method is enabled at this station.',
    customer_timeout: 'The customer did not respond in time.',
    cancelled_by_cashier: 'Cancelled by the cashier.',
    cancelled_by_customer: 'Cancelled by the customer.',
    refunding_parts: 'Cancelled: the parts already paid are being refunded.',
    part_paid: 'Part paid; the rest is still to pay.',
    parts_refunded: 'The parts already paid were refunded.',
    parts_refund_failed: 'Some paid parts could not be refunded: see the payment history.',
    other: 'The station noted something about this checkout.',
  },
  warning: {
    line_arithmetic:
      'Line {{line}} ({{name}}): {{quantity}} × {{price}} = {{expected}}, but the amount reads {{amount}}',
    total_mismatch: 'Lines and adjustments add up to {{sum}}, but the total reads {{total}}',
    total_not_positive: 'The total must be greater than zero (reads {{total}})',
    low_confidence: 'Read with low confidence: check it against the POS screen',
    unreadable: 'Could not be read: type it from the POS screen',
    other: 'Check this against the POS screen',
  },
  paymentsDown: {
    title: 'Payments unavailable, retrying',
    connecting: 'the payment system has not answered yet.',
    unreachable: 'the payment system does not answer.',
    ledger_unwritable: 'the ledger cannot be written (is the disk full?); no payment starts.',
  },
  hqState: {
    starting: 'starting',
    synced: 'synced',
    retrying: 'HQ does not answer, retrying',
    refused: 'HQ refused this station',
    rejected: 'HQ rejected an entry',
    stopped: 'stopped',
  },
};
