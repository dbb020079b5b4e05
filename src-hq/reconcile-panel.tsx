import { useCallback, useState } from 'react';
import type { MerchantReconciliation } from '../src-main/hq/hq-reconcile';
import { money, today, type HqApi } from './api';
import { useLoad } from './use-load';

const FORMATS = {
  wechat: 'WeChat Pay bill (downloadbill)',
  alipay: 'Alipay bill (zip)',
  csv: 'Countersign statement CSV',
};

/** Uploads a provider's daily statement and shows each difference with its store and station. */
export function ReconcilePanel({ api }: { api: HqApi }) {
  const [provider, setProvider] = useState('wechat');
  const [format, setFormat] = useState<keyof typeof FORMATS>('wechat');
  const [date, setDate] = useState(today());
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    const from = new Date();
    from.setDate(from.getDate() - 31);
    return api.reconciliations(today(from), today());
  }, [api]);
  const { state, reload } = useLoad(load);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    const r = await api.reconcile({ provider, format, date }, file);
    setBusy(false);
    setMessage(
      r.ok
        ? r.value.balanced
          ? `${provider} ${date}: balanced`
          : `${provider} ${date}: differences found`
        : r.message,
    );
    reload();
  };
  return (
    <section aria-labelledby="reconcile-title">
      <h2 id="reconcile-title">Reconciliation</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          Provider
          <input value={provider} onChange={(e) => setProvider(e.target.value.trim())} />
        </label>
        <label>
          Statement format
          <select
            value={format}
            onChange={(e) => setFormat(e.target.value as keyof typeof FORMATS)}
          >
            {Object.entries(FORMATS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          Day
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          Statement file
          <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="submit" disabled={!file || busy}>
          Reconcile
        </button>
      </form>
      {message && (
        <p role="status" data-testid="reconcile-message">
          {message}
        </p>
      )}
      {state && !state.ok && <p className="error">{state.message}</p>}
      {state?.ok &&
        state.value.reconciliations.map((r) => (
          <ReconciliationView key={`${r.provider}-${r.date}`} r={r} />
        ))}
    </section>
  );
}

function ReconciliationView({ r }: { r: MerchantReconciliation }) {
  const where = (id: string) => {
    const p = r.places[id];
    return p ? `${p.storeId}/${p.stationId}` : 'no store';
  };
  const rows: [string, string, string, string][] = [
    ...r.missingInStatement.map((m): [string, string, string, string] => [
      m.id,
      where(m.id),
      `${m.kind} ${m.state} in the ledger, absent from the statement`,
      money(m.amount),
    ]),
    ...r.missingInLedger.map((m): [string, string, string, string] => {
      const id = m.type === 'payment' ? m.merchant_order_no : m.refund_no;
      return [id, where(id), `${m.type} on the statement, not in any ledger`, money(m.amount)];
    }),
    ...r.amountDifferences.map((d): [string, string, string, string] => [
      d.id,
      where(d.id),
      'amount differs',
      `${money(Number(d.ledger))} ≠ ${money(Number(d.statement))}`,
    ]),
    ...r.statusDifferences.map((d): [string, string, string, string] => [
      d.id,
      where(d.id),
      `ledger ${d.ledger}, statement ${d.statement}`,
      '',
    ]),
  ];
  return (
    <article className="reconciliation" data-testid={`reconciliation-${r.provider}-${r.date}`}>
      <h3>
        {r.provider} · {r.date} ·{' '}
        <span className={r.balanced ? 'good' : 'bad'}>
          {r.balanced ? 'balanced' : `${rows.length + r.unreadable.length} differences`}
        </span>
      </h3>
      <p>
        {r.statementLines} statement lines; {r.matchedPayments} payments and {r.matchedRefunds}{' '}
        refunds matched across {r.stores.length} stores.
      </p>
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Id</th>
              <th>Store/station</th>
              <th>Difference</th>
              <th className="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, at, what, amount]) => (
              <tr key={`${id}-${what}`}>
                <td>{id}</td>
                <td>{at}</td>
                <td>{what}</td>
                <td className="num">{amount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.unreadable.length > 0 && <p className="error">{r.unreadable.length} unreadable lines</p>}
    </article>
  );
}
