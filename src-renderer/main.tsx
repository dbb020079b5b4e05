import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { connectStation } from '../src-window-shared/connect';
import { createStationStore } from '../src-window-shared/station-store';
import { syncStation } from '../src-window-shared/sync';
import { CashierApp } from './cashier-app';
import { createCashierI18n, savedLanguage } from './i18n';

// The station injects the cashier token into the page it serves to loopback clients only.
const token =
  document.querySelector<HTMLMetaElement>('meta[name="countersign-token"]')?.content ?? null;
const connection = connectStation('cashier', { getToken: () => token });
const store = createStationStore();
syncStation(connection, store);
// The cashier's own choice, else English until the station says its language.
const i18n = createCashierI18n(savedLanguage() ?? 'en');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <CashierApp connection={connection} store={store} />
      </I18nextProvider>
    </StrictMode>,
  );
}
