import type { Logger } from 'pino';
import type { DeviceConfig, DevicesConfig } from './config';
import type { HidBackend } from './hid-backend';
import { createHidScanner } from './hid-scanner';
import { createSerialScanner } from './serial-scanner';
import type { ScannerHandle, ScannerStatus } from './status';

/** One code read by any configured scanner. */
export interface DeviceScan {
  deviceId: string;
  raw: string;
  /** Epoch ms. */
  at: number;
}

/** A row of the cashier's device panel. */
export interface DeviceHealth extends ScannerStatus {
  id: string;
  kind: DeviceConfig['kind'];
  /** The last raw code (settings' "test scan" readout), or null. */
  lastRaw: string | null;
}

export interface DeviceManagerOptions {
  config: DevicesConfig;
  logger: Logger;
  onScan(scan: DeviceScan): void;
  /** Called whenever a device's health changes (connect, disconnect, error, scan). */
  onHealth?(health: DeviceHealth[]): void;
  /** HID access; node-hid unless a test or platform provides another. */
  hidBackend?: HidBackend;
}

export interface DeviceManager {
  health(): DeviceHealth[];
  /** Resolves with the next code from `deviceId` (settings' test scan), or an error on timeout. */
  testScan(
    deviceId: string,
    timeoutMs?: number,
  ): Promise<{ ok: true; value: DeviceScan } | { ok: false; error: string }>;
  close(): Promise<void>;
}

/** Logs never carry a whole payment code: length and last four characters are enough to debug. */
export function maskCode(raw: string): string {
  return raw.length <= 4 ? `${raw.length} chars` : `${raw.length} chars …${raw.slice(-4)}`;
}

/**
 * Starts every configured scanner and merges their codes into one stream. Keeps health per
 * device for the cashier panel. One scanner failing (missing port, unplugged) never affects
 * the others: each reconnects by itself and reports its last error.
 */
export function createDeviceManager(options: DeviceManagerOptions): DeviceManager {
  const log = options.logger.child({ component: 'devices' });
  const rows = new Map<string, { health: DeviceHealth; handle: ScannerHandle }>();
  const waiters = new Map<string, Set<(scan: DeviceScan) => void>>();
  const snapshot = () => [...rows.values()].map((r) => ({ ...r.health }));
  const changed = () => options.onHealth?.(snapshot());

  for (const device of options.config.scanners) {
    const health: DeviceHealth = {
      id: device.id,
      kind: device.kind,
      connected: false,
      lastScanAt: null,
      lastError: null,
      lastRaw: null,
    };
    const onScan = (raw: string, at: number) => {
      health.lastRaw = raw;
      health.lastScanAt = at;
      log.info({ deviceId: device.id, code: maskCode(raw) }, 'scan');
      const scan = { deviceId: device.id, raw, at };
      for (const resolve of waiters.get(device.id) ?? []) resolve(scan);
      waiters.delete(device.id);
      options.onScan(scan);
    };
    const onStatus = (s: ScannerStatus) => {
      if (s.connected !== health.connected) {
        if (s.connected) log.info({ deviceId: device.id }, 'scanner connected');
        else log.warn({ deviceId: device.id, error: s.lastError }, 'scanner disconnected');
      } else if (s.lastError && s.lastError !== health.lastError) {
        log.warn({ deviceId: device.id, error: s.lastError }, 'scanner error');
      }
      Object.assign(health, s);
      changed();
    };
    const handle =
      device.kind === 'serial'
        ? createSerialScanner({ ...device, onScan, onStatus })
        : createHidScanner({
            kind: device.kind,
            vendorId: device.vendorId,
            productId: device.productId,
            layout: device.kind === 'hid-keyboard' ? device.layout : undefined,
            pollMs: device.pollMs,
            backend: options.hidBackend,
            onScan,
            onStatus,
          });
    rows.set(device.id, { health, handle });
    log.info({ deviceId: device.id, kind: device.kind }, 'scanner configured');
  }

  return {
    health: snapshot,
    testScan(deviceId, timeoutMs = 15_000) {
      if (!rows.has(deviceId)) {
        return Promise.resolve({ ok: false, error: `no scanner with id '${deviceId}'` });
      }
      return new Promise((resolve) => {
        const set = waiters.get(deviceId) ?? new Set();
        waiters.set(deviceId, set);
        const done = (scan: DeviceScan) => {
          clearTimeout(timer);
          resolve({ ok: true, value: scan });
        };
        const timer = setTimeout(() => {
          set.delete(done);
          resolve({ ok: false, error: `no scan from '${deviceId}' within ${timeoutMs} ms` });
        }, timeoutMs);
        set.add(done);
      });
    },
    async close() {
      await Promise.all([...rows.values()].map((r) => r.handle.close()));
      log.info('scanners closed');
    },
  };
}
