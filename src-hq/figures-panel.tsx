import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { money, today, type HqApi } from './api';
import { useLoad } from './use-load';

/** Today's figures across the chain, by store and method: paid, refunded, net, failed. */
export function FiguresPanel({ api, onUnauthorized }: { api: HqApi; onUnauthorized: () => void }) {
  const { t } = useTranslation();
  const day = today();
  const load = useCallback(() => api.report(day, day, 'store,method'), [api, day]);
  const { state, reload } = useLoad(load, onUnauthorized, 60_000);
  if (!state) return <p>{t('loading')}</p>;
  if (!state.ok)
    return (
      <p className="error" role="alert">
        {state.message}
      </p>
    );
  const rows = state.value.rows;
  const net = rows.reduce((s, r) => s + r.net, 0);
  return (
    <section aria-labelledby="figures-title">
      <h2 id="figures-title">
        {t('figures.title', { day })}{' '}
        <button type="button" className="secondary" onClick={reload}>
          {t('refresh')}
        </button>
      </h2>
      {rows.length === 0 ? (
        <p>{t('figures.none')}</p>
      ) : (
        <table data-testid="figures">
          <thead>
            <tr>
              <th>{t('figures.store')}</th>
              <th>{t('figures.method')}</th>
              <th>{t('figures.currency')}</th>
              <th className="num">{t('figures.paid')}</th>
              <th className="num">{t('figures.refunded')}</th>
              <th className="num">{t('figures.net')}</th>
              <th className="num">{t('figures.failed')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.group.store}-${r.group.method}-${r.currency}`}>
                <td>{r.group.store}</td>
                <td>{r.group.method}</td>
                <td>{r.currency}</td>
                <td className="num">
                  {r.paid.count} · {money(r.paid.total)}
                </td>
                <td className="num">
                  {r.refunded.count} · {money(r.refunded.total)}
                </td>
                <td className="num">{money(r.net)}</td>
                <td className="num">{r.failed}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={5}>{t('figures.chainNet')}</td>
              <td className="num" data-testid="chain-net">
                {money(net)}
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
