import { remainingOf, type CheckoutSnapshot, type PaymentProgress } from '../contract/checkout';
import { fail, type Result } from '../contract/result';
import type { CheckoutEvent, MachineContext } from './machine';
import { checkPart, withPaidPart } from './split';

type PaymentEvent = Extract<
  CheckoutEvent,
  {
    type:
      | 'part_set'
      | 'parts_refunded'
      | 'payment_retried'
      | 'credential_received'
      | 'payment_progress'
      | 'payment_finished';
  }
>;

/** The payment progress once a payment ended. */
const finished = (
  s: CheckoutSnapshot,
  e: Extract<CheckoutEvent, { type: 'payment_finished' }>,
): PaymentProgress => ({
  attemptId: e.attemptId,
  step: 'done',
  platform: s.payment?.platform ?? null,
  outcome: e.outcome,
  reason: e.reason,
});

/**
 * The machine's payment transitions (legality is checked by the machine first): the part to
 * pay next, a payment's progress and outcome (a paid part goes back to the method choice while
 * anything is left), paying another way after a failure, and refunded parts.
 */
export function paymentTransition(
  s: CheckoutSnapshot,
  e: PaymentEvent,
  ctx: MachineContext,
  next: (patch: Partial<CheckoutSnapshot>) => Result<CheckoutSnapshot>,
): Result<CheckoutSnapshot> {
  const customerDeadline = ctx.now + ctx.inactivityMs;
  switch (e.type) {
    case 'part_set': {
      const part = checkPart(s, e.amount);
      if (!part.ok) return part;
      return next({ split: { next: part.value, paid: s.split?.paid ?? [] } });
    }
    case 'parts_refunded':
      return next({
        split: null,
        notice: {
          code: e.failed > 0 ? 'parts_refund_failed' : 'parts_refunded',
          text:
            e.failed > 0
              ? `${e.refunded} paid part(s) refunded, ${e.failed} could not be: see payment history`
              : `${e.refunded} paid part(s) refunded`,
          at: ctx.now,
        },
      });
    case 'payment_retried': {
      if (!s.order) return fail('illegal_transition', 'There is no order to pay');
      const why = s.payment?.reason ?? s.payment?.outcome ?? 'failed';
      // The decline's reason goes with the customer to the method choice, as a terminal's does.
      const reason = s.payment?.reason ?? (s.payment?.outcome === 'reversed' ? 'reversed' : null);
      return next({
        phase: ctx.methods.length === 1 ? 'collecting_credential' : 'choosing_method',
        methods: ctx.methods,
        method: ctx.methods.length === 1 ? ctx.methods[0]! : null,
        payment: null,
        deadline: customerDeadline,
        notice: {
          code: 'payment_failed',
          text: `The last payment did not go through (${why})`,
          at: ctx.now,
          ...(reason ? { reason } : {}),
        },
      });
    }
    case 'credential_received':
      return next({
        phase: 'authorizing',
        deadline: null,
        payment: {
          attemptId: null,
          step: 'sending',
          platform: e.platform,
          outcome: null,
          reason: null,
        },
      });
    case 'payment_progress':
      return next({ payment: e.progress });
    case 'payment_finished': {
      if (e.outcome === 'paid' && s.order) {
        const split = withPaidPart(s, e);
        const left = remainingOf({ order: s.order, split });
        // A part paid: the rest is paid the same way, maybe with another credential.
        if (left > 0)
          return next({
            phase: ctx.methods.length === 1 ? 'collecting_credential' : 'choosing_method',
            method: ctx.methods.length === 1 ? ctx.methods[0]! : null,
            payment: null,
            split,
            deadline: customerDeadline,
            notice: { code: 'part_paid', text: `Part paid; ${left} left to pay`, at: ctx.now },
          });
        if (s.split) return next({ phase: 'paid', split, payment: finished(s, e) });
      }
      // A decline is not the end of the order: the customer's turn runs on (deadline) so they
      // can pay it another way without confirming it again; walking away times it out.
      return next({
        phase: e.outcome === 'paid' ? 'paid' : 'failed',
        payment: finished(s, e),
        deadline: e.outcome === 'paid' || !s.order ? null : customerDeadline,
      });
    }
  }
}
