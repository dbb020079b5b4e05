import { SerialPort } from 'serialport';
import { createPoleParser, type PoleAmount, type PoleProtocol } from './protocol';

/** Options of {@link createPoleDisplayTap}. */
export interface PoleDisplayTapOptions {
  path: string;
  baudRate: number;
  protocol: PoleProtocol;
  currency?: string;
  /** Port of the real pole display; every byte read is written there unchanged. */
  passThroughPath?: string | null;
  /** An amount shown on the pole display, in minor units (with the lamp lit at the time). */
  onAmount: (amount: number, detail: PoleAmount) => void;
  /** Garbled bytes, a port that cannot open or goes away: reported, never thrown. */
  onError: (message: string) => void;
}

/**
 * Listens to the serial stream a legacy POS sends to its customer pole display and reports
 * each amount shown. Optionally passes the stream through to the real display so the
 * customer still sees it. `ready` settles once the ports are open (failures go to onError).
 */
export function createPoleDisplayTap(options: PoleDisplayTapOptions): {
  ready: Promise<void>;
  /** Whether the POS-side port is open now (false before `ready`, after a failure or close). */
  isOpen(): boolean;
  close(): Promise<void>;
} {
  const parser = createPoleParser(options.protocol, options.currency);
  let closed = false;
  const ports: SerialPort[] = [];
  const open = (path: string) =>
    new Promise<SerialPort | null>((resolve) => {
      const port = new SerialPort({ path, baudRate: options.baudRate, autoOpen: false });
      port.open((err) => {
        if (err) {
          options.onError(`cannot open ${path}: ${err.message}`);
          resolve(null);
        } else {
          ports.push(port);
          resolve(port);
        }
      });
    });
  const ready = (async () => {
    const input = await open(options.path);
    const output = options.passThroughPath ? await open(options.passThroughPath) : null;
    if (closed) return;
    input?.on('data', (chunk: Buffer) => {
      output?.write(chunk);
      for (const event of parser.push(chunk)) {
        if (event.kind === 'amount') options.onAmount(event.value.amount, event.value);
        else options.onError(`pole display stream: ${event.message}`);
      }
    });
    input?.on('error', (err) => options.onError(`${options.path}: ${err.message}`));
    output?.on('error', (err) => options.onError(`${options.passThroughPath}: ${err.message}`));
  })();
  return {
    ready,
    isOpen: () => !closed && ports.some((p) => p.path === options.path && p.isOpen),
    async close() {
      closed = true;
      await ready;
      await Promise.all(
        ports.map(
          (p) => new Promise<void>((resolve) => (p.isOpen ? p.close(() => resolve()) : resolve())),
        ),
      );
    },
  };
}
