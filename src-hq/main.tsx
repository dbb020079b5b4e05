import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { HqApp } from './hq-app';
import { createHqI18n } from './i18n';

const i18n = createHqI18n();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <HqApp />
      </I18nextProvider>
    </StrictMode>,
  );
