import { errorText } from '../station-text';
import { useErrorText } from '../use-error-text';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import type { CaptureDevicesView } from '../../src-main/contract/store-ops';
import { agoOf } from './format';

type Tone = 'ok' | 'warn' | 'error';

/** The pole row's dot: green listening, amber not in use or opening, red cannot open. */
export function poleTone(state: CaptureDevicesView['pole']['state']): Tone {
  return state === 'open' ? 'ok' : state === 'failed' ? 'error' : 'warn';
}

/** The capture row's dot: green working, amber no region or not tried, red failing. */
export function captureTone(capture: CaptureDevicesView['capture']): Tone {
  if (!capture.backend || capture.state === 'failed') return 'error';
  return capture.state === 'ok' ? 'ok' : 'warn';
}

/**
 * The order sources in the device panel (list items of its rows): the pole-display tap and
 * screen capture, each with state, last error and a test action (reopen; test capture).
 */
export function OrderSourceRows({
  client,
  now,
}: {
  client: ContractClient<'cashier'>;
  now: number;
}) {
  const { t } = useTranslation();
  const say = useErrorText();
  const [view, setView] = useState<CaptureDevicesView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void client.call('devices.capture', {}).then((r) => {
      if (!live) return;
      if (r.ok) setView(r.value);
      else setError(say(r.error));
    });
    return () => {
      live = false;
    };
  }, [client, say]);

  const run = async (command: 'pole.check' | 'capture.test') => {
    setBusy(true);
    const r = await client.call(command, {});
    setBusy(false);
    if (r.ok) {
      setView(r.value);
      setError(null);
    } else setError(errorText(t, r.error));
  };

  if (!view)
    return error ? (
      <li className="bo-device tone-warn" data-device="capture" data-state="unavailable">
        <span className="dot" aria-hidden="true" />
        <span className="bo-device-name">{t('storeOps.capture.name')}</span>
        <span className="bo-device-error">{error}</span>
      </li>
    ) : null;
  const { pole, capture } = view;
  const ago = (ms: number | null) => t(`ago.${agoOf(ms, now).unit}`, agoOf(ms, now));
  return (
    <>
      <li
        className={`bo-device tone-${poleTone(pole.state)}`}
        data-device="pole"
        data-state={pole.state}
      >
        <span className="dot" aria-hidden="true" />
        <span className="bo-device-name">
          {t('storeOps.pole.name')}
          {pole.port && <span className="bo-muted"> · {pole.port}</span>}
        </span>
        <span className="bo-device-state">{t(`storeOps.pole.state.${pole.state}`)}</span>
        {pole.enabled && (
          <span className="bo-muted">
            {t('storeOps.pole.lastAmount', { ago: ago(pole.lastAmountAt) })}
          </span>
        )}
        {pole.lastError && <span className="bo-device-error">{pole.lastError}</span>}
        {pole.enabled && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void run('pole.check')}
          >
            {t('storeOps.pole.check')}
          </button>
        )}
      </li>
      <li
        className={`bo-device tone-${captureTone(capture)}`}
        data-device="capture"
        data-state={capture.state}
      >
        <span className="dot" aria-hidden="true" />
        <span className="bo-device-name">
          {t('storeOps.capture.name')}
          <span className="bo-muted">
            {' '}
            · {capture.backend ?? t('storeOps.capture.backendNone')}
          </span>
        </span>
        <span className="bo-device-state">{t(`storeOps.capture.state.${capture.state}`)}</span>
        <span className="bo-muted">
          {t('storeOps.capture.last', { ago: ago(capture.lastCaptureAt) })}
          {capture.lastWidth !== null &&
            capture.lastHeight !== null &&
            capture.lastMs !== null &&
            ` · ${t('storeOps.capture.size', { width: capture.lastWidth, height: capture.lastHeight, ms: Math.round(capture.lastMs) })}`}
        </span>
        {capture.lastError && <span className="bo-device-error">{capture.lastError}</span>}
        {capture.state !== 'no_region' && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void run('capture.test')}
          >
            {t('storeOps.capture.test')}
          </button>
        )}
      </li>
      {error && (
        <li className="bo-error" role="alert">
          {error}
        </li>
      )}
    </>
  );
}
