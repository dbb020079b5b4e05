import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { connectStation } from '../src-window-shared/connect';
import { createStationStore } from '../src-window-shared/station-store';
import { syncStation } from '../src-window-shared/sync';
import { CustomerApp } from './customer-app';
import { createI18n } from './i18n';

const TOKEN_KEY = 'countersign.deviceToken';

const connection = connectStation('customer', {
  getToken: () => localStorage.getItem(TOKEN_KEY),
  saveToken: (token) => localStorage.setItem(TOKEN_KEY, token),
});
// A token the station refuses (revoked, or from another station) is forgotten, so the display
// shows the pairing page instead of retrying it forever.
connection.onStatus((status, error) => {
  if (status === 'unpaired' && error) localStorage.removeItem(TOKEN_KEY);
});
const store = createStationStore();
syncStation(connection, store);
const i18n = createI18n(navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <CustomerApp connection={connection} store={store} deviceName="Customer display" />
      </I18nextProvider>
    </StrictMode>,
  );
}
