import type { StationConfig } from './schema';

/**
 * The parts of a station's config that a running station takes up without a restart (settings
 * pushed by HQ, docs/hq.md): the methods offered, the store's name and message, the customer's
 * language and timeouts. The payment time limits go to the payment service by its own
 * `reconfigure` (station/setup-hq-sync.ts). Everything else (ports, devices, the payment
 * system) is read when its part starts, so it takes effect at the next start.
 */
export type LiveSettings = Pick<StationConfig, 'methods' | 'store' | 'customer'>;

/** The live part of a config. */
export function liveSettings(config: StationConfig): LiveSettings {
  return { methods: config.methods, store: config.store, customer: config.customer };
}

/** Whether two configs differ in their live part. */
export function liveSettingsDiffer(a: StationConfig, b: StationConfig): boolean {
  return JSON.stringify(liveSettings(a)) !== JSON.stringify(liveSettings(b));
}

/**
 * Holds a change until it may be applied, and applies only the latest: a running checkout is
 * never changed under the customer's hands, so new settings wait for the moment between two
 * checkouts (`between`), and the station calls `flush` at every change of its checkout.
 */
export function createDeferredApply<T>(deps: {
  between: () => boolean;
  apply: (value: T) => void;
}) {
  let pending: { value: T } | null = null;
  const flush = (): boolean => {
    if (!pending || !deps.between()) return false;
    const { value } = pending;
    pending = null;
    deps.apply(value);
    return true;
  };
  return {
    /** Applies now when between checkouts, else at the next flush that is; true when applied. */
    offer(value: T): boolean {
      pending = { value };
      return flush();
    },
    flush,
    /** Whether a change is waiting for the current checkout to end. */
    waiting: () => pending !== null,
  };
}
