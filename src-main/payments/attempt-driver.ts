import type { Credential, PaymentAction } from '../contract/credential';
import type { Ledger } from '../ledger/open-ledger';
import { isFinalState, type Attempt, type AttemptState } from '../ledger/types';
import type { GoodsLine, PaymentAnswer } from '../payment-api/api-schema';
import type { SleepClock } from '../lib/clock';
import type { GatewayResult, PaymentGateway } from './gateway';

/** How one payment ended. `attemptId` is null when the station refused it before any attempt. */
export interface FinalOutcome {
  status: 'paid' | 'failed' | 'reversed';
  attemptId: string | null;
  orderId: string;
  amount: number;
  platform: Attempt['platform'];
  reason?: string;
  /** The order was already paid by an earlier attempt; nothing new was charged. */
  alreadyPaid?: boolean;
}

export type ProgressState = AttemptState;
export type ProgressListener = (
  attemptId: string,
  state: ProgressState,
  detail?: { reason?: string; action?: PaymentAction | null },
) => void;

/** The longest a payment waits on a proxy payer or a QR scan, whatever the provider says. */
const MAX_CUSTOMER_WAIT_MS = 10 * 60_000;
/** How long one notification request may be held open by the payment system. */
const NOTIFY_WAIT_MS = 20_000;

export interface DriverDeps {
  ledger: Ledger;
  clock: SleepClock;
  /**
   * This attempt's limits, read once when it starts: new limits (HQ) reach the next attempt,
   * never one under way. `timeoutMs` absent: each gateway's own request timeout.
   */
  timing: Readonly<{
    timeoutMs?: number;
    queryIntervalMs: number;
    deadlineMs: number;
    reverseRetryMs: number;
  }>;
  onProgress: ProgressListener;
  signal: AbortSignal;
}

/** Thrown into pending payments when the service closes; the attempt stays open for resume. */
export class ServiceClosedError extends Error {
  constructor() {
    super('the payment service was closed; the attempt will be resolved at next start-up');
  }
}

const outcomeOf = (a: Attempt, extra: Partial<FinalOutcome> = {}): FinalOutcome => ({
  status: a.state as FinalOutcome['status'],
  attemptId: a.id,
  orderId: a.orderId,
  amount: a.amount,
  platform: a.platform,
  ...(a.reason ? { reason: a.reason } : {}),
  ...extra,
});

/**
 * Drives one attempt to paid, failed or reversed. Every state change is appended to the ledger
 * BEFORE the next request leaves, so a crash at any point leaves enough to resume: send once;
 * on an uncertain answer query until the deadline; then reverse until the provider answers.
 */
export async function driveAttempt(
  deps: DriverDeps,
  gateway: PaymentGateway,
  start: Attempt,
  credential: Credential | null,
  goods?: GoodsLine[],
): Promise<FinalOutcome> {
  const { ledger, clock, signal } = deps;
  const timing = { ...deps.timing, ...gateway.timing };
  const call = timing.timeoutMs === undefined ? {} : { timeoutMs: timing.timeoutMs };
  let attempt = start;
  const move = (
    state: AttemptState,
    detail: { reason?: string; providerRef?: string; action?: PaymentAction | null } = {},
  ) => {
    if (attempt.state === state && !isFinalState(state)) return;
    const { action, ...recorded } = detail;
    const r = ledger.appendAttemptEvent(attempt.id, state, recorded);
    // Another process may have finished it first; its word stands.
    attempt = r.ok ? r.value : (ledger.getAttempt(attempt.id) ?? attempt);
    deps.onProgress(
      attempt.id,
      attempt.state,
      detail.reason || action ? { reason: detail.reason, action } : undefined,
    );
  };
  // A deliberate throw: a closing service unwinds the whole drive loop at once; the attempt
  // stays open in the ledger and is resumed at the next start.
  const checkOpen = () => {
    if (signal.aborted) throw new ServiceClosedError();
  };
  /** Applies a definite answer; true when the attempt is now final. */
  const apply = (a: PaymentAnswer): boolean => {
    // An answer about another order (a confused or hostile provider) settles nothing.
    if (a.merchantOrderNo !== attempt.id) return false;
    const ref = a.paymentId ?? undefined;
    if (a.status === 'paid') move('paid', { providerRef: ref });
    else if (a.status === 'failed')
      move('failed', { reason: a.reason ?? 'declined', providerRef: ref });
    else if (a.status === 'reversed')
      move('reversed', { reason: a.reason ?? 'reversed', providerRef: ref });
    else {
      const action = a.action ?? null;
      // A proxy payer or a QR scan takes as long as the provider allows, not our usual deadline.
      waitingOnPerson = action !== null && action.kind !== 'password';
      if (action && action.kind !== 'password' && action.until !== null)
        deadline = Math.max(
          deadline,
          Math.min(action.until + 2 * timing.queryIntervalMs, clock.now() + MAX_CUSTOMER_WAIT_MS),
        );
      move('user_paying', {
        reason: `waiting for the ${action?.kind ?? 'password'}`,
        providerRef: ref,
        action,
      });
    }
    return isFinalState(attempt.state);
  };
  // A fresh payment's deadline runs from the send on the service's clock; a resumed one's from
  // when the ledger wrote it (the earlier process's send may have been long ago).
  let waitingOnPerson = false;
  let deadline = (credential ? clock.now() : attempt.createdAt) + timing.deadlineMs;

  if (credential && attempt.state === 'created') {
    deps.onProgress(attempt.id, 'created');
    move('sending');
    const r = await gateway.pay(
      {
        merchantOrderNo: attempt.id,
        amount: attempt.amount,
        currency: attempt.currency,
        credential,
        ...(goods?.length ? { goods } : {}),
      },
      call,
    );
    if (r.kind === 'answer' && apply(r.value)) return outcomeOf(attempt);
    if (r.kind === 'refused') {
      move('failed', { reason: `${r.code}: ${r.message}` });
      return outcomeOf(attempt);
    }
    if (r.kind === 'unknown') move('querying', { reason: r.reason });
  } else if (attempt.state !== 'reversing') {
    // Resuming after a restart: ask at once what happened.
    checkOpen();
    const q = await gateway.query(attempt.id, call);
    if (q.kind === 'answer' && q.value && apply(q.value)) return outcomeOf(attempt);
    // Never heard of it: the request may still be on its way (or belong to another live
    // station process sharing this ledger), so wait out the deadline like any unknown answer.
    // The reversal after it leaves a tombstone, so a late request can never charge.
  }

  while (attempt.state !== 'reversing' && clock.now() < deadline) {
    // Waiting on a payer or a QR scan: where the payment system notifies, it answers the moment
    // they act. (A password wait keeps the provider's query rhythm: query, then reverse.)
    const left = deadline - clock.now();
    if (waitingOnPerson && attempt.state === 'user_paying' && gateway.awaitChange && left >= 50) {
      const n = await gateway.awaitChange(attempt.id, Math.min(NOTIFY_WAIT_MS, left), signal, call);
      checkOpen();
      if (n.kind === 'answer' && n.value && apply(n.value)) return outcomeOf(attempt);
      // Still waiting, or no notification (an error, a 404): ask as usual below, then listen
      // again; a provider that answers at once can never spin this loop.
    }
    // A person tapping on a phone is answered within a second, not a query interval later.
    const interval = waitingOnPerson
      ? Math.min(timing.queryIntervalMs, 1000)
      : timing.queryIntervalMs;
    await clock.sleep(Math.min(interval, Math.max(0, deadline - clock.now())), signal);
    checkOpen();
    const q = await gateway.query(attempt.id, call);
    if (q.kind === 'answer' && q.value && apply(q.value)) return outcomeOf(attempt);
    if (attempt.state !== 'user_paying')
      move('querying', q.kind === 'unknown' ? { reason: q.reason } : {});
  }

  move('reversing', { reason: 'no final answer before the deadline' });
  for (;;) {
    checkOpen();
    const r: GatewayResult<PaymentAnswer> = await gateway.reverse(attempt.id, call);
    if (r.kind === 'answer' && r.value.status !== 'user_paying') {
      if (r.value.status === 'paid') {
        // The provider will not reverse (e.g. refunds exist): the money stays taken.
        move('paid', { providerRef: r.value.paymentId ?? undefined });
      } else apply(r.value);
      if (isFinalState(attempt.state)) return outcomeOf(attempt);
    }
    await clock.sleep(timing.reverseRetryMs, signal);
  }
}

export { outcomeOf };
