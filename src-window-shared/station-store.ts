import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CheckoutSnapshot } from '../src-main/contract/checkout';
import type { StationInfo } from '../src-main/contract/commands';
import type { ContractError } from '../src-main/contract/result';
import type { WsStatus } from './ws-transport';

/** What a window knows about the station: only what main told it. */
export interface StationState {
  status: WsStatus;
  statusError: ContractError | null;
  info: StationInfo | null;
  snapshot: CheckoutSnapshot | null;
  /**
   * Local time (epoch ms) this window first saw the current phase. Timers in a window use it
   * rather than the station's clock, which a tablet's clock may disagree with.
   */
  phaseSince: number;
}

export type StationStore = StoreApi<StationState>;

/** A fresh store for one window. */
export function createStationStore(): StationStore {
  return createStore<StationState>(() => ({
    status: 'connecting',
    statusError: null,
    info: null,
    snapshot: null,
    phaseSince: Date.now(),
  }));
}

/**
 * Applies a snapshot unless it is older than the one shown. Events arrive in order on one
 * connection, but a command's reply can race an event, so the revision decides; within one
 * revision the time does: a hint (a refused scan) changes the snapshot without a new revision,
 * and the station replies to a command after the events of commands behind it, so the reply to
 * "pay by code" could otherwise wipe out "that code cannot be used" a moment after it showed.
 * A station restarted with its revisions from zero is newer by time.
 */
export function applySnapshot(store: StationStore, next: CheckoutSnapshot): void {
  const current = store.getState().snapshot;
  const older =
    current !== null &&
    ((next.revision < current.revision && next.updatedAt <= current.updatedAt) ||
      (next.revision === current.revision && next.updatedAt < current.updatedAt));
  if (older) return;
  const phaseSince = current?.phase === next.phase ? store.getState().phaseSince : Date.now();
  store.setState({ snapshot: next, phaseSince });
}
