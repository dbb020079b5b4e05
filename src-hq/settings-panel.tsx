import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqApi } from './api';
import { useLoad } from './use-load';

const EXAMPLE = `{
  "store": { "name": "Tea House North", "message": "Welcome" },
  "methods": ["code", "face", "qr"]
}`;

/**
 * Settings for stores: a part of the station's config.json (methods, store name and message,
 * customer timeouts, payment time limits), checked by HQ with the station's own schema, applied
 * by each station on its next sync.
 */
export function SettingsPanel({ api }: { api: HqApi }) {
  const { t } = useTranslation();
  const load = useCallback(() => api.settings(), [api]);
  const { state, reload } = useLoad(load);
  const [stores, setStores] = useState('all');
  const [text, setText] = useState(EXAMPLE);
  const [message, setMessage] = useState<string | null>(null);
  const push = async () => {
    let settings: unknown;
    try {
      settings = JSON.parse(text);
    } catch (error) {
      setMessage(t('settings.notJson', { message: (error as Error).message }));
      return;
    }
    const ids = stores.trim() === 'all' ? 'all' : stores.split(/[\s,]+/).filter(Boolean);
    const r = await api.pushSettings(ids, settings);
    const saved = r.ok ? r.value.stores.map((s) => `${s.storeId} (r${s.revision})`) : [];
    setMessage(
      r.ok ? t('settings.saved', { stores: saved.join(', ') || t('settings.noStore') }) : r.message,
    );
    reload();
  };
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void push();
        }}
      >
        <label>
          {t('settings.stores')}
          <input value={stores} onChange={(e) => setStores(e.target.value)} />
        </label>
        <label>
          {t('settings.json')}
          <textarea rows={8} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">{t('settings.push')}</button>
      </form>
      {message && (
        <p role="status" data-testid="settings-message">
          {message}
        </p>
      )}
      {state?.ok && (
        <table>
          <thead>
            <tr>
              <th>{t('settings.store')}</th>
              <th>{t('settings.revision')}</th>
              <th>{t('settings.values')}</th>
              <th>{t('settings.changed')}</th>
            </tr>
          </thead>
          <tbody>
            {state.value.stores.map((s) => (
              <tr key={s.storeId}>
                <td>{s.storeId}</td>
                <td>r{s.revision}</td>
                <td>
                  <code>{JSON.stringify(s.settings)}</code>
                </td>
                <td>{new Date(s.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
