import type { Outbox } from '../ledger/outbox';
import type { SendOutcome } from './hq-client';
import type { StoreSettings } from './hq-settings';
import type { Batch, SettingsState } from './wire';

/** What the cashier window and logs are told about HQ. */
export interface HqSyncStatus {
  state: 'starting' | 'synced' | 'retrying' | 'refused' | 'rejected' | 'stopped';
  /** Epoch ms of the last batch HQ acknowledged, null before the first. */
  lastSyncAt: number | null;
  pending: number;
  message: string;
  /** The last settings pushed by HQ and what became of them. */
  settings: SettingsState | null;
}

export interface HqSyncDeps {
  outbox: Pick<Outbox, 'read' | 'acknowledge' | 'pending' | 'acknowledgedUpTo'>;
  /** Pushes one batch (HTTP in production); never throws. */
  send: (batch: Omit<Batch, 'storeId' | 'stationId'>) => Promise<SendOutcome>;
  version: string;
  now: () => number;
  batchSize?: number;
  /** Wait between checks when nothing is pending (ms). */
  intervalMs?: number;
  /** First retry delay after a failure, doubled per failure up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  onStatus?: (status: HqSyncStatus) => void;
  /** The payment side's state (available, unreachable, …), reported to HQ with every push. */
  paymentsState?: () => string;
  /** Settings the station applied or refused so far, reported to HQ with every push. */
  settingsState?: () => SettingsState | null;
  /** Applies settings HQ sent with an acknowledgement (station-settings.ts). */
  applySettings?: (pushed: StoreSettings) => SettingsState;
}

export interface HqSync {
  status(): HqSyncStatus;
  /** Pushes now instead of at the next tick (a payment was just recorded). */
  nudge(): void;
  stop(): Promise<void>;
}

/**
 * The station's side of the sync: a loop, apart from every payment, that pushes the outbox to
 * HQ in journal order and drops what HQ acknowledged. Failures only delay it (backoff); a gap
 * HQ reports moves the cursor back to what HQ asks for. Nothing here is awaited by a payment.
 */
export function startHqSync(deps: HqSyncDeps): HqSync {
  const batchSize = deps.batchSize ?? 500;
  const intervalMs = deps.intervalMs ?? 5_000;
  const backoffMs = deps.backoffMs ?? 1_000;
  const maxBackoffMs = deps.maxBackoffMs ?? 60_000;
  let cursor = deps.outbox.acknowledgedUpTo();
  let failures = 0;
  let stopped = false;
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  let status: HqSyncStatus = {
    state: 'starting',
    lastSyncAt: null,
    pending: deps.outbox.pending().count,
    message: 'Connecting to HQ',
    settings: deps.settingsState?.() ?? null,
  };
  const set = (next: Partial<HqSyncStatus>) => {
    status = { ...status, ...next, pending: deps.outbox.pending().count };
    deps.onStatus?.(status);
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    }).finally(() => {
      clearTimeout(timer);
      wake = null;
    });

  /** One push; returns how long to wait before the next (0: go on at once). */
  const step = async (): Promise<number> => {
    const events = deps.outbox.read(cursor, batchSize);
    const pending = deps.outbox.pending();
    const settings = deps.settingsState?.() ?? undefined;
    const outcome = await deps.send({
      version: deps.version,
      health: {
        pending: pending.count,
        oldestPendingDay: pending.oldestDay,
        payments: deps.paymentsState?.().slice(0, 200),
        settings,
      },
      events,
    });
    switch (outcome.kind) {
      case 'applied':
        cursor = outcome.reply.ackedSeq;
        deps.outbox.acknowledge(cursor);
        failures = 0;
        if (outcome.reply.settings && deps.applySettings)
          status.settings = deps.applySettings(outcome.reply.settings);
        set({ state: 'synced', lastSyncAt: deps.now(), message: 'HQ is up to date' });
        return events.length === batchSize ? 0 : intervalMs;
      case 'gap':
        // HQ holds less (or more) than we thought: continue from what it asks for.
        cursor = outcome.expectedSeq - 1;
        failures = 0;
        return 0;
      case 'refused':
      case 'rejected':
        set({ state: outcome.kind, message: outcome.message });
        return maxBackoffMs;
      case 'unreachable':
        failures += 1;
        set({ state: 'retrying', message: outcome.message });
        return Math.min(backoffMs * 2 ** (failures - 1), maxBackoffMs);
    }
  };

  const loop = (async () => {
    while (!stopped) {
      let wait: number;
      try {
        wait = await step();
      } catch (error) {
        // The ledger could not be read (disk fault): try again later, never crash the station.
        set({ state: 'retrying', message: `HQ sync paused: ${(error as Error).message}` });
        wait = maxBackoffMs;
      }
      if (!stopped && wait > 0) await sleep(wait);
    }
  })();

  return {
    status: () => status,
    nudge: () => {
      if (status.state === 'synced') wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      set({ state: 'stopped', message: 'HQ sync stopped' });
    },
  };
}
