import { errorText } from '../station-text';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const [date, setDate] = useState(localDay());
  const [result, setResult] = useState<ReconciliationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await client.call('reports.reconcile', { date });
    setBusy(false);
    if (!r.ok) return setError(errorText(t, r.error));
    setError(null);
    setResult(r.value);
  };
  const money = (n: number) => `${formatMinor(n, currency)} ${currency}`;

  return (
    <div className="reconcile" data-testid="reconcile">
      <form className="bo-row" onSubmit={(e) => void run(e)}>
        <label htmlFor="reconcile-date">{t('report.day')}</label>
        <input
          id="reconcile-date"
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('reconcile.busy') : t('reconcile.run')}
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
            {t(result.balanced ? 'reconcile.balanced' : 'reconcile.unbalanced', {
              date: result.date,
            })}
          </p>
          <p className="bo-muted">
            {t('reconcile.matched', {
              payments: result.matchedPayments,
              refunds: result.matchedRefunds,
            })}
          </p>
          <Diff title={t('reconcile.missingInLedger')} empty={result.missingInLedger.length === 0}>
            {result.missingInLedger.map((r) => (
              <li key={`${r.merchant_order_no}-${r.refund_no}`}>
                {r.type} {r.merchant_order_no}
                {r.refund_no && ` / ${r.refund_no}`}: {money(r.amount)} ({r.status})
              </li>
            ))}
          </Diff>
          <Diff
            title={t('reconcile.missingInStatement')}
            empty={result.missingInStatement.length === 0}
          >
            {result.missingInStatement.map((r) => (
              <li key={r.id}>
                {r.kind} {r.id}: {money(r.amount)} ({r.state})
              </li>
            ))}
          </Diff>
          <Diff title={t('reconcile.amounts')} empty={result.amountDifferences.length === 0}>
            {result.amountDifferences.map((d) => (
              <li key={d.id}>{t('reconcile.differs', d)}</li>
            ))}
          </Diff>
          <Diff title={t('reconcile.statuses')} empty={result.statusDifferences.length === 0}>
            {result.statusDifferences.map((d) => (
              <li key={d.id}>{t('reconcile.differs', d)}</li>
            ))}
          </Diff>
          {result.unreadable.length > 0 && (
            <Diff title={t('reconcile.unreadable')} empty={false}>
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
  const { t } = useTranslation();
  return (
    <section className={`bo-diff ${empty ? 'empty' : 'has'}`}>
      <h4>
        {title} {empty ? <span className="bo-muted">— {t('reconcile.none')}</span> : null}
      </h4>
      {!empty && <ul>{children}</ul>}
    </section>
  );
}
