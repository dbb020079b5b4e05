import {
  type CheckoutPhase,
  type CheckoutSnapshot,
  type PaymentProgress,
} from '../contract/checkout';
import type { PaymentMethod } from '../contract/credential';
import type { Order } from '../contract/order';
import { LEGAL_FROM as LEGAL_FROM_TABLE, type CheckoutEventName } from '../contract/phase-rules';
import { fail, ok, type Result } from '../contract/result';
import { paymentTransition } from './payment-transitions';
import { hasPaidParts, partsBlock } from './split';

/** Everything that can happen to a checkout. Pure data: the machine decides what it means. */
export type CheckoutEvent =
  | { type: 'order_submitted'; order: Order }
  | { type: 'sent'; revision: number; acceptWarnings: boolean }
  | { type: 'confirmed'; revision: number }
  | { type: 'disputed'; revision: number; lineIds: string[]; adjustmentIds: string[]; note: string }
  | { type: 'methods_offered' }
  | { type: 'method_chosen'; method: PaymentMethod }
  | { type: 'method_cleared' }
  | { type: 'payment_retried' }
  | { type: 'part_set'; amount: number | null }
  | { type: 'parts_refunded'; refunded: number; failed: number }
  | { type: 'customer_activity' }
  | { type: 'customer_timeout' }
  | { type: 'cancelled'; by: 'cashier' | 'customer' | 'system'; reason?: string }
  | { type: 'reopened' }
  | { type: 'reset' }
  | { type: 'notice'; code: string; text: string }
  | { type: 'credential_received'; platform: PaymentProgress['platform'] }
  | { type: 'payment_progress'; progress: PaymentProgress }
  | {
      type: 'payment_finished';
      outcome: 'paid' | 'failed' | 'reversed';
      attemptId: string | null;
      reason: string | null;
      /** What this payment charged (a part, or the whole order). */
      amount: number;
    };

export type CheckoutEventType = CheckoutEvent['type'];

/** What the machine needs from outside: the time and the station's settings. */
export interface MachineContext {
  now: number;
  /** Payment methods enabled at this station, in display order. */
  methods: PaymentMethod[];
  /** How long the customer may leave a step untouched. */
  inactivityMs: number;
}

/** Phases in which each event is legal (the contract's table, checked against every event here). */
export const LEGAL_FROM: Record<CheckoutEventType, readonly CheckoutPhase[]> = LEGAL_FROM_TABLE;
// The table names exactly the machine's events: one missing or one extra fails the type-check.
const _sameEvents: [CheckoutEventType, CheckoutEventName] extends [
  CheckoutEventName,
  CheckoutEventType,
]
  ? true
  : never = true;

/** The checkout before any order. */
export function initialSnapshot(now: number, methods: PaymentMethod[] = []): CheckoutSnapshot {
  return {
    phase: 'idle',
    revision: 0,
    order: null,
    dispute: null,
    methods,
    method: null,
    payment: null,
    notice: null,
    deadline: null,
    updatedAt: now,
  };
}

const PHASE_WORDS: Record<CheckoutPhase, string> = {
  idle: 'idle',
  review: 'in review',
  awaiting_confirmation: 'waiting for the customer to confirm',
  disputed: 'disputed by the customer',
  confirmed: 'confirmed',
  choosing_method: 'waiting for the customer to choose a payment method',
  collecting_credential: 'collecting the payment credential',
  authorizing: 'authorizing a payment',
  paid: 'paid',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** What each event asks for, as the refusal says it ("Cannot cancel while …"). */
const EVENT_WORDS: Record<CheckoutEventType, string> = {
  order_submitted: 'submit an order',
  sent: 'send the order to the customer',
  confirmed: 'confirm the order',
  disputed: 'dispute the order',
  methods_offered: 'offer the payment methods',
  method_chosen: 'choose a payment method',
  method_cleared: 'go back to the payment methods',
  payment_retried: 'pay another way',
  part_set: 'set the amount of the next payment',
  parts_refunded: 'refund the paid parts',
  customer_activity: "note the customer's activity",
  customer_timeout: 'time out the customer',
  cancelled: 'cancel',
  reopened: 'reopen the order',
  reset: 'start a new order',
  notice: 'show a notice',
  credential_received: 'take a payment credential',
  payment_progress: 'report payment progress',
  payment_finished: 'finish a payment',
};

const illegal = (event: CheckoutEventType, phase: CheckoutPhase): Result<CheckoutSnapshot> =>
  fail(
    'illegal_transition',
    `Cannot ${EVENT_WORDS[event]} while the checkout is ${PHASE_WORDS[phase]}` +
      ` (allowed when ${LEGAL_FROM[event].map((p) => PHASE_WORDS[p]).join(', ') || 'never'})`,
  );

const stale = (s: CheckoutSnapshot, revision: number): Result<CheckoutSnapshot> | null =>
  revision === s.revision
    ? null
    : fail(
        'stale_revision',
        `The order changed (now revision ${s.revision}, you saw ${revision}); look at it again`,
      );

/**
 * The checkout state machine: the next snapshot after an event, or a clear refusal. Pure: time and
 * settings come in through the context, so every transition is a table test.
 */
export function transition(
  s: CheckoutSnapshot,
  e: CheckoutEvent,
  ctx: MachineContext,
): Result<CheckoutSnapshot> {
  if (!LEGAL_FROM[e.type].includes(s.phase)) return illegal(e.type, s.phase);
  const next = (patch: Partial<CheckoutSnapshot>): Result<CheckoutSnapshot> =>
    ok({ ...s, notice: null, ...patch, revision: s.revision + 1, updatedAt: ctx.now });
  const customerDeadline = ctx.now + ctx.inactivityMs;

  // Paid parts hold the order: it is neither replaced, edited nor dropped until they are refunded.
  if (
    (e.type === 'order_submitted' || e.type === 'reopened' || e.type === 'reset') &&
    hasPaidParts(s)
  )
    return partsBlock(s);

  switch (e.type) {
    case 'part_set':
    case 'parts_refunded':
    case 'payment_retried':
    case 'credential_received':
    case 'payment_progress':
    case 'payment_finished':
      return paymentTransition(s, e, ctx, next);
    case 'order_submitted': {
      // Keep the customer's flags while the cashier fixes a disputed order; a new order starts clean.
      const sameOrder =
        s.order?.id === e.order.id && (s.phase === 'disputed' || s.phase === 'review');
      return next({
        phase: 'review',
        order: e.order,
        dispute: sameOrder ? s.dispute : null,
        method: null,
        payment: null,
        deadline: null,
        methods: ctx.methods,
        split: null,
      });
    }
    case 'sent': {
      const st = stale(s, e.revision);
      if (st) return st;
      const order = s.order;
      if (!order) return fail('illegal_transition', 'There is no order to send');
      if (order.lines.length === 0 && order.source !== 'pole') {
        return fail(
          'invalid_input',
          'Add at least one line before sending the order to the customer',
        );
      }
      if (order.total <= 0) return fail('invalid_input', 'The total must be greater than zero');
      if (order.warnings.length > 0 && !e.acceptWarnings) {
        return fail(
          'needs_review',
          `The order has ${order.warnings.length} doubtful cell${order.warnings.length > 1 ? 's' : ''}: fix or accept them first`,
          order.warnings.map((w) => w.message),
        );
      }
      return next({ phase: 'awaiting_confirmation', dispute: null, deadline: customerDeadline });
    }
    case 'confirmed': {
      return stale(s, e.revision) ?? next({ phase: 'confirmed', deadline: null });
    }
    case 'disputed': {
      const st = stale(s, e.revision);
      if (st) return st;
      const lineIds = new Set(s.order?.lines.map((l) => l.id));
      const adjIds = new Set(s.order?.adjustments.map((a) => a.id));
      const unknown = [
        ...e.lineIds.filter((id) => !lineIds.has(id)),
        ...e.adjustmentIds.filter((id) => !adjIds.has(id)),
      ];
      if (unknown.length > 0)
        return fail('invalid_input', `No such line in this order: ${unknown.join(', ')}`);
      return next({
        phase: 'disputed',
        deadline: null,
        dispute: {
          lineIds: [...new Set(e.lineIds)],
          adjustmentIds: [...new Set(e.adjustmentIds)],
          note: e.note.trim(),
          at: ctx.now,
        },
        notice: {
          code: 'customer_disputed',
          text: 'The customer says something is wrong',
          at: ctx.now,
        },
      });
    }
    case 'methods_offered': {
      if (ctx.methods.length === 0) {
        return next({
          phase: 'cancelled',
          deadline: null,
          notice: {
            code: 'no_methods',
            text: 'No payment method is enabled at this station',
            at: ctx.now,
          },
        });
      }
      // One enabled method needs no choice: go straight to collecting it.
      if (ctx.methods.length === 1) {
        return next({
          phase: 'collecting_credential',
          methods: ctx.methods,
          method: ctx.methods[0]!,
          deadline: customerDeadline,
        });
      }
      return next({ phase: 'choosing_method', methods: ctx.methods, deadline: customerDeadline });
    }
    case 'method_chosen': {
      if (!s.methods.includes(e.method))
        return fail('invalid_input', `Payment by ${e.method} is not offered at this station`);
      // Why the last try was declined stays in view on the next one, until its credential.
      return next({
        phase: 'collecting_credential',
        method: e.method,
        deadline: customerDeadline,
        notice: s.notice?.code === 'payment_failed' ? s.notice : null,
      });
    }
    case 'method_cleared':
      // With one method there is nothing to go back to choose.
      if (s.methods.length < 2)
        return fail('illegal_transition', 'This station takes only one payment method');
      return next({ phase: 'choosing_method', method: null, deadline: customerDeadline });
    case 'customer_activity':
      // Not a change anyone needs to re-render for beyond the deadline: same revision.
      return ok({ ...s, deadline: customerDeadline });
    case 'customer_timeout': {
      if (s.deadline === null || ctx.now < s.deadline)
        return fail('illegal_transition', 'The customer still has time');
      return next({
        phase: 'cancelled',
        deadline: null,
        split: hasPaidParts(s) ? { next: null, paid: s.split!.paid } : null,
        notice: {
          code: hasPaidParts(s) ? 'refunding_parts' : 'customer_timeout',
          text: 'The customer did not respond in time',
          at: ctx.now,
        },
      });
    }
    case 'cancelled':
      // Paid parts stay listed until the station has refunded them (parts_refunded).
      return next({
        phase: 'cancelled',
        deadline: null,
        split: hasPaidParts(s) ? { next: null, paid: s.split!.paid } : null,
        notice: {
          code: hasPaidParts(s) ? 'refunding_parts' : `cancelled_by_${e.by}`,
          text: e.reason?.trim() || `Cancelled by the ${e.by}`,
          at: ctx.now,
        },
      });
    case 'reopened':
      if (!s.order) return fail('illegal_transition', 'There is no order to reopen');
      return next({ phase: 'review', deadline: null, method: null, payment: null });
    case 'notice':
      // A hint (e.g. "scan ignored") changes nothing the customer confirms: same revision.
      return ok({ ...s, notice: { code: e.code, text: e.text, at: ctx.now }, updatedAt: ctx.now });
    case 'reset':
      return next({ ...initialSnapshot(ctx.now, ctx.methods), revision: s.revision + 1 });
  }
}
