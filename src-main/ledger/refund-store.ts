import type Database from 'better-sqlite3';
import { localDay } from '../lib/local-day';
import { newId } from './ids';
import type { Attempt, Refund, RefundState, LedgerResult } from './types';

/** Refund bookkeeping: write-ahead like payments, never beyond what was paid. */
export interface RefundStore {
  /** Commits a 'requested' refund before the provider is asked; refuses over-refunds. */
  beginRefund(input: { attemptId: string; amount: number; reason: string }): LedgerResult<Refund>;
  appendRefundEvent(refundId: string, state: RefundState, reason?: string): LedgerResult<Refund>;
  getRefund(refundId: string): Refund | null;
  refundsFor(attemptId: string): Refund[];
  /** Refunds still 'requested': resend them (same refund number, so idempotent). */
  openRefunds(): Refund[];
}

interface RefundRow {
  id: string;
  attempt_id: string;
  amount: number;
  reason: string;
  created_at: number;
  state: RefundState;
  state_reason: string | null;
  state_at: number;
}

const toRefund = (r: RefundRow): Refund => ({
  id: r.id,
  attemptId: r.attempt_id,
  amount: r.amount,
  reason: r.reason,
  createdAt: r.created_at,
  state: r.state,
  stateReason: r.state_reason,
  stateAt: r.state_at,
});

/** Builds the refund half of the ledger over an open, migrated database. */
export function createRefundStore(
  db: Database.Database,
  now: () => number,
  getAttempt: (id: string) => Attempt | null,
): RefundStore {
  const getRefund = (id: string): Refund | null => {
    const row = db.prepare('SELECT * FROM refund_current WHERE id = ?').get(id) as
      RefundRow | undefined;
    return row ? toRefund(row) : null;
  };
  const insertEvent = db.prepare(
    'INSERT INTO refund_events (refund_id, state, reason, at, day) VALUES (?, ?, ?, ?, ?)',
  );

  const beginRefund = db.transaction(
    (input: { attemptId: string; amount: number; reason: string }): LedgerResult<Refund> => {
      const attempt = getAttempt(input.attemptId);
      if (!attempt)
        return {
          ok: false,
          error: { code: 'unknown_attempt', message: `no payment ${input.attemptId}` },
        };
      if (attempt.state !== 'paid')
        return {
          ok: false,
          error: {
            code: 'not_paid',
            message: `payment ${input.attemptId} is ${attempt.state}, only paid payments can be refunded`,
          },
        };
      if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
        return {
          ok: false,
          error: { code: 'invalid', message: 'a refund is a whole number of minor units above 0' },
        };
      const left = attempt.amount - attempt.refunded;
      if (input.amount > left)
        return {
          ok: false,
          error: {
            code: 'refund_exceeds_paid',
            message: `only ${left} of ${attempt.amount} is left to refund on ${attempt.id}`,
          },
        };
      const at = now();
      const id = newId('R', at);
      db.prepare('INSERT INTO refunds VALUES (?, ?, ?, ?, ?)').run(
        id,
        attempt.id,
        input.amount,
        input.reason,
        at,
      );
      insertEvent.run(id, 'requested', null, at, localDay(at));
      return { ok: true, value: getRefund(id)! };
    },
  );

  return {
    beginRefund,
    getRefund,
    appendRefundEvent: (refundId, state, reason) => {
      const current = getRefund(refundId);
      if (!current)
        return { ok: false, error: { code: 'unknown_attempt', message: `no refund ${refundId}` } };
      if (current.state !== 'requested')
        return {
          ok: false,
          error: { code: 'invalid', message: `refund ${refundId} is already ${current.state}` },
        };
      const at = now();
      insertEvent.run(refundId, state, reason ?? null, at, localDay(at));
      return { ok: true, value: getRefund(refundId)! };
    },
    refundsFor: (attemptId) =>
      (
        db
          .prepare('SELECT * FROM refund_current WHERE attempt_id = ? ORDER BY created_at')
          .all(attemptId) as RefundRow[]
      ).map(toRefund),
    openRefunds: () =>
      (
        db
          .prepare("SELECT * FROM refund_current WHERE state = 'requested' ORDER BY created_at")
          .all() as RefundRow[]
      ).map(toRefund),
  };
}
