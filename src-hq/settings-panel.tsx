import { useCallback, useState } from 'react';
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
      setMessage(`Not JSON: ${(error as Error).message}`);
      return;
    }
    const ids = stores.trim() === 'all' ? 'all' : stores.split(/[\s,]+/).filter(Boolean);
    const r = await api.pushSettings(ids, settings);
    setMessage(
      r.ok
        ? `Saved for ${r.value.stores.map((s) => `${s.storeId} (r${s.revision})`).join(', ') || 'no store'}`
        : r.message,
    );
    reload();
  };
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">Settings pushed to stations</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void push();
        }}
      >
        <label>
          Stores (ids separated by commas, or all)
          <input value={stores} onChange={(e) => setStores(e.target.value)} />
        </label>
        <label>
          Settings (part of config.json)
          <textarea rows={8} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">Push</button>
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
              <th>Store</th>
              <th>Revision</th>
              <th>Settings</th>
              <th>Changed</th>
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
