import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { money, today, type HqApi } from './api';
import { useLoad } from './use-load';

const time = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * Today's cashiers' shifts across the chain, by store, station and opening time: the float,
 * the count at the close and what the drawer was over or short, who took it over, and the
 * payments paid in the shift.
 */
export function ShiftsPanel({ api, onUnauthorized }: { api: HqApi; onUnauthorized: () => void }) {
  const { t } = useTranslation();
  const day = today();
  const load = useCallback(() => api.shifts(day, day), [api, day]);
  const { state, reload } = useLoad(load, onUnauthorized, 60_000);
  if (!state) return <p>{t('loading')}</p>;
  if (!state.ok)
    return (
      <p className="error" role="alert">
        {state.message}
      </p>
    );
  const shifts = state.value.shifts;
  return (
    <section aria-labelledby="shifts-title">
      <h2 id="shifts-title">
        {t('shifts.title', { day })}{' '}
        <button type="button" className="secondary" onClick={reload}>
          {t('refresh')}
        </button>
      </h2>
      {shifts.length === 0 ? (
        <p>{t('shifts.none')}</p>
      ) : (
        <table data-testid="shifts">
          <thead>
            <tr>
              <th>{t('shifts.store')}</th>
              <th>{t('shifts.station')}</th>
              <th>{t('shifts.cashier')}</th>
              <th>{t('shifts.hours')}</th>
              <th className="num">{t('shifts.float')}</th>
              <th className="num">{t('shifts.counted')}</th>
              <th className="num">{t('shifts.difference')}</th>
              <th>{t('shifts.handedTo')}</th>
              <th className="num">{t('shifts.paid')}</th>
            </tr>
          </thead>
          <tbody>
            {shifts.map((s) => (
              <tr key={`${s.storeId}-${s.stationId}-${s.shiftId}`}>
                <td>{s.storeId}</td>
                <td>{s.stationId}</td>
                <td>{s.cashierName}</td>
                <td>
                  {time(s.openedAt)}–{s.closedAt === null ? t('shifts.open') : time(s.closedAt)}
                </td>
                <td className="num">{money(s.float)}</td>
                <td className="num">{s.counted === null ? '' : money(s.counted)}</td>
                <td className={`num${s.difference ? ' bad' : ''}`}>
                  {s.difference === null ? '' : money(s.difference)}
                </td>
                <td>{s.handedTo ?? ''}</td>
                <td className="num">
                  {s.paid.count} · {money(s.paid.total)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
