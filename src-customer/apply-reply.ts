import type { CheckoutSnapshot } from '../src-main/contract/checkout';
import { applySnapshot, type StationStore } from '../src-window-shared/station-store';

/**
 * Applies a command's reply to the store unless an event already brought a later snapshot of the
 * same revision. A hint (a refused scan, say) changes the snapshot without bumping its revision,
 * and the station sends a reply after the events of commands that came in behind it: the reply
 * to "pay by code" could otherwise wipe out "that code cannot be used" a moment after it showed.
 */
export function applyReply(store: StationStore, next: CheckoutSnapshot): void {
  const current = store.getState().snapshot;
  if (current && next.revision === current.revision && next.updatedAt < current.updatedAt) return;
  applySnapshot(store, next);
}
