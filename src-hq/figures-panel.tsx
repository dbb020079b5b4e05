import { useCallback } from 'react';
import { money, today, type HqApi } from './api';
import { useLoad } from './use-load';

/** Today's figures across the chain, by store and method: paid, refunded, net, failed. */
export function FiguresPanel({ api, onUnauthorized }: { api: HqApi; onUnauthorized: () => void }) {
  const day = today();
  const load = useCallback(() => api.report(day, day, 'store,method'), [api, day]);
  const { state, reload } = useLoad(load, onUnauthorized, 60_000);
  if (!state) return <p>Loading…</p>;
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
        Today ({day}){' '}
        <button type="button" className="secondary" onClick={reload}>
          Refresh
        </button>
      </h2>
      {rows.length === 0 ? (
        <p>No payments at any store yet today.</p>
      ) : (
        <table data-testid="figures">
          <thead>
            <tr>
              <th>Store</th>
              <th>Method</th>
              <th>Currency</th>
              <th className="num">Paid</th>
              <th className="num">Refunded</th>
              <th className="num">Net</th>
              <th className="num">Failed</th>
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
              <td colSpan={5}>Chain net</td>
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
