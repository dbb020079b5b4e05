import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectStation } from './shared/connect';
import { createStationStore } from './shared/station-store';
import { syncStation } from './shared/sync';
import { CashierApp } from './cashier-app';

// The station injects the cashier token into the page it serves to loopback clients only.
const token =
  document.querySelector<HTMLMetaElement>('meta[name="countersign-token"]')?.content ?? null;
const connection = connectStation('cashier', { getToken: () => token });
const store = createStationStore();
syncStation(connection, store);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <CashierApp connection={connection} store={store} />
    </StrictMode>,
  );
}
