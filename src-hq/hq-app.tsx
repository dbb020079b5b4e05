import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createApi } from './api';
import { FiguresPanel } from './figures-panel';
import { switchLanguage } from './i18n';
import { ReconcilePanel } from './reconcile-panel';
import { SettingsPanel } from './settings-panel';
import { ShiftsPanel } from './shifts-panel';
import { StationsPanel } from './stations-panel';

const TABS = ['figures', 'stations', 'shifts', 'reconcile', 'settings'] as const;
type Tab = (typeof TABS)[number];

/**
 * HQ's admin page: today's figures by store, the stations and their health, today's shifts, the providers'
 * statements reconciled, and the settings pushed to stores. The admin token is typed here and
 * kept for this tab only (sessionStorage), never written into the page.
 */
export function HqApp() {
  const { t, i18n } = useTranslation();
  const [token, setToken] = useState(() => sessionStorage.getItem('hq-token') ?? '');
  const [draft, setDraft] = useState('');
  const [tab, setTab] = useState<Tab>('figures');
  const api = useMemo(() => createApi(token), [token]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('title');
  }, [i18n.language, t]);
  const languageButton = (
    <button
      type="button"
      className="secondary"
      lang={i18n.language === 'zh-CN' ? 'en' : 'zh-CN'}
      onClick={() => switchLanguage(i18n)}
    >
      {t('language.switch')}
    </button>
  );
  if (!token)
    return (
      <main className="signin">
        <h1>{t('title')}</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            sessionStorage.setItem('hq-token', draft.trim());
            setToken(draft.trim());
          }}
        >
          <label>
            {t('signIn.token')}
            <input
              type="password"
              autoComplete="off"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          </label>
          <button type="submit" disabled={draft.trim().length < 16}>
            {t('signIn.submit')}
          </button>{' '}
          {languageButton}
        </form>
      </main>
    );
  const signOut = () => {
    sessionStorage.removeItem('hq-token');
    setToken('');
  };
  return (
    <div className="hq">
      <header>
        <h1>{t('title')}</h1>
        <nav>
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              className={name === tab ? 'active' : ''}
              aria-pressed={name === tab}
              onClick={() => setTab(name)}
            >
              {t(`tabs.${name}`)}
            </button>
          ))}
        </nav>
        {languageButton}
        <button type="button" className="secondary" onClick={signOut}>
          {t('signIn.out')}
        </button>
      </header>
      <main>
        {tab === 'figures' && <FiguresPanel api={api} onUnauthorized={signOut} />}
        {tab === 'stations' && <StationsPanel api={api} onUnauthorized={signOut} />}
        {tab === 'shifts' && <ShiftsPanel api={api} onUnauthorized={signOut} />}
        {tab === 'reconcile' && <ReconcilePanel api={api} />}
        {tab === 'settings' && <SettingsPanel api={api} />}
      </main>
    </div>
  );
}
