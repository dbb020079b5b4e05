import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqApi } from './api';
import { useLoad } from './use-load';

/** Every station: its condition, last sync, software version and what it reported. */
export function StationsPanel({ api, onUnauthorized }: { api: HqApi; onUnauthorized: () => void }) {
  const { t } = useTranslation();
  const load = useCallback(() => api.stations(), [api]);
  const { state, reload } = useLoad(load, onUnauthorized, 30_000);
  if (!state) return <p>{t('loading')}</p>;
  if (!state.ok)
    return (
      <p className="error" role="alert">
        {state.message}
      </p>
    );
  return (
    <section aria-labelledby="stations-title">
      <h2 id="stations-title">
        {t('stations.title')}{' '}
        <button type="button" className="secondary" onClick={reload}>
          {t('refresh')}
        </button>
      </h2>
      <table data-testid="stations">
        <thead>
          <tr>
            <th>{t('stations.store')}</th>
            <th>{t('stations.station')}</th>
            <th>{t('stations.condition')}</th>
            <th>{t('stations.lastSync')}</th>
            <th>{t('stations.version')}</th>
            <th className="num">{t('stations.waiting')}</th>
            <th>{t('stations.settings')}</th>
          </tr>
        </thead>
        <tbody>
          {state.value.stations.map((s) => {
            const applied = s.health?.settings;
            const hq = s.settingsRevision;
            return (
              <tr key={`${s.storeId}/${s.stationId}`} className={`cond-${s.condition}`}>
                <td>{s.storeId}</td>
                <td>{s.stationId}</td>
                <td title={s.chainProblem ?? s.health?.payments ?? undefined}>
                  {t(`stations.cond.${s.condition}`)}
                </td>
                <td>
                  {s.lastSyncAt ? new Date(s.lastSyncAt).toLocaleString() : t('stations.never')}
                </td>
                <td>{s.version ?? '—'}</td>
                <td className="num">{s.health?.pending ?? '—'}</td>
                <td title={applied?.message}>
                  {hq === 0
                    ? '—'
                    : applied
                      ? t('stations.applied', { ...applied, hq })
                      : t('stations.notReceived', { hq })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
