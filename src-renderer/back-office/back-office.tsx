import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ContractClient } from '../../src-main/contract/client';
import { EDITABLE_PHASES } from '../../src-main/contract/phase-rules';
import type { StationStore } from '../../src-window-shared/station-store';
import { BindingsPanel } from './bindings-panel';
import { CalibrationPanel } from './calibration-panel';
import { DayReportPanel } from './day-report-panel';
import { DevicePanel } from './device-panel';
import { HistoryPanel } from './history-panel';
import { PaymentPanel } from './payment-panel';
import { ReadOrderButton } from './read-order';
import { ReconcilePanel } from './reconcile-panel';
import { ItemReportPanel } from './item-report-panel';
import { ShiftPanel } from './shift-panel';
import { StoreDevicesPanel } from './store-devices-panel';
import { useWedgeScan } from '../../src-window-shared/use-wedge-scan';
import './back-office.css';

const TABS = ['history', 'report', 'items', 'reconcile', 'bindings', 'devices', 'region'] as const;
type Tab = (typeof TABS)[number];

interface Props {
  client: ContractClient<'cashier'>;
  store: StationStore;
  /** The capture hotkey as configured (`hotkeys.capture`). */
  accelerator?: string;
}

/**
 * The cashier window's payment and back-office tools: "Read order", the payment in progress
 * (with manual code entry), scanner health at a glance, and the back office (history and
 * refunds, day report, reconciliation, devices, order-region calibration) in a dialog.
 */
export function BackOffice({ client, store, accelerator }: Props) {
  const phase = useStore(store, (s) => s.snapshot?.phase ?? 'idle');
  const currency = useStore(store, (s) => s.snapshot?.order?.currency ?? s.info?.currency ?? 'CNY');
  const [tab, setTab] = useState<Tab | null>(null);
  const { t } = useTranslation();
  const [offlineScan, setOfflineScan] = useState(false);

  // A wedge scanner in this window pays like any scanner. Not while the cashier edits the order:
  // fast typing there must stay typing, and the station would ignore a scan then anyway.
  useWedgeScan(
    (raw) => client.call('scan.submit', { raw }),
    store,
    !EDITABLE_PHASES.includes(phase),
    () => setOfflineScan(true),
  );
  // The refusal stays until the station is back; then it has nothing left to say.
  useEffect(
    () =>
      store.subscribe((state) => {
        if (state.status === 'ready') setOfflineScan(false);
      }),
    [store],
  );

  // The window's own Escape cancels the checkout; while the dialog is open it only closes it,
  // wherever the focus is (a dialog opened by mouse leaves it on the button that opened it).
  useEffect(() => {
    if (!tab) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopImmediatePropagation();
      e.preventDefault();
      setTab(null);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [tab]);

  return (
    <div className="bo-tools">
      <ReadOrderButton
        client={client}
        store={store}
        accelerator={accelerator}
        disabled={!EDITABLE_PHASES.includes(phase)}
      />
      {offlineScan && (
        <p className="bo-card error-text" role="alert" data-testid="scan-refused">
          {t('backOffice.scanOffline')}
        </p>
      )}
      <ShiftPanel client={client} currency={currency} />
      <PaymentPanel client={client} store={store} />
      <section className="bo-card" aria-label={t('backOffice.scanners')}>
        <h2>{t('backOffice.scanners')}</h2>
        <DevicePanel client={client} compact />
      </section>
      <div className="bo-row">
        <button type="button" className="secondary wide" onClick={() => setTab('history')}>
          {t('backOffice.open')}
        </button>
        <button type="button" className="secondary wide" onClick={() => setTab('region')}>
          {t('backOffice.setRegion')}
        </button>
      </div>
      {tab && (
        <div className="bo-overlay" role="presentation">
          <div
            className="bo-dialog"
            role="dialog"
            aria-modal="true"
            aria-label={t('backOffice.open')}
          >
            <header className="bo-dialog-head">
              <nav className="bo-tabs" role="tablist">
                {TABS.map((name) => (
                  <button
                    key={name}
                    type="button"
                    role="tab"
                    aria-selected={name === tab}
                    className={name === tab ? 'bo-tab active' : 'bo-tab'}
                    onClick={() => setTab(name)}
                  >
                    {t(`backOffice.tab.${name}`)}
                  </button>
                ))}
              </nav>
              <button type="button" className="secondary" onClick={() => setTab(null)}>
                {t('pairing.close')} <kbd>Esc</kbd>
              </button>
            </header>
            <div className="bo-dialog-body">
              {tab === 'history' && <HistoryPanel client={client} />}
              {tab === 'report' && <DayReportPanel client={client} />}
              {tab === 'reconcile' && <ReconcilePanel client={client} currency={currency} />}
              {tab === 'bindings' && <BindingsPanel client={client} currency={currency} />}
              {tab === 'items' && <ItemReportPanel client={client} />}
              {tab === 'devices' && (
                <>
                  <DevicePanel client={client} />
                  <StoreDevicesPanel client={client} />
                </>
              )}
              {tab === 'region' && <CalibrationPanel client={client} />}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
