import type { CheckoutSnapshot } from '../contract/checkout';
import type { PaymentMethod } from '../contract/credential';
import type { Result } from '../contract/result';
import { systemClock, type TimerClock } from '../lib/clock';
import { initialSnapshot, transition, type CheckoutEvent } from './machine';

export interface CheckoutServiceOptions {
  clock?: TimerClock;
  methods: PaymentMethod[];
  inactivityMs: number;
  /** How long a paid checkout stays on screen before the station returns to idle. */
  resultMs: number;
  /** The checkout a restart restored (see station/checkout-state.ts) instead of idle. */
  initial?: CheckoutSnapshot;
}

export type SnapshotListener = (snapshot: CheckoutSnapshot, event: CheckoutEvent) => void;

export interface CheckoutService {
  snapshot(): CheckoutSnapshot;
  apply(event: CheckoutEvent): Result<CheckoutSnapshot>;
  subscribe(listener: SnapshotListener): () => void;
  close(): void;
}

/**
 * Holds the one checkout of the station: applies events through the pure machine, tells
 * subscribers about every change, and runs the timers the machine asks for (customer inactivity,
 * the paid screen returning to idle, the automatic step from confirmed to the method choice).
 */
export function createCheckoutService(options: CheckoutServiceOptions): CheckoutService {
  const clock = options.clock ?? systemClock;
  let state = options.initial ?? initialSnapshot(clock.now(), options.methods);
  const listeners = new Set<SnapshotListener>();
  let timer: unknown = null;
  let closed = false;

  const context = () => ({
    now: clock.now(),
    methods: options.methods,
    inactivityMs: options.inactivityMs,
  });

  const schedule = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    if (closed) return;
    if (state.deadline !== null) {
      const deadline = state.deadline;
      timer = clock.setTimeout(
        () => {
          timer = null;
          if (state.deadline === deadline) apply({ type: 'customer_timeout' });
        },
        Math.max(0, deadline - clock.now()),
      );
    } else if (state.phase === 'paid') {
      const revision = state.revision;
      timer = clock.setTimeout(() => {
        timer = null;
        if (state.revision === revision) apply({ type: 'reset' });
      }, options.resultMs);
    }
  };

  function apply(event: CheckoutEvent): Result<CheckoutSnapshot> {
    const result = transition(state, event, context());
    if (!result.ok) return result;
    const changed = result.value !== state;
    state = result.value;
    schedule();
    if (changed) for (const l of listeners) l(state, event);
    // "Confirmed" is the decision point for how to pay; the station takes it at once.
    if (state.phase === 'confirmed') return apply({ type: 'methods_offered' });
    return { ok: true, value: state };
  }

  // A restored checkout's customer deadline or paid screen runs on from here.
  schedule();
  return {
    snapshot: () => state,
    apply,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      if (timer !== null) clock.clearTimeout(timer);
      listeners.clear();
    },
  };
}
