import type { Ledger } from '../../ledger/open-ledger';
import type { Reconciliation } from '../../ledger/reconcile';
import type { PaymentGateway } from '../gateway';
import type { Result } from '../../contract/result';

/**
 * One provider's statement for one day against the ledger. The ledger compares a statement
 * with all of the day's attempts, so what it reports about other providers' attempts (absent
 * from this statement by nature) is dropped here.
 */
export async function reconcileProvider(
  ledger: Ledger,
  gateway: PaymentGateway,
  date: string,
): Promise<Result<Reconciliation, string>> {
  const st = await gateway.statement(date);
  if (st.kind !== 'answer')
    return {
      ok: false,
      error: `${gateway.name}: ${st.kind === 'refused' ? `${st.code} ${st.message}` : st.reason}`,
    };
  const r = ledger.reconcile(date, st.value);
  if (!r) return { ok: false, error: `not a date: ${date}` };
  const ours = (id: string, kind: 'payment' | 'refund') => {
    const attemptId = kind === 'payment' ? id : ledger.getRefund(id)?.attemptId;
    return attemptId ? ledger.getAttempt(attemptId)?.provider === gateway.name : false;
  };
  const missingInStatement = r.missingInStatement.filter((m) => ours(m.id, m.kind));
  const value = { ...r, missingInStatement };
  value.balanced = [
    value.missingInLedger,
    missingInStatement,
    value.amountDifferences,
    value.statusDifferences,
    value.unreadable,
  ].every((l) => l.length === 0);
  return { ok: true, value };
}
