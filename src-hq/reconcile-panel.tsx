import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MerchantReconciliation } from '../src-main/hq/hq-reconcile';
import { money, today, type HqApi } from './api';
import { useLoad } from './use-load';

const FORMATS = ['wechat', 'alipay', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** Uploads a provider's daily statement and shows each difference with its store and station. */
export function ReconcilePanel({ api }: { api: HqApi }) {
  const { t } = useTranslation();
  const [provider, setProvider] = useState('wechat');
  const [format, setFormat] = useState<Format>('wechat');
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
    const args = { provider, day: date };
    setMessage(
      r.ok
        ? t(r.value.balanced ? 'reconcile.balancedMsg' : 'reconcile.differencesMsg', args)
        : r.message,
    );
    reload();
  };
  return (
    <section aria-labelledby="reconcile-title">
      <h2 id="reconcile-title">{t('reconcile.title')}</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('reconcile.provider')}
          <input value={provider} onChange={(e) => setProvider(e.target.value.trim())} />
        </label>
        <label>
          {t('reconcile.format')}
          <select value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            {FORMATS.map((k) => (
              <option key={k} value={k}>
                {t(`reconcile.formats.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reconcile.day')}
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          {t('reconcile.file')}
          <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="submit" disabled={!file || busy}>
          {t('reconcile.submit')}
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

type Line = [id: string, where: string, what: string, amount: string];

function ReconciliationView({ r }: { r: MerchantReconciliation }) {
  const { t } = useTranslation();
  const where = (id: string) => {
    const p = r.places[id];
    return p ? `${p.storeId}/${p.stationId}` : t('reconcile.noStore');
  };
  const rows: Line[] = [
    ...r.missingInStatement.map((m): Line => [
      m.id,
      where(m.id),
      t('reconcile.missingInStatement', { kind: m.kind, state: m.state }),
      money(m.amount),
    ]),
    ...r.missingInLedger.map((m): Line => {
      const id = m.type === 'payment' ? m.merchant_order_no : m.refund_no;
      return [id, where(id), t('reconcile.missingInLedger', { kind: m.type }), money(m.amount)];
    }),
    ...r.amountDifferences.map((d): Line => [
      d.id,
      where(d.id),
      t('reconcile.amountDiffers'),
      `${money(Number(d.ledger))} ≠ ${money(Number(d.statement))}`,
    ]),
    ...r.statusDifferences.map((d): Line => [
      d.id,
      where(d.id),
      t('reconcile.statusDiffers', { ledger: d.ledger, statement: d.statement }),
      '',
    ]),
  ];
  return (
    <article className="reconciliation" data-testid={`reconciliation-${r.provider}-${r.date}`}>
      <h3>
        {r.provider} · {r.date} ·{' '}
        <span className={r.balanced ? 'good' : 'bad'}>
          {r.balanced
            ? t('reconcile.balanced')
            : t('reconcile.differences', { count: rows.length + r.unreadable.length })}
        </span>
      </h3>
      <p>
        {t('reconcile.summary', {
          lines: r.statementLines,
          payments: r.matchedPayments,
          refunds: r.matchedRefunds,
          stores: r.stores.length,
        })}
      </p>
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('reconcile.id')}</th>
              <th>{t('reconcile.where')}</th>
              <th>{t('reconcile.what')}</th>
              <th className="num">{t('reconcile.amount')}</th>
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
      {r.unreadable.length > 0 && (
        <p className="error">{t('reconcile.unreadable', { n: r.unreadable.length })}</p>
      )}
    </article>
  );
}
