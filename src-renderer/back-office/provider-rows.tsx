import { errorText } from '../station-text';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import type { ProviderStatusView } from '../../src-main/contract/store-ops';
import { agoOf } from './format';

/** A provider row's dot: red when credentials or the check failed, amber when nothing routes to it. */
export function providerTone(p: ProviderStatusView): 'ok' | 'warn' | 'error' {
  if (p.lastError) return 'error';
  return p.routed ? 'ok' : 'warn';
}

/**
 * The configured real payment providers in the device panel (list items of its rows): credentials
 * loaded or why, clock skew, last call, and the same check as `countersign provider check`.
 */
export function ProviderRows({ client, now }: { client: ContractClient<'cashier'>; now: number }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<ProviderStatusView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void client.call('devices.providers', {}).then((r) => {
      // A station without payments has no provider rows; the payment-system row says why.
      if (live && r.ok) setRows(r.value);
    });
    return () => {
      live = false;
    };
  }, [client]);

  const check = async () => {
    setBusy(true);
    const r = await client.call('providers.check', {});
    setBusy(false);
    if (r.ok) {
      setRows(r.value);
      setError(null);
    } else setError(errorText(t, r.error));
  };

  const ago = (ms: number | null) => t(`ago.${agoOf(ms, now).unit}`, agoOf(ms, now));
  return (
    <>
      {rows.map((p) => (
        <li
          key={p.name}
          className={`bo-device tone-${providerTone(p)}`}
          data-device={`provider-${p.name}`}
          data-state={p.credentials === 'loaded' ? 'loaded' : 'not_loaded'}
        >
          <span className="dot" aria-hidden="true" />
          <span className="bo-device-name">
            {t(`storeOps.provider.name.${p.name}`)}
            <span className="bo-muted"> · {p.url}</span>
          </span>
          <span className="bo-device-state">
            {t(
              p.credentials === 'loaded'
                ? 'storeOps.provider.loaded'
                : 'storeOps.provider.notLoaded',
            )}
          </span>
          <span className="bo-muted">
            {p.lastCall
              ? t('storeOps.provider.lastCall', {
                  ago: ago(p.lastCall.at),
                  state: p.lastCall.state,
                })
              : t('storeOps.provider.noCall')}
            {p.clockSkewMs !== null &&
              ` · ${t('storeOps.provider.skew', { ms: Math.round(p.clockSkewMs) })}`}
            {!p.routed && ` · ${t('storeOps.provider.unrouted')}`}
          </span>
          {p.lastCall?.reason && <span className="bo-muted">{p.lastCall.reason}</span>}
          {p.lastError && <span className="bo-device-error">{p.lastError}</span>}
          <button type="button" className="secondary" disabled={busy} onClick={() => void check()}>
            {t('storeOps.provider.check')}
          </button>
        </li>
      ))}
      {error && (
        <li className="bo-error" role="alert">
          {error}
        </li>
      )}
    </>
  );
}
