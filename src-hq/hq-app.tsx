import { useMemo, useState } from 'react';
import { createApi } from './api';
import { FiguresPanel } from './figures-panel';
import { ReconcilePanel } from './reconcile-panel';
import { SettingsPanel } from './settings-panel';
import { StationsPanel } from './stations-panel';

const TABS = {
  figures: 'Today',
  stations: 'Stations',
  reconcile: 'Reconciliation',
  settings: 'Settings',
};
type Tab = keyof typeof TABS;

/**
 * HQ's admin page: today's figures by store, the stations and their health, the providers'
 * statements reconciled, and the settings pushed to stores. The admin token is typed here and
 * kept for this tab only (sessionStorage), never written into the page.
 */
export function HqApp() {
  const [token, setToken] = useState(() => sessionStorage.getItem('hq-token') ?? '');
  const [draft, setDraft] = useState('');
  const [tab, setTab] = useState<Tab>('figures');
  const api = useMemo(() => createApi(token), [token]);
  if (!token)
    return (
      <main className="signin">
        <h1>Countersign HQ</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            sessionStorage.setItem('hq-token', draft.trim());
            setToken(draft.trim());
          }}
        >
          <label>
            Admin token
            <input
              type="password"
              autoComplete="off"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          </label>
          <button type="submit" disabled={draft.trim().length < 16}>
            Sign in
          </button>
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
        <h1>Countersign HQ</h1>
        <nav>
          {(Object.keys(TABS) as Tab[]).map((t) => (
            <button
              key={t}
              type="button"
              className={t === tab ? 'active' : ''}
              aria-pressed={t === tab}
              onClick={() => setTab(t)}
            >
              {TABS[t]}
            </button>
          ))}
        </nav>
        <button type="button" className="secondary" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main>
        {tab === 'figures' && <FiguresPanel api={api} onUnauthorized={signOut} />}
        {tab === 'stations' && <StationsPanel api={api} onUnauthorized={signOut} />}
        {tab === 'reconcile' && <ReconcilePanel api={api} />}
        {tab === 'settings' && <SettingsPanel api={api} />}
      </main>
    </div>
  );
}
