import type { PaymentMethod } from '../contract/credential';
import type { PaymentPlatform } from '../contract/payment-code';
import type { Result } from '../contract/result';

/** States an attempt passes through; the last three are final. */
export type AttemptState =
  'created' | 'sending' | 'user_paying' | 'querying' | 'reversing' | 'paid' | 'failed' | 'reversed';

export const FINAL_ATTEMPT_STATES: readonly AttemptState[] = ['paid', 'failed', 'reversed'];

/** True for paid, failed and reversed. */
export function isFinalState(state: AttemptState): boolean {
  return FINAL_ATTEMPT_STATES.includes(state);
}

/** A payment attempt with its current state (the latest of its events). */
export interface Attempt {
  id: string;
  orderId: string;
  amount: number;
  currency: string;
  method: PaymentMethod;
  platform: PaymentPlatform | null;
  provider: string;
  credentialHint: string;
  shift: string;
  createdAt: number;
  state: AttemptState;
  reason: string | null;
  stateAt: number;
  providerRef: string | null;
  /** Sum of refunds that succeeded or may still succeed (requested/unknown). */
  refunded: number;
}

export interface AttemptEvent {
  seq: number;
  attemptId: string;
  state: AttemptState;
  reason: string | null;
  providerRef: string | null;
  at: number;
}

export type RefundState = 'requested' | 'succeeded' | 'failed';

export interface Refund {
  id: string;
  attemptId: string;
  amount: number;
  reason: string;
  createdAt: number;
  state: RefundState;
  stateReason: string | null;
  stateAt: number;
}

export interface NewAttempt {
  orderId: string;
  amount: number;
  currency: string;
  method: PaymentMethod;
  platform: PaymentPlatform | null;
  provider: string;
  credentialHint: string;
}

/** Why the ledger refused to start an attempt or a refund. */
export interface LedgerError {
  code:
    | 'unknown_order'
    | 'order_conflict'
    | 'already_paid'
    | 'attempt_open'
    | 'unknown_attempt'
    | 'not_paid'
    | 'refund_exceeds_paid'
    | 'invalid';
  message: string;
  attemptId?: string;
}

/** The ledger's answers: the one Result with the ledger's own refusals. */
export type LedgerResult<T, E = LedgerError> = Result<T, E>;

export interface HistoryQuery {
  /** Matches order id, attempt id, provider reference or credential hint. */
  text?: string;
  from?: number;
  to?: number;
  state?: AttemptState;
  limit?: number;
}
