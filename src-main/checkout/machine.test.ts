import { describe, expect, it } from 'vitest';
import {
  checkoutPhaseSchema,
  type CheckoutPhase,
  type CheckoutSnapshot,
} from '../contract/checkout';
import type { Order } from '../contract/order';
import {
  LEGAL_FROM,
  initialSnapshot,
  transition,
  type CheckoutEvent,
  type MachineContext,
} from './machine';

const ctx: MachineContext = {
  now: 1_000_000,
  methods: ['code', 'face', 'proxy', 'qr'],
  inactivityMs: 90_000,
};

const order: Order = {
  id: 'o1',
  currency: 'CNY',
  lines: [
    { id: 'l1', name: 'Milk', quantity: '2', unitPrice: 650, amount: 1300 },
    { id: 'l2', name: 'Apples', quantity: '0.536', unitPrice: 1290, amount: 691 },
  ],
  adjustments: [{ id: 'a1', label: 'Discount', amount: -100 }],
  total: 1891,
  source: 'manual',
  warnings: [],
};

function inPhase(phase: CheckoutPhase, patch: Partial<CheckoutSnapshot> = {}): CheckoutSnapshot {
  return { ...initialSnapshot(0, ctx.methods), phase, order, revision: 5, deadline: 0, ...patch };
}

/** One event of each type, legal in content, so only the phase decides. */
const sample: Record<CheckoutEvent['type'], CheckoutEvent> = {
  order_submitted: { type: 'order_submitted', order },
  sent: { type: 'sent', revision: 5, acceptWarnings: false },
  confirmed: { type: 'confirmed', revision: 5 },
  disputed: { type: 'disputed', revision: 5, lineIds: ['l1'], adjustmentIds: [], note: '' },
  methods_offered: { type: 'methods_offered' },
  method_chosen: { type: 'method_chosen', method: 'code' },
  method_cleared: { type: 'method_cleared' },
  payment_retried: { type: 'payment_retried' },
  customer_activity: { type: 'customer_activity' },
  customer_timeout: { type: 'customer_timeout' },
  cancelled: { type: 'cancelled', by: 'cashier' },
  reopened: { type: 'reopened' },
  reset: { type: 'reset' },
  notice: { type: 'notice', code: 'scan_ignored', text: 'No payment is waiting for a code' },
  credential_received: { type: 'credential_received', platform: 'wechat' },
  payment_progress: {
    type: 'payment_progress',
    progress: {
      attemptId: 'p1',
      step: 'querying',
      platform: 'wechat',
      outcome: null,
      reason: null,
    },
  },
  payment_finished: {
    type: 'payment_finished',
    outcome: 'paid',
    attemptId: 'p1',
    reason: null,
    amount: 1891,
  },
  part_set: { type: 'part_set', amount: 1000 },
  parts_refunded: { type: 'parts_refunded', refunded: 2, failed: 0 },
};

describe('checkout machine: legality table', () => {
  const phases = checkoutPhaseSchema.options;
  for (const [type, legal] of Object.entries(LEGAL_FROM)) {
    for (const phase of phases) {
      const allowed = legal.includes(phase);
      it(`${type} from ${phase} is ${allowed ? 'accepted' : 'refused'}`, () => {
        const result = transition(inPhase(phase), sample[type as CheckoutEvent['type']], ctx);
        if (allowed) expect(result.ok).toBe(true);
        else {
          expect(result).toMatchObject({ ok: false, error: { code: 'illegal_transition' } });
          if (!result.ok) expect(result.error.message).toContain('Cannot');
        }
      });
    }
  }
});

describe('checkout machine: refusals say what was asked', () => {
  it('a cancel during a payment is refused in words a cashier can read', () => {
    const result = transition(inPhase('authorizing'), sample.cancelled, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'illegal_transition' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(
        /^Cannot cancel while the checkout is authorizing a payment \(allowed when in review, /,
      );
    }
  });
});

describe('checkout machine: the confirmation journey', () => {
  it('review → send → confirm → methods → choose', () => {
    let s = initialSnapshot(0, ctx.methods);
    const step = (e: CheckoutEvent) => {
      const r = transition(s, e, ctx);
      if (!r.ok) throw new Error(r.error.message);
      s = r.value;
      return s;
    };
    expect(step({ type: 'order_submitted', order }).phase).toBe('review');
    expect(step({ type: 'sent', revision: s.revision, acceptWarnings: false })).toMatchObject({
      phase: 'awaiting_confirmation',
      deadline: ctx.now + ctx.inactivityMs,
    });
    expect(step({ type: 'confirmed', revision: s.revision }).phase).toBe('confirmed');
    expect(step({ type: 'methods_offered' }).phase).toBe('choosing_method');
    expect(step({ type: 'method_chosen', method: 'face' })).toMatchObject({
      phase: 'collecting_credential',
      method: 'face',
    });
  });

  it('a dispute keeps the flags while the cashier fixes the order, and clears them on resend', () => {
    const disputed = transition(inPhase('awaiting_confirmation'), sample.disputed, ctx);
    expect(disputed).toMatchObject({
      ok: true,
      value: { phase: 'disputed', dispute: { lineIds: ['l1'] } },
    });
    if (!disputed.ok) return;
    const fixed = transition(
      disputed.value,
      { type: 'order_submitted', order: { ...order, total: 1891 } },
      ctx,
    );
    expect(fixed).toMatchObject({
      ok: true,
      value: { phase: 'review', dispute: { lineIds: ['l1'] } },
    });
    if (!fixed.ok) return;
    const resent = transition(
      fixed.value,
      { type: 'sent', revision: fixed.value.revision, acceptWarnings: false },
      ctx,
    );
    expect(resent).toMatchObject({
      ok: true,
      value: { phase: 'awaiting_confirmation', dispute: null },
    });
  });

  it('refuses a confirmation of an order the customer did not see', () => {
    const r = transition(inPhase('awaiting_confirmation'), { type: 'confirmed', revision: 4 }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'stale_revision' } });
  });

  it('refuses to flag lines that are not in the order', () => {
    const r = transition(
      inPhase('awaiting_confirmation'),
      { ...sample.disputed, lineIds: ['nope'] } as CheckoutEvent,
      ctx,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('an order with warnings needs the cashier to accept them', () => {
    const doubtful = {
      ...order,
      warnings: [{ code: 'total_mismatch', message: 'Lines add up to 18.91, total reads 19.91' }],
    };
    const s = inPhase('review', { order: doubtful });
    expect(transition(s, sample.sent, ctx)).toMatchObject({
      ok: false,
      error: { code: 'needs_review' },
    });
    expect(transition(s, { type: 'sent', revision: 5, acceptWarnings: true }, ctx)).toMatchObject({
      ok: true,
      value: { phase: 'awaiting_confirmation' },
    });
  });

  it('refuses to send an empty order or one with a zero total', () => {
    expect(
      transition(inPhase('review', { order: { ...order, lines: [] } }), sample.sent, ctx),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      transition(inPhase('review', { order: { ...order, total: 0 } }), sample.sent, ctx),
    ).toMatchObject({
      ok: false,
    });
  });

  it('goes straight to collecting when one method is enabled, and cancels when none is', () => {
    expect(
      transition(inPhase('confirmed'), sample.methods_offered, { ...ctx, methods: ['code'] }),
    ).toMatchObject({
      ok: true,
      value: { phase: 'collecting_credential', method: 'code' },
    });
    expect(
      transition(inPhase('confirmed'), sample.methods_offered, { ...ctx, methods: [] }),
    ).toMatchObject({
      ok: true,
      value: { phase: 'cancelled', notice: { code: 'no_methods' } },
    });
  });

  it('the customer can go back from a method to the choice, unless only one is offered', () => {
    expect(
      transition(inPhase('collecting_credential', { method: 'face' }), sample.method_cleared, ctx),
    ).toMatchObject({
      ok: true,
      value: { phase: 'choosing_method', method: null },
    });
    const single = inPhase('collecting_credential', { methods: ['code'], method: 'code' });
    expect(transition(single, sample.method_cleared, ctx)).toMatchObject({
      ok: false,
      error: { code: 'illegal_transition' },
    });
  });

  it('a failed payment offers the other methods for the same order, keeping why it failed', () => {
    const failed = inPhase('failed', {
      payment: {
        attemptId: 'p1',
        step: 'done',
        platform: null,
        outcome: 'failed',
        reason: 'proxy_declined',
      },
    });
    expect(transition(failed, sample.payment_retried, ctx)).toMatchObject({
      ok: true,
      value: {
        phase: 'choosing_method',
        order: { id: 'o1' },
        payment: null,
        method: null,
        deadline: ctx.now + ctx.inactivityMs,
        notice: { code: 'payment_failed', reason: 'proxy_declined' },
      },
    });
    // A reversal names itself, whatever the provider said; no reason, no field.
    const reversed = inPhase('failed', {
      payment: { attemptId: 'p1', step: 'done', platform: null, outcome: 'reversed', reason: null },
    });
    expect(transition(reversed, sample.payment_retried, ctx)).toMatchObject({
      ok: true,
      value: { notice: { reason: 'reversed' } },
    });
    const bare = transition(inPhase('failed', { payment: null }), sample.payment_retried, ctx);
    expect(bare.ok && bare.value.notice).not.toHaveProperty('reason');
    const single = inPhase('failed', { methods: ['qr'] });
    expect(transition(single, sample.payment_retried, { ...ctx, methods: ['qr'] })).toMatchObject({
      ok: true,
      value: { phase: 'collecting_credential', method: 'qr' },
    });
  });

  it('refuses a method that is not offered', () => {
    const s = inPhase('choosing_method', { methods: ['code'] });
    expect(transition(s, { type: 'method_chosen', method: 'face' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('checkout machine: time', () => {
  it('customer inactivity cancels only once the deadline has passed', () => {
    const s = inPhase('awaiting_confirmation', { deadline: ctx.now + 1 });
    expect(transition(s, sample.customer_timeout, ctx).ok).toBe(false);
    expect(transition(s, sample.customer_timeout, { ...ctx, now: ctx.now + 1 })).toMatchObject({
      ok: true,
      value: { phase: 'cancelled', notice: { code: 'customer_timeout' } },
    });
  });

  it('a notice shows a hint without changing the revision the customer confirms', () => {
    const r = transition(inPhase('awaiting_confirmation'), sample.notice, ctx);
    expect(r).toMatchObject({
      ok: true,
      value: { revision: 5, phase: 'awaiting_confirmation', notice: { code: 'scan_ignored' } },
    });
  });

  it('activity pushes the deadline without a new revision', () => {
    const r = transition(
      inPhase('choosing_method', { deadline: 1 }),
      sample.customer_activity,
      ctx,
    );
    expect(r).toMatchObject({
      ok: true,
      value: { deadline: ctx.now + ctx.inactivityMs, revision: 5 },
    });
  });

  it('cancel is refused while a payment is being authorized', () => {
    const r = transition(inPhase('authorizing'), sample.cancelled, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'illegal_transition' } });
    if (!r.ok) expect(r.error.message).toContain('authorizing a payment');
  });

  it('reopen brings a cancelled order back to review; reset forgets it', () => {
    expect(transition(inPhase('cancelled'), sample.reopened, ctx)).toMatchObject({
      ok: true,
      value: { phase: 'review', order },
    });
    expect(transition(inPhase('cancelled'), sample.reset, ctx)).toMatchObject({
      ok: true,
      value: { phase: 'idle', order: null, revision: 6 },
    });
  });

  it('a payment ends paid or failed, keeping the attempt and reason', () => {
    const s = inPhase('authorizing', {
      payment: {
        attemptId: null,
        step: 'sending',
        platform: 'alipay',
        outcome: null,
        reason: null,
      },
    });
    expect(
      transition(
        s,
        {
          type: 'payment_finished',
          outcome: 'reversed',
          attemptId: 'p9',
          reason: 'no answer',
          amount: 1891,
        },
        ctx,
      ),
    ).toMatchObject({
      ok: true,
      value: {
        phase: 'failed',
        payment: { outcome: 'reversed', attemptId: 'p9', platform: 'alipay', reason: 'no answer' },
        // The customer's turn runs on: they may pay the same order another way.
        deadline: ctx.now + ctx.inactivityMs,
      },
    });
    const paid = transition(s, sample.payment_finished, ctx);
    expect(paid).toMatchObject({ ok: true, value: { phase: 'paid', deadline: null } });
  });
});

describe('checkout machine: an order paid in parts', () => {
  const run = (s: CheckoutSnapshot, ...events: CheckoutEvent[]) =>
    events.reduce((cur, e) => {
      const r = transition(cur, e, ctx);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    }, s);
  const paidPart = (attemptId: string, amount: number): CheckoutEvent => ({
    type: 'payment_finished',
    outcome: 'paid',
    attemptId,
    reason: null,
    amount,
  });
  const choosing = inPhase('choosing_method');
  const collect: CheckoutEvent = { type: 'method_chosen', method: 'code' };
  const credential: CheckoutEvent = { type: 'credential_received', platform: 'wechat' };

  it('pays part by part; the order is paid only when the parts cover it', () => {
    let s = run(
      choosing,
      { type: 'part_set', amount: 700 },
      collect,
      credential,
      paidPart('p1', 700),
    );
    // The next part keeps its amount (equal parts) while less than what is left.
    expect(s).toMatchObject({
      phase: 'choosing_method',
      split: { next: 700, paid: [{ attemptId: 'p1', amount: 700, method: 'code' }] },
      notice: { code: 'part_paid' },
    });
    s = run(s, { type: 'part_set', amount: 700 }, collect, credential, {
      type: 'payment_finished',
      outcome: 'failed',
      attemptId: 'p2',
      reason: 'over_limit',
      amount: 700,
    });
    // A failed part leaves the paid ones, and the rest payable.
    expect(s).toMatchObject({ phase: 'failed', split: { paid: [{ attemptId: 'p1' }] } });
    s = run(s, { type: 'payment_retried' }, collect, credential, paidPart('p3', 1191));
    expect(s).toMatchObject({ phase: 'paid', split: { paid: [{}, { attemptId: 'p3' }] } });
  });

  it('refuses a part of nothing or more than is left; the whole rest clears the part', () => {
    const s = run(
      choosing,
      { type: 'part_set', amount: 1000 },
      collect,
      credential,
      paidPart('p1', 1000),
    );
    expect(transition(s, { type: 'part_set', amount: 892 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(transition(s, { type: 'part_set', amount: 0 }, ctx).ok).toBe(false);
    expect(transition(s, { type: 'part_set', amount: 891 }, ctx)).toMatchObject({
      ok: true,
      value: { split: { next: null } },
    });
  });

  it('keeps an order with paid parts until cancelling refunds them', () => {
    const s = run(
      choosing,
      { type: 'part_set', amount: 500 },
      collect,
      credential,
      paidPart('p1', 500),
    );
    for (const e of [sample.order_submitted, sample.reset] as CheckoutEvent[])
      expect(transition({ ...s, phase: 'failed' }, e, ctx)).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('cancel the checkout to refund') },
      });
    const cancelled = run(s, { type: 'cancelled', by: 'cashier' });
    expect(cancelled).toMatchObject({
      phase: 'cancelled',
      split: { paid: [{ attemptId: 'p1' }] },
      notice: { code: 'refunding_parts' },
    });
    expect(run(cancelled, { type: 'parts_refunded', refunded: 1, failed: 0 })).toMatchObject({
      split: null,
      notice: { code: 'parts_refunded' },
    });
  });
});
