import { useCallback } from 'react';
import type { StationCondition } from '../src-main/hq/hq-reports';
import type { HqApi } from './api';
import { useLoad } from './use-load';

const CONDITION: Record<StationCondition, string> = {
  ok: 'OK',
  behind: 'Sending its backlog',
  silent: 'Silent',
  settings_refused: 'Refused settings',
  chain_broken: 'Ledger chain broken',
  revoked: 'Revoked',
  not_enrolled: 'Not enrolled',
};

/** Every station: its condition, last sync, software version and what it reported. */
export function StationsPanel({ api, onUnauthorized }: { api: HqApi; onUnauthorized: () => void }) {
  const load = useCallback(() => api.stations(), [api]);
  const { state, reload } = useLoad(load, onUnauthorized, 30_000);
  if (!state) return <p>Loading…</p>;
  if (!state.ok)
    return (
      <p className="error" role="alert">
        {state.message}
      </p>
    );
  return (
    <section aria-labelledby="stations-title">
      <h2 id="stations-title">
        Stations{' '}
        <button type="button" className="secondary" onClick={reload}>
          Refresh
        </button>
      </h2>
      <table data-testid="stations">
        <thead>
          <tr>
            <th>Store</th>
            <th>Station</th>
            <th>Condition</th>
            <th>Last sync</th>
            <th>Version</th>
            <th className="num">Waiting</th>
            <th>Settings</th>
          </tr>
        </thead>
        <tbody>
          {state.value.stations.map((s) => {
            const applied = s.health?.settings;
            return (
              <tr key={`${s.storeId}/${s.stationId}`} className={`cond-${s.condition}`}>
                <td>{s.storeId}</td>
                <td>{s.stationId}</td>
                <td title={s.chainProblem ?? undefined}>{CONDITION[s.condition]}</td>
                <td>{s.lastSyncAt ? new Date(s.lastSyncAt).toLocaleString() : 'never'}</td>
                <td>{s.version ?? '—'}</td>
                <td className="num">{s.health?.pending ?? '—'}</td>
                <td title={applied?.message}>
                  {s.settingsRevision === 0
                    ? '—'
                    : applied
                      ? `r${applied.revision} ${applied.state} (HQ r${s.settingsRevision})`
                      : `HQ r${s.settingsRevision}, not yet received`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
