import { useEffect, useRef } from 'react';
import type { CheckoutSnapshot } from '../src-main/contract/checkout';
import { attachWedge } from './attach-wedge';
import type { Result } from '../src-main/contract/result';
import { applySnapshot, type StationStore } from './station-store';

/**
 * Listens for keyboard-wedge scanner bursts in this window while `enabled` and sends each scan
 * to the station (`scan.submit`). The station decides what a scan means: it pays when a code is
 * awaited, otherwise it answers with a notice (scan ignored, busy, code refused) that both
 * windows show from the next snapshot, so the reply's error needs no handling here.
 */
export function useWedgeScan(
  submitScan: (raw: string) => Promise<Result<CheckoutSnapshot>>,
  store: StationStore,
  enabled = true,
  /** Told about a scan made while the station is unreachable: it is refused, never queued. */
  onOffline?: (raw: string) => void,
): void {
  // The latest submit function without re-attaching the listener on every render.
  const submitRef = useRef(submitScan);
  const offlineRef = useRef(onOffline);
  useEffect(() => {
    submitRef.current = submitScan;
    offlineRef.current = onOffline;
  });
  useEffect(() => {
    if (!enabled) return;
    return attachWedge(window, (value) => {
      // A scan while the station is down would be lost in a queue or answered much later, when
      // the customer has gone: refuse it now, where the cashier and the customer can see it.
      if (store.getState().status !== 'ready') return offlineRef.current?.(value);
      void submitRef.current(value).then((r) => r.ok && applySnapshot(store, r.value));
    });
  }, [enabled, store]);
}
