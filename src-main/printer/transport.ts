import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import type { PrinterConnection } from './config';

/** An open connection to a printer for one job. */
export interface PrinterLink {
  /** Writes bytes; resolves once they are handed to the OS (drained for serial). */
  write(bytes: Buffer): Promise<void>;
  /** Sends a real-time status request and resolves with the first byte back, or null. */
  request(bytes: Buffer, timeoutMs: number): Promise<number | null>;
  /** False when the link cannot answer (a USB device file opened write-only). */
  readonly canAnswer: boolean;
  close(): Promise<void>;
}

/** A printer connection as people name it: "tcp 192.168.1.50:9100", "serial /dev/ttyUSB0". */
export function describeConnection(c: PrinterConnection): string {
  return c.type === 'tcp' ? `tcp ${c.host}:${c.port}` : `${c.type} ${c.path}`;
}

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });

/** Waits for the first byte a stream sends after `send`, or null after `timeoutMs`. */
function firstByte(
  stream: Socket | SerialPort,
  send: () => void,
  timeoutMs: number,
): Promise<number | null> {
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => finish(chunk[0] ?? null);
    const timer = setTimeout(() => finish(null), timeoutMs);
    function finish(value: number | null) {
      clearTimeout(timer);
      stream.off('data', onData);
      resolve(value);
    }
    stream.on('data', onData);
    send();
  });
}

async function openTcp(host: string, port: number, timeoutMs: number): Promise<PrinterLink> {
  const socket = await withTimeout(
    new Promise<Socket>((resolve, reject) => {
      const s = connect({ host, port });
      s.once('connect', () => resolve(s));
      s.once('error', (e) => (s.destroy(), reject(e)));
    }),
    timeoutMs,
    `connecting to ${host}:${port}`,
  );
  socket.on('error', () => undefined); // surfaced through write/close instead
  return {
    canAnswer: true,
    write: (bytes) =>
      withTimeout(
        new Promise<void>((resolve, reject) =>
          socket.write(bytes, (e) => (e ? reject(e) : resolve())),
        ),
        timeoutMs,
        'sending to the printer',
      ),
    request: (bytes, ms) => firstByte(socket, () => socket.write(bytes), ms),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.destroyed) return resolve();
        socket.end(() => resolve());
        setTimeout(() => (socket.destroy(), resolve()), 1000).unref();
      }),
  };
}

async function openSerial(path: string, baudRate: number, timeoutMs: number): Promise<PrinterLink> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await withTimeout(
    new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve()))),
    timeoutMs,
    `opening ${path}`,
  );
  port.on('error', () => undefined);
  return {
    canAnswer: true,
    write: (bytes) =>
      withTimeout(
        new Promise<void>((resolve, reject) =>
          port.write(bytes, (e) =>
            e ? reject(e) : port.drain((d) => (d ? reject(d) : resolve())),
          ),
        ),
        timeoutMs,
        'sending to the printer',
      ),
    request: (bytes, ms) => firstByte(port, () => port.write(bytes), ms),
    close: () =>
      new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}

/**
 * A USB printer through its printer-class device file (Linux usblp: /dev/usb/lp0). Opened
 * write-only and never created: a missing device is an error, not a new file in /dev.
 */
async function openUsb(path: string, timeoutMs: number): Promise<PrinterLink> {
  const handle = await withTimeout(open(path, constants.O_WRONLY), timeoutMs, `opening ${path}`);
  return {
    canAnswer: false,
    write: async (bytes) => {
      await withTimeout(handle.write(bytes), timeoutMs, 'sending to the printer');
    },
    request: () => Promise.resolve(null),
    close: () => handle.close(),
  };
}

/** Opens a link to the configured printer; rejects with a message naming what failed. */
export function openPrinterLink(c: PrinterConnection, timeoutMs: number): Promise<PrinterLink> {
  if (c.type === 'tcp') return openTcp(c.host, c.port, timeoutMs);
  if (c.type === 'serial') return openSerial(c.path, c.baudRate, timeoutMs);
  return openUsb(c.path, timeoutMs);
}
