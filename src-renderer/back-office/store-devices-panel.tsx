import { errorText } from '../station-text';
import { useErrorText } from '../use-error-text';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import type { PaymentsStatus } from '../../src-main/contract/payments-status';
import type { StoreDevicesView } from '../../src-main/contract/store-ops';
import { agoOf } from './format';
import { CameraRow } from './camera-row';
import { OrderSourceRows } from './order-source-rows';
import { ProviderRows } from './provider-rows';

/**
 * The receipt printer, the voice, the payment system and its real providers, the order sources (pole display, screen
 * capture) in the device panel: state, last error, and a test action each.
 */
export function StoreDevicesPanel({ client }: { client: ContractClient<'cashier'> }) {
  const { t } = useTranslation();
  const say = useErrorText();
  const [view, setView] = useState<StoreDevicesView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [payments, setPayments] = useState<PaymentsStatus | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    void client.call('devices.store', {}).then((r) => {
      if (!live) return;
      if (r.ok) setView(r.value);
      else setError(say(r.error));
    });
    void client.call('payments.status', {}).then((r) => {
      if (live && r.ok) setPayments(r.value);
    });
    const offPayments = client.on('payments.status', (next) => setPayments(next));
    const off = client.on('devices.store', (next) => {
      setView(next);
      setNow(Date.now());
    });
    // "4 min ago" keeps counting.
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => {
      live = false;
      off();
      offPayments();
      clearInterval(timer);
    };
  }, [client, say]);

  const run = async (command: 'printer.check' | 'voice.test') => {
    setBusy(true);
    const r = await client.call(command, {});
    setBusy(false);
    if (r.ok) {
      setView(r.value);
      setError(null);
    } else setError(errorText(t, r.error));
  };

  if (!view)
    return <p className={error ? 'bo-error' : 'bo-muted'}>{error ?? t('devices.reading')}</p>;
  const p = view.printer;
  const v = view.voice;
  // The scanners' dot colours: green ready, amber not in use or not checked yet, red failing.
  const printerTone =
    p.state === 'ready' || p.state === 'printing'
      ? 'ok'
      : p.state === 'disabled' || p.state === 'unknown'
        ? 'warn'
        : 'error';
  return (
    <ul className="bo-devices" data-testid="store-devices">
      <li className={`bo-device tone-${printerTone}`} data-device="printer" data-state={p.state}>
        <span className="dot" aria-hidden="true" />
        <span className="bo-device-name">
          {t('storeOps.printer.name')}
          {p.connection && <span className="bo-muted"> · {p.connection}</span>}
        </span>
        <span className="bo-device-state">{t(`storeOps.printer.state.${p.state}`)}</span>
        <span className="bo-muted">
          {t('storeOps.printer.paper', { paper: t(`storeOps.printer.paperState.${p.paper}`) })} ·{' '}
          {t('storeOps.printer.lastPrint', {
            ago: t(`ago.${agoOf(p.lastPrintedAt, now).unit}`, agoOf(p.lastPrintedAt, now)),
          })}
        </span>
        {p.lastError && <span className="bo-device-error">{p.lastError}</span>}
        {p.enabled && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void run('printer.check')}
          >
            {t('storeOps.printer.check')}
          </button>
        )}
      </li>
      <li
        className={`bo-device tone-${!v.enabled ? 'warn' : v.lastError ? 'error' : 'ok'}`}
        data-device="voice"
      >
        <span className="dot" aria-hidden="true" />
        <span className="bo-device-name">
          {t('storeOps.voice.name')}
          {v.engine && <span className="bo-muted"> · {v.engine}</span>}
        </span>
        <span className="bo-device-state">
          {t(v.enabled ? 'storeOps.voice.on' : 'storeOps.voice.off')}
        </span>
        {v.lastText && <span className="bo-muted">“{v.lastText}”</span>}
        {v.lastError && <span className="bo-device-error">{v.lastError}</span>}
        {v.enabled && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void run('voice.test')}
          >
            {t('storeOps.voice.test')}
          </button>
        )}
      </li>
      {payments && (
        <li
          className={`bo-device tone-${payments.available ? 'ok' : 'error'}`}
          data-device="payments"
          data-state={payments.state}
        >
          <span className="dot" aria-hidden="true" />
          <span className="bo-device-name">{t('storeOps.payments.name')}</span>
          <span className="bo-device-state">{t(`storeOps.payments.state.${payments.state}`)}</span>
          <span className="bo-muted">{payments.message}</span>
        </li>
      )}
      <ProviderRows client={client} now={now} />
      <OrderSourceRows client={client} now={now} />
      <CameraRow client={client} now={now} />
      {error && (
        <li className="bo-error" role="alert">
          {error}
        </li>
      )}
    </ul>
  );
}
