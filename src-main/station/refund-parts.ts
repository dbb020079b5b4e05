import type { PaidPart } from '../contract/checkout';
import type { Attempt } from '../ledger/types';

/**
 * Gives a cancelled split payment's paid parts back. Idempotent: a part whose attempt already
 * carries refunds (done, or requested and resent by the orchestrator after a restart) is only
 * topped up to its amount, so running it again after a crash never refunds twice.
 */
export async function refundParts(
  parts: PaidPart[],
  deps: {
    attempt(id: string): Pick<Attempt, 'refunded'> | null;
    refund(attemptId: string, amount: number, reason: string): Promise<{ ok: boolean }>;
  },
): Promise<{ refunded: number; failed: number }> {
  let refunded = 0;
  for (const p of parts) {
    const left = p.amount - (deps.attempt(p.attemptId)?.refunded ?? 0);
    const r =
      left <= 0
        ? { ok: true }
        : await deps
            .refund(p.attemptId, left, 'order cancelled after a part was paid')
            .catch(() => ({ ok: false }));
    if (r.ok) refunded++;
  }
  return { refunded, failed: parts.length - refunded };
}
