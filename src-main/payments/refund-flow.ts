import type { LedgerError, Refund, LedgerResult } from '../ledger/types';
import type { DriverDeps } from './attempt-driver';
import type { ProviderRegistry } from './gateway';

type RefundResult = LedgerResult<
  Refund,
  LedgerError | { code: 'refund_pending' | 'refund_refused'; message: string }
>;

/**
 * Sends a 'requested' refund (again) under its own refund number, which the provider treats
 * idempotently, retrying unknown answers until the deadline; past it the refund stays
 * requested and the next start-up resends it.
 */
export async function resendRefund(
  deps: Pick<DriverDeps, 'ledger' | 'clock' | 'timing' | 'signal'>,
  providers: ProviderRegistry,
  refund: Refund,
): Promise<RefundResult> {
  const { ledger, clock, timing, signal } = deps;
  const attempt = ledger.getAttempt(refund.attemptId);
  const gateway = attempt ? providers.get(attempt.provider) : null;
  if (!attempt || !gateway)
    return {
      ok: false,
      error: { code: 'refund_pending', message: `no provider for ${refund.attemptId}` },
    };
  const deadline = clock.now() + timing.deadlineMs;
  let last = '';
  while (!signal.aborted) {
    const r = await gateway.refund(
      {
        merchantOrderNo: attempt.id,
        refundNo: refund.id,
        amount: refund.amount,
        reason: refund.reason,
      },
      timing.timeoutMs === undefined ? {} : { timeoutMs: timing.timeoutMs },
    );
    if (r.kind === 'answer') {
      const done = ledger.appendRefundEvent(refund.id, 'succeeded');
      return done.ok ? done : { ok: true, value: ledger.getRefund(refund.id)! };
    }
    if (r.kind === 'refused') {
      ledger.appendRefundEvent(refund.id, 'failed', `${r.code}: ${r.message}`);
      return { ok: false, error: { code: 'refund_refused', message: `${r.code}: ${r.message}` } };
    }
    last = r.reason;
    if (clock.now() >= deadline) break;
    await clock.sleep(timing.queryIntervalMs, signal);
  }
  return {
    ok: false,
    error: {
      code: 'refund_pending',
      message: `no answer yet (${last}); it will be resent at next start-up`,
    },
  };
}
