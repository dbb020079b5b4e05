import { useErrorText } from '../use-error-text';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import type { AttemptRow } from '../../src-main/contract/payments';
import { AttemptDetail } from './attempt-detail';
import { PLATFORM_TEXT, statusCode, timeText } from './format';

/** Payment history: search by text (order, attempt, code hint) and day; open one to refund. */
export function HistoryPanel({ client }: { client: ContractClient<'cashier'> }) {
  const { t } = useTranslation();
  const say = useErrorText();
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [rows, setRows] = useState<AttemptRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const search = useCallback(
    async (q: { text: string; date: string }) => {
      const r = await client.call('payments.history', {
        ...(q.text.trim() ? { text: q.text.trim() } : {}),
        ...(q.date ? { date: q.date } : {}),
        limit: 200,
      });
      if (!r.ok) return setError(say(r.error));
      setError(null);
      setRows(r.value);
    },
    [client, say],
  );

  useEffect(() => {
    // The latest payments when the panel opens.
    let live = true;
    void client.call('payments.history', { limit: 200 }).then((r) => {
      if (!live) return;
      if (r.ok) setRows(r.value);
      else setError(say(r.error));
    });
    return () => {
      live = false;
    };
  }, [client, say]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void search({ text, date });
  };
  const open = rows?.find((r) => r.id === openId) ?? null;

  return (
    <div className="history" data-testid="history">
      <form className="bo-row" onSubmit={onSubmit} role="search">
        <input
          aria-label={t('history.search')}
          placeholder={t('history.searchHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <input
          type="date"
          aria-label={t('report.day')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
        <button type="submit" className="primary">
          {t('history.searchButton')}
        </button>
      </form>
      {error && (
        <p className="bo-error" role="alert">
          {error}
        </p>
      )}
      <div className="history-body">
        <table className="bo-table">
          <thead>
            <tr>
              <th>{t('history.time')}</th>
              <th>{t('history.order')}</th>
              <th>{t('history.method')}</th>
              <th className="num">{t('history.amount')}</th>
              <th>{t('history.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows?.length === 0 && (
              <tr>
                <td colSpan={5} className="bo-muted">
                  {t('history.none')}
                </td>
              </tr>
            )}
            {rows?.map((a) => (
              <tr
                key={a.id}
                className={a.id === openId ? 'selected' : ''}
                onClick={() => setOpenId(a.id)}
                data-attempt={a.id}
              >
                <td>{timeText(a.createdAt)}</td>
                <td>
                  <button type="button" className="link" onClick={() => setOpenId(a.id)}>
                    {a.orderId}
                  </button>
                </td>
                <td>
                  {t(`payment.method.${a.method}`)}
                  {a.platform && <span className="bo-muted"> · {PLATFORM_TEXT[a.platform]}</span>}
                </td>
                <td className="num">
                  {formatMinor(a.amount, a.currency)} {a.currency}
                </td>
                <td>
                  <span className={`bo-badge state-${a.state}`}>
                    {t(`attempt.status.${statusCode(a)}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {open && (
          <AttemptDetail
            key={open.id}
            client={client}
            attempt={open}
            onRefunded={() => void search({ text, date })}
          />
        )}
      </div>
    </div>
  );
}
