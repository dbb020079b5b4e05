import { useState, type FormEvent } from 'react';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import type { ReconciliationView } from '../../src-main/contract/payments';
import { localDay } from './format';

/** Reconciliation of a day's ledger against the payment system's statement. */
export function ReconcilePanel({
  client,
  currency,
}: {
  client: ContractClient<'cashier'>;
  currency: string;
}) {
  const [date, setDate] = useState(localDay());
  const [result, setResult] = useState<ReconciliationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await client.call('reports.reconcile', { date });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setResult(r.value);
  };
  const money = (n: number) => `${formatMinor(n, currency)} ${currency}`;

  return (
    <div className="reconcile" data-testid="reconcile">
      <form className="bo-row" onSubmit={(e) => void run(e)}>
        <label htmlFor="reconcile-date">Day</label>
        <input
          id="reconcile-date"
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Fetching the statement…' : 'Reconcile'}
        </button>
      </form>
      {error && (
        <p className="bo-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <>
          <p
            className={`bo-alert ${result.balanced ? 'ok' : 'bad'}`}
            role="status"
            data-testid="reconcile-verdict"
          >
            {result.balanced
              ? `Balanced: the ledger and the statement agree for ${result.date}.`
              : `Not balanced for ${result.date}: see the differences below.`}
          </p>
          <p className="bo-muted">
            Matched {result.matchedPayments} payment(s) and {result.matchedRefunds} refund(s).
          </p>
          <Diff
            title="In the statement, missing from the ledger"
            empty={result.missingInLedger.length === 0}
          >
            {result.missingInLedger.map((r) => (
              <li key={`${r.merchant_order_no}-${r.refund_no}`}>
                {r.type} {r.merchant_order_no}
                {r.refund_no && ` / ${r.refund_no}`}: {money(r.amount)} ({r.status})
              </li>
            ))}
          </Diff>
          <Diff
            title="In the ledger, missing from the statement"
            empty={result.missingInStatement.length === 0}
          >
            {result.missingInStatement.map((r) => (
              <li key={r.id}>
                {r.kind} {r.id}: {money(r.amount)} ({r.state})
              </li>
            ))}
          </Diff>
          <Diff title="Amounts that differ" empty={result.amountDifferences.length === 0}>
            {result.amountDifferences.map((d) => (
              <li key={d.id}>
                {d.id}: ledger {d.ledger}, statement {d.statement}
              </li>
            ))}
          </Diff>
          <Diff title="Statuses that differ" empty={result.statusDifferences.length === 0}>
            {result.statusDifferences.map((d) => (
              <li key={d.id}>
                {d.id}: ledger {d.ledger}, statement {d.statement}
              </li>
            ))}
          </Diff>
          {result.unreadable.length > 0 && (
            <Diff title="Statement lines that could not be read" empty={false}>
              {result.unreadable.map((u, i) => (
                <li key={i}>
                  <code>{u}</code>
                </li>
              ))}
            </Diff>
          )}
        </>
      )}
    </div>
  );
}

function Diff({
  title,
  empty,
  children,
}: {
  title: string;
  empty: boolean;
  children: React.ReactNode;
}) {
  return (
    <section className={`bo-diff ${empty ? 'empty' : 'has'}`}>
      <h4>
        {title} {empty ? <span className="bo-muted">— none</span> : null}
      </h4>
      {!empty && <ul>{children}</ul>}
    </section>
  );
}
