import { SerialPort } from 'serialport';
import type { SerialSuffix } from './config';
import { createFramer } from './framing';
import { listSysfsSerialPorts } from './sysfs-serial-ports';
import {
  backoffDelay,
  DEFAULT_BACKOFF,
  errorText,
  type BackoffOptions,
  type ScannerHandle,
  type ScannerStatus,
} from './status';

export interface SerialScannerOptions {
  path: string;
  baudRate: number;
  dataBits: 5 | 6 | 7 | 8;
  parity: 'none' | 'even' | 'odd' | 'mark' | 'space';
  stopBits: 1 | 1.5 | 2;
  suffix: SerialSuffix;
  /** Gap that ends a code when suffix is 'none'; with a suffix it drops a stale half code. */
  idleMs?: number;
  backoff?: BackoffOptions;
  onScan(raw: string, at: number): void;
  onStatus?(status: ScannerStatus): void;
}

/**
 * Reads codes from a serial scanner. Opens the port, frames bytes by suffix (or idle gap),
 * and when the port vanishes (scanner unplugged, adapter reset) keeps retrying with backoff
 * until it is back. Never throws: every failure ends up in status().lastError.
 */
export function createSerialScanner(options: SerialScannerOptions): ScannerHandle {
  const idleMs = options.idleMs ?? 50;
  const state: ScannerStatus = { connected: false, lastScanAt: null, lastError: null };
  let port: SerialPort | null = null;
  let closed = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let idleTimer: NodeJS.Timeout | null = null;

  const publish = (patch: Partial<ScannerStatus>) => {
    Object.assign(state, patch);
    options.onStatus?.({ ...state });
  };
  const framer = createFramer(options.suffix, (bytes) =>
    publish({ lastError: `dropped ${bytes} bytes without a ${options.suffix} suffix` }),
  );
  const emit = (raw: string) => {
    const at = Date.now();
    state.lastScanAt = at;
    options.onScan(raw, at);
    publish({});
  };

  const onIdle = () => {
    idleTimer = null;
    if (options.suffix === 'none') {
      const raw = framer.flush();
      if (raw !== null) emit(raw);
    } else if (framer.pending() > 0) {
      // A suffix scanner that stops mid-code (unplugged, noise): never glue it to the next code.
      publish({ lastError: `dropped ${framer.pending()} bytes that had no suffix` });
      framer.reset();
    }
  };

  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    const delay = backoffDelay(attempt++, options.backoff ?? DEFAULT_BACKOFF);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      open();
    }, delay);
  };

  const open = () => {
    if (closed) return;
    const next = new SerialPort({
      path: options.path,
      baudRate: options.baudRate,
      dataBits: options.dataBits,
      parity: options.parity,
      stopBits: options.stopBits,
      autoOpen: false,
      // Scanners are read-only for us; hupcl off keeps DTR up across our own reopen.
      hupcl: false,
    });
    next.on('data', (chunk: Buffer) => {
      for (const raw of framer.push(chunk)) emit(raw);
      if (idleTimer) clearTimeout(idleTimer);
      // With a suffix the idle timer only clears leftovers, so it can be generous.
      idleTimer = setTimeout(onIdle, options.suffix === 'none' ? idleMs : Math.max(idleMs, 1000));
    });
    next.on('error', (error) => publish({ lastError: errorText(error) }));
    next.on('close', (error: (Error & { disconnected?: boolean }) | null) => {
      if (port !== next) return;
      port = null;
      framer.reset();
      if (closed) return publish({ connected: false });
      publish({ connected: false, lastError: error ? errorText(error) : 'port closed' });
      scheduleRetry();
    });
    next.open((error) => {
      if (closed) {
        if (!error) next.close();
        return;
      }
      if (error) {
        publish({ connected: false, lastError: errorText(error) });
        scheduleRetry();
        return;
      }
      attempt = 0;
      port = next;
      framer.reset();
      publish({ connected: true });
    });
  };

  open();

  return {
    status: () => ({ ...state }),
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        if (retryTimer) clearTimeout(retryTimer);
        if (idleTimer) clearTimeout(idleTimer);
        const current = port;
        port = null;
        state.connected = false;
        if (current?.isOpen) current.close(() => resolve());
        else resolve();
      }),
  };
}

/** A serial port as the settings screen lists it. */
export interface SerialPortEntry {
  path: string;
  manufacturer: string | null;
  serialNumber: string | null;
  vendorId: string | null;
  productId: string | null;
  /** Linux: the port's stable `/dev/serial/by-id/…` name, which survives re-plugging. */
  byId: string | null;
}

/**
 * Lists the machine's serial ports; an empty list (not an error) when there are none. On Linux
 * the list comes from sysfs, because serialport's own listing spawns `udevadm`, which many store
 * machines and CI images do not have; elsewhere serialport asks the OS.
 */
export async function listSerialPorts(
  platform: NodeJS.Platform = process.platform,
): Promise<{ ok: true; value: SerialPortEntry[] } | { ok: false; error: string }> {
  try {
    if (platform === 'linux') {
      return { ok: true, value: await listSysfsSerialPorts() };
    }
    const ports = await SerialPort.list();
    return {
      ok: true,
      value: ports.map((p) => ({
        path: p.path,
        manufacturer: p.manufacturer ?? null,
        serialNumber: p.serialNumber ?? null,
        vendorId: p.vendorId ?? null,
        productId: p.productId ?? null,
        byId: null,
      })),
    };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}
