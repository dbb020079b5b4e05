import type { Attempt, AttemptState } from './types';

/** An attempt_current row with its refunded sum, as SQLite returns it. */
export interface AttemptRow {
  id: string;
  order_id: string;
  amount: number;
  currency: string;
  method: string;
  platform: string | null;
  provider: string;
  credential_hint: string;
  shift: string;
  created_at: number;
  state: string;
  reason: string | null;
  state_at: number;
  provider_ref: string | null;
  refunded: number;
}

/** Attempts with their current state and the refunds that succeeded or may still succeed. */
export const ATTEMPT_SELECT = `SELECT c.*, COALESCE((SELECT SUM(amount) FROM refund_current r
  WHERE r.attempt_id = c.id AND r.state != 'failed'), 0) AS refunded FROM attempt_current c`;

/** Maps a row to the API shape. */
export function toAttempt(row: AttemptRow): Attempt {
  return {
    id: row.id,
    orderId: row.order_id,
    amount: row.amount,
    currency: row.currency,
    method: row.method as Attempt['method'],
    platform: row.platform as Attempt['platform'],
    provider: row.provider,
    credentialHint: row.credential_hint,
    shift: row.shift,
    createdAt: row.created_at,
    state: row.state as AttemptState,
    reason: row.reason,
    stateAt: row.state_at,
    providerRef: row.provider_ref,
    refunded: row.refunded,
  };
}
