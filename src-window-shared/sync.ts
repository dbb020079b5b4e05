import type { ContractClient } from '../src-main/contract/client';
import type { Role } from '../src-main/contract/commands';
import type { StationConnection } from './connect';
import { applySnapshot, type StationStore } from './station-store';

/**
 * Keeps a window's store in step with the station: on every (re)connection it reads the
 * station info and the current checkout, then follows `checkout.snapshot` and `station.info`
 * events.
 */
export function syncStation<R extends Role>(
  conn: StationConnection<R>,
  store: StationStore,
): () => void {
  const offEvent = conn.client.on('checkout.snapshot', (snapshot) =>
    applySnapshot(store, snapshot),
  );
  // New settings (pushed by HQ) reach a running window: names, language, methods, timeouts.
  const offInfo = conn.client.on('station.info', (info) => {
    const current = store.getState().info;
    if (current) store.setState({ info: { ...info, role: current.role } });
  });
  const offStatus = conn.onStatus((status, error) => {
    store.setState({ status, statusError: error ?? null });
    if (status !== 'ready') return;
    // station.info and checkout.get belong to both roles, so either role's client may call them;
    // the cast only tells the generic role type so.
    const client = conn.client as unknown as ContractClient<'cashier'>;
    void (async () => {
      const info = await client.call('station.info', {});
      if (info.ok) store.setState({ info: info.value });
      const snap = await client.call('checkout.get', {});
      if (snap.ok) applySnapshot(store, snap.value);
    })();
  });
  return () => {
    offEvent();
    offInfo();
    offStatus();
  };
}
