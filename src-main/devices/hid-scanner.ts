import type { KeyboardLayoutName } from './config';
import {
  nodeHidBackend,
  type HidBackend,
  type HidConnection,
  type HidDeviceInfo,
} from './hid-backend';
import { createKeyboardScanAssembler } from './hid-keyboard-decoder';
import { createHidPosAssembler, type DecodeResult } from './hid-pos-decoder';
import { errorText, type ScannerHandle, type ScannerStatus } from './status';

const POS_USAGE_PAGE = 0x8c;
const DESKTOP_USAGE_PAGE = 0x01;
const KEYBOARD_USAGE = 0x06;

export interface HidScannerOptions {
  kind: 'hid-pos' | 'hid-keyboard';
  vendorId: number;
  productId: number;
  layout?: KeyboardLayoutName;
  /** How often to look for the device while it is absent. */
  pollMs?: number;
  /** A keyboard-mode code with no Enter/Tab suffix ends after this quiet time. */
  idleMs?: number;
  backend?: HidBackend;
  onScan(raw: string, at: number): void;
  onStatus?(status: ScannerStatus): void;
}

/**
 * Picks the interface to read: scanners expose several (keyboard, HID POS, vendor) under one
 * vendor/product id, so prefer the one whose usage page matches the configured kind.
 */
export function pickHidInterface(
  devices: HidDeviceInfo[],
  o: Pick<HidScannerOptions, 'kind' | 'vendorId' | 'productId'>,
): HidDeviceInfo | null {
  const mine = devices.filter(
    (d) => d.vendorId === o.vendorId && d.productId === o.productId && d.path,
  );
  const wanted = mine.find((d) =>
    o.kind === 'hid-pos'
      ? d.usagePage === POS_USAGE_PAGE
      : d.usagePage === DESKTOP_USAGE_PAGE && d.usage === KEYBOARD_USAGE,
  );
  // hidapi's libusb back-end reports no usage page: fall back to the only/first interface.
  return wanted ?? (mine.every((d) => !d.usagePage) ? (mine[0] ?? null) : null);
}

/** Report → scans, for the configured kind. */
function createReportDecoder(o: HidScannerOptions) {
  if (o.kind === 'hid-pos') {
    const asm = createHidPosAssembler();
    return {
      push: (r: Buffer): DecodeResult<string[]> => {
        const res = asm.push(r);
        return res.ok ? { ok: true, value: res.value ? [res.value.raw] : [] } : res;
      },
      flush: (): string | null => (asm.reset(), null),
      pending: () => 0,
    };
  }
  return createKeyboardScanAssembler(o.layout ?? 'us');
}

/**
 * Reads codes from a USB HID scanner chosen by vendor/product id. Polls enumeration while the
 * device is absent (hot-plug) and after a read error (unplugged), so it comes back by itself.
 */
export function createHidScanner(options: HidScannerOptions): ScannerHandle {
  const backend = options.backend ?? nodeHidBackend();
  const pollMs = options.pollMs ?? 1000;
  const idleMs = options.idleMs ?? 100;
  const state: ScannerStatus = { connected: false, lastScanAt: null, lastError: null };
  const decoder = createReportDecoder(options);
  let device: HidConnection | null = null;
  let closed = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let idleTimer: NodeJS.Timeout | null = null;

  const publish = (patch: Partial<ScannerStatus>) => {
    Object.assign(state, patch);
    options.onStatus?.({ ...state });
  };
  const emit = (raw: string) => {
    const at = Date.now();
    state.lastScanAt = at;
    options.onScan(raw, at);
    publish({});
  };
  const schedule = () => {
    if (!closed && !pollTimer) pollTimer = setTimeout(connect, pollMs);
  };
  const lost = (error: unknown) => {
    const current = device;
    device = null;
    decoder.flush();
    publish({ connected: false, lastError: errorText(error) });
    void current?.close().catch(() => undefined);
    schedule();
  };

  async function connect(): Promise<void> {
    pollTimer = null;
    if (closed || device) return;
    try {
      const info = pickHidInterface(await backend.devices(), options);
      if (!info?.path) {
        if (state.connected || state.lastError === null) {
          publish({ connected: false, lastError: 'device not present' });
        }
        return schedule();
      }
      const opened = await backend.open(info.path);
      if (closed) return void (await opened.close());
      device = opened;
      opened.on('data', (report) => {
        const res = decoder.push(report);
        if (!res.ok) return publish({ lastError: res.error });
        for (const raw of res.value) emit(raw);
        if (idleTimer) clearTimeout(idleTimer);
        if (decoder.pending() > 0) {
          idleTimer = setTimeout(() => {
            const raw = decoder.flush();
            if (raw) emit(raw);
          }, idleMs);
        }
      });
      opened.on('error', (error) => {
        if (device === opened) lost(error);
      });
      publish({ connected: true });
    } catch (error) {
      publish({ connected: false, lastError: errorText(error) });
      schedule();
    }
  }

  void connect();

  return {
    status: () => ({ ...state }),
    async close() {
      closed = true;
      if (pollTimer) clearTimeout(pollTimer);
      if (idleTimer) clearTimeout(idleTimer);
      const current = device;
      device = null;
      state.connected = false;
      await current?.close().catch(() => undefined);
    },
  };
}
