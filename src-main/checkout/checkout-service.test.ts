import { describe, expect, it } from 'vitest';
import type { Order } from '../contract/order';
import type { TimerClock } from '../lib/clock';
import { createCheckoutService } from './checkout-service';

/** A clock the test moves by hand; timers fire in order as time passes. */
function manualClock(start = 1_000): TimerClock & { advance(ms: number): void } {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = ++seq;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(h) {
      timers.delete(h as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
  };
}

const order: Order = {
  id: 'o1',
  currency: 'CNY',
  lines: [{ id: 'l1', name: 'Tea', quantity: '1', unitPrice: 500, amount: 500 }],
  adjustments: [],
  total: 500,
  source: 'manual',
  warnings: [],
};

describe('checkout service', () => {
  it('moves from confirmed to the method choice by itself and tells subscribers', () => {
    const clock = manualClock();
    const svc = createCheckoutService({
      clock,
      methods: ['code', 'face'],
      inactivityMs: 60_000,
      resultMs: 5_000,
    });
    const phases: string[] = [];
    svc.subscribe((s) => phases.push(s.phase));
    svc.apply({ type: 'order_submitted', order });
    svc.apply({ type: 'sent', revision: svc.snapshot().revision, acceptWarnings: false });
    const r = svc.apply({ type: 'confirmed', revision: svc.snapshot().revision });
    expect(r).toMatchObject({ ok: true, value: { phase: 'choosing_method' } });
    expect(phases).toEqual(['review', 'awaiting_confirmation', 'confirmed', 'choosing_method']);
  });

  it('cancels when the customer leaves the order untouched, but not while they keep touching', () => {
    const clock = manualClock();
    const svc = createCheckoutService({
      clock,
      methods: ['code'],
      inactivityMs: 60_000,
      resultMs: 5_000,
    });
    svc.apply({ type: 'order_submitted', order });
    svc.apply({ type: 'sent', revision: svc.snapshot().revision, acceptWarnings: false });
    clock.advance(50_000);
    svc.apply({ type: 'customer_activity' });
    clock.advance(50_000);
    expect(svc.snapshot().phase).toBe('awaiting_confirmation');
    clock.advance(10_001);
    expect(svc.snapshot()).toMatchObject({
      phase: 'cancelled',
      notice: { code: 'customer_timeout' },
    });
  });

  it('returns to idle a while after a payment is paid', () => {
    const clock = manualClock();
    const svc = createCheckoutService({
      clock,
      methods: ['code'],
      inactivityMs: 60_000,
      resultMs: 5_000,
    });
    svc.apply({ type: 'order_submitted', order });
    svc.apply({ type: 'sent', revision: svc.snapshot().revision, acceptWarnings: false });
    svc.apply({ type: 'confirmed', revision: svc.snapshot().revision });
    svc.apply({ type: 'credential_received', platform: 'wechat' });
    svc.apply({
      type: 'payment_finished',
      outcome: 'paid',
      attemptId: 'p1',
      reason: null,
      amount: order.total,
    });
    clock.advance(4_999);
    expect(svc.snapshot().phase).toBe('paid');
    clock.advance(1);
    expect(svc.snapshot().phase).toBe('idle');
  });

  it('after a decline the customer keeps the whole inactivity time to pay again, then the checkout is given back', () => {
    const clock = manualClock();
    const svc = createCheckoutService({
      clock,
      methods: ['code', 'qr'],
      inactivityMs: 60_000,
      resultMs: 5_000,
    });
    svc.apply({ type: 'order_submitted', order });
    svc.apply({ type: 'sent', revision: svc.snapshot().revision, acceptWarnings: false });
    svc.apply({ type: 'confirmed', revision: svc.snapshot().revision });
    svc.apply({ type: 'method_chosen', method: 'code' });
    const decline = {
      type: 'payment_finished',
      outcome: 'failed',
      attemptId: 'p1',
      reason: 'code_already_used',
      amount: order.total,
    } as const;
    svc.apply({ type: 'credential_received', platform: 'wechat' });
    svc.apply(decline);
    // Not reset like a paid screen: the decline waits for the customer, who touches the screen.
    clock.advance(50_000);
    expect(svc.apply({ type: 'customer_activity' }).ok).toBe(true);
    clock.advance(50_000);
    expect(svc.snapshot()).toMatchObject({ phase: 'failed', order: { id: 'o1' } });
    // They pay again, the same order (no confirmation), and are declined once more...
    expect(svc.apply({ type: 'payment_retried' })).toMatchObject({
      ok: true,
      value: { phase: 'choosing_method', notice: { reason: 'code_already_used' } },
    });
    // The reason stays in view on the next try, until its credential.
    expect(svc.apply({ type: 'method_chosen', method: 'code' })).toMatchObject({
      ok: true,
      value: { notice: { code: 'payment_failed', reason: 'code_already_used' } },
    });
    expect(svc.apply({ type: 'credential_received', platform: 'wechat' })).toMatchObject({
      ok: true,
      value: { notice: null },
    });
    svc.apply({ ...decline, attemptId: 'p2' });
    // ...and walk away: the checkout is given back to the cashier as at any other step.
    clock.advance(60_001);
    expect(svc.snapshot()).toMatchObject({
      phase: 'cancelled',
      deadline: null,
      notice: { code: 'customer_timeout' },
      payment: { attemptId: 'p2', outcome: 'failed' },
    });
  });

  it('leaves the state untouched when an event is refused', () => {
    const svc = createCheckoutService({
      clock: manualClock(),
      methods: ['code'],
      inactivityMs: 1,
      resultMs: 1,
    });
    const before = svc.snapshot();
    expect(svc.apply({ type: 'confirmed', revision: 0 }).ok).toBe(false);
    expect(svc.snapshot()).toBe(before);
  });
});
