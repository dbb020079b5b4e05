import { captureRegionRaw, pickBackend, type BackendChoice } from '../capture/capture';
import type { CaptureResult } from '../capture/region';
import type { Region } from '../contract/hardware';
import type { CaptureStatusView, PoleStatusView } from '../contract/store-ops';
import type { PoleConfig } from '../devices/pole-display/config';

/** What the pole row needs of a running tap. */
export interface PoleTapHandle {
  ready: Promise<void>;
  isOpen(): boolean;
  close(): Promise<void>;
}

/**
 * The pole-display tap with its device-panel row: starts the tap, remembers its last error and
 * last amount, and reopens the port(s) on the panel's "check". `start` gets the callbacks that
 * feed the row; it builds the tap (ports are passed in, so tests use a socat pair).
 */
export function createPoleRow(
  config: PoleConfig,
  start: (hooks: { onAmount(): void; onError(message: string): void }) => PoleTapHandle,
  now: () => number = Date.now,
) {
  const enabled = config.enabled && config.port !== null;
  let tap: PoleTapHandle | null = null;
  let opening = false;
  let lastError: string | null = null;
  let lastAmountAt: number | null = null;
  let lastCheckedAt: number | null = null;
  const hooks = {
    onAmount: () => {
      lastAmountAt = now();
    },
    onError: (message: string) => {
      lastError = message;
    },
  };

  async function open(): Promise<void> {
    opening = true;
    tap = start(hooks);
    await tap.ready;
    opening = false;
    lastCheckedAt = now();
  }
  if (enabled) void open();

  return {
    view(): PoleStatusView {
      const state = !enabled ? 'disabled' : opening ? 'opening' : tap?.isOpen() ? 'open' : 'failed';
      return {
        enabled,
        port: config.port,
        protocol: enabled ? config.protocol : null,
        state,
        lastError,
        lastAmountAt,
        lastCheckedAt,
      };
    },
    /** Closes and reopens the port(s); a disabled tap stays closed. */
    async check(): Promise<PoleStatusView> {
      if (!enabled) return this.view();
      await tap?.close();
      lastError = null;
      await open();
      return this.view();
    },
    async close() {
      await tap?.close();
    },
  };
}

/**
 * The screen-capture row: which back-end the configured choice resolves to and how the last grab
 * of the calibrated region went (the reader's and the panel's test alike).
 */
export function createCaptureRow(choice: BackendChoice, now: () => number = Date.now) {
  let last: Pick<
    CaptureStatusView,
    'lastCaptureAt' | 'lastWidth' | 'lastHeight' | 'lastMs' | 'lastError'
  > & { ok: boolean | null } = {
    ok: null,
    lastCaptureAt: null,
    lastWidth: null,
    lastHeight: null,
    lastMs: null,
    lastError: null,
  };

  /** Records one grab's outcome (size when it worked, the error when not). */
  function record(
    result: CaptureResult<{ width: number; height: number }>,
    startedAt: number,
  ): void {
    const at = now();
    last = result.ok
      ? {
          ok: true,
          lastCaptureAt: at,
          lastWidth: result.value.width,
          lastHeight: result.value.height,
          lastMs: at - startedAt,
          lastError: null,
        }
      : // The last good size and time stay, to compare with.
        { ...last, ok: false, lastCaptureAt: at, lastError: result.error };
  }

  return {
    record,
    view(region: Region | null): CaptureStatusView {
      return {
        choice,
        backend: pickBackend(choice)?.name ?? null,
        state: !region ? 'no_region' : last.ok === null ? 'unknown' : last.ok ? 'ok' : 'failed',
        lastCaptureAt: last.lastCaptureAt,
        lastWidth: last.lastWidth,
        lastHeight: last.lastHeight,
        lastMs: last.lastMs,
        lastError: last.lastError,
      };
    },
    /** Grabs the calibrated region once (raw pixels: the size is what the back-end returned). */
    async test(region: Region | null): Promise<CaptureStatusView> {
      if (!region) return this.view(region);
      const startedAt = now();
      const raw = await captureRegionRaw(region, choice);
      record(raw, startedAt);
      return this.view(region);
    },
  };
}
