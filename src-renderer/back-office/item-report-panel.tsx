import { errorText } from '../station-text';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import type { ItemReportView } from '../../src-main/contract/store-ops';
import { localDay } from './format';

/** Sales by item for a day: the table, its CSV and a print on the receipt printer. */
export function ItemReportPanel({ client }: { client: ContractClient<'cashier'> }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(localDay());
  const [report, setReport] = useState<ItemReportView | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const load = async (e?: FormEvent) => {
    e?.preventDefault();
    const r = await client.call('reports.items', { date });
    if (!r.ok) return setMessage({ error: true, text: errorText(t, r.error) });
    setMessage(null);
    setReport(r.value);
  };
  const print = async () => {
    const r = await client.call('reports.printItems', { date });
    setMessage(
      r.ok
        ? { error: false, text: t('storeOps.items.printed') }
        : { error: true, text: errorText(t, r.error) },
    );
  };
  const currency = report?.currencies[0] ?? 'CNY';
  return (
    <div data-testid="item-report">
      <form className="bo-row" onSubmit={(e) => void load(e)}>
        <label htmlFor="items-date">{t('report.day')}</label>
        <input id="items-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <button type="submit" className="primary">
          {t('report.show')}
        </button>
        {report && (
          <>
            <button type="button" className="secondary" onClick={() => void print()}>
              {t('storeOps.items.print')}
            </button>
            <a
              className="button secondary"
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(report.csv)}`}
              download={`countersign-items-${report.date}.csv`}
              data-testid="items-csv"
            >
              {t('report.csv')}
            </a>
          </>
        )}
      </form>
      {message && <p className={message.error ? 'bo-error' : 'bo-muted'}>{message.text}</p>}
      {report && (
        <table className="bo-table">
          <thead>
            <tr>
              <th>{t('storeOps.items.item')}</th>
              <th>{t('storeOps.items.quantity')}</th>
              <th>{t('storeOps.items.amount')}</th>
              <th>{t('storeOps.items.orders')}</th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((i) => (
              <tr key={i.name}>
                <td>{i.name}</td>
                <td>{i.quantity}</td>
                <td>{formatMinor(i.amount, currency)}</td>
                <td>{i.orders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
