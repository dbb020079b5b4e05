import { useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { ContractClient } from '../../src-main/contract/client';
import { EDITABLE_PHASES } from '../phase-text';
import type { StationStore } from '../shared/station-store';
import { CalibrationPanel } from './calibration-panel';
import { DayReportPanel } from './day-report-panel';
import { DevicePanel } from './device-panel';
import { HistoryPanel } from './history-panel';
import { PaymentPanel } from './payment-panel';
import { ReadOrderButton } from './read-order';
import { ReconcilePanel } from './reconcile-panel';
import { useWedgeScan } from './use-wedge-scan';
import './back-office.css';

const TABS = {
  history: 'Payments',
  report: 'Day report',
  reconcile: 'Reconciliation',
  devices: 'Devices',
  region: 'Order region',
} as const;
type Tab = keyof typeof TABS;

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

  // A wedge scanner in this window pays like any scanner. Not while the cashier edits the order:
  // fast typing there must stay typing, and the station would ignore a scan then anyway.
  useWedgeScan(
    (raw) => client.call('scan.submit', { raw }),
    store,
    !EDITABLE_PHASES.includes(phase),
  );

  const onDialogKey = (e: KeyboardEvent) => {
    // The window's own Escape cancels the checkout; inside the dialog it only closes it.
    if (e.key === 'Escape') {
      e.stopPropagation();
      setTab(null);
    }
  };

  return (
    <div className="bo-tools">
      <ReadOrderButton
        client={client}
        store={store}
        accelerator={accelerator}
        disabled={!EDITABLE_PHASES.includes(phase)}
      />
      <PaymentPanel client={client} store={store} />
      <section className="bo-card" aria-label="Scanners">
        <h2>Scanners</h2>
        <DevicePanel client={client} compact />
      </section>
      <div className="bo-row">
        <button type="button" className="secondary wide" onClick={() => setTab('history')}>
          Back office
        </button>
        <button type="button" className="secondary wide" onClick={() => setTab('region')}>
          Set order region
        </button>
      </div>
      {tab && (
        <div className="bo-overlay" role="presentation" onKeyDown={onDialogKey}>
          <div className="bo-dialog" role="dialog" aria-modal="true" aria-label="Back office">
            <header className="bo-dialog-head">
              <nav className="bo-tabs" role="tablist">
                {(Object.keys(TABS) as Tab[]).map((t) => (
                  <button
                    key={t}
                    type="button"
                    role="tab"
                    aria-selected={t === tab}
                    className={t === tab ? 'bo-tab active' : 'bo-tab'}
                    onClick={() => setTab(t)}
                  >
                    {TABS[t]}
                  </button>
                ))}
              </nav>
              <button type="button" className="secondary" onClick={() => setTab(null)}>
                Close <kbd>Esc</kbd>
              </button>
            </header>
            <div className="bo-dialog-body">
              {tab === 'history' && <HistoryPanel client={client} />}
              {tab === 'report' && <DayReportPanel client={client} />}
              {tab === 'reconcile' && <ReconcilePanel client={client} currency={currency} />}
              {tab === 'devices' && <DevicePanel client={client} />}
              {tab === 'region' && <CalibrationPanel client={client} />}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
