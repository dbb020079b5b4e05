import { createServer, type Server, type Socket } from 'node:net';
import { SerialPort } from 'serialport';

/** What the simulated printer answers to DLE EOT 4 and 1, and what it received. */
export interface SimulatedPrinter {
  /** Every byte received, status requests included, in order. */
  received(): Buffer;
  paper: 'ok' | 'near_end' | 'out';
  /** When true the printer takes bytes but never answers status requests. */
  mute: boolean;
  /** Forgets what was received. */
  clear(): void;
}

/** The answer byte a real printer gives to DLE EOT n (fixed bits 0x12 plus the state bits). */
function answer(n: number, printer: SimulatedPrinter): number {
  if (n === 4)
    return 0x12 | (printer.paper === 'out' ? 0x60 : printer.paper === 'near_end' ? 0x0c : 0);
  if (n === 1) return 0x12;
  return 0x12;
}

/** Feeds received chunks, answering each DLE EOT request through `reply`. */
function createSink(reply: (byte: number) => void): SimulatedPrinter & { feed(c: Buffer): void } {
  const chunks: Buffer[] = [];
  // The last two bytes of the previous chunk: a request may arrive split across chunks. A
  // 3-byte request never fits inside them, so none is answered twice.
  let tail = Buffer.alloc(0);
  const printer = {
    paper: 'ok' as SimulatedPrinter['paper'],
    mute: false,
    received: () => Buffer.concat(chunks),
    clear: () => void chunks.splice(0),
    feed(chunk: Buffer) {
      chunks.push(chunk);
      const view = Buffer.concat([tail, chunk]);
      for (let i = 0; i + 2 < view.length; i++)
        if (view[i] === 0x10 && view[i + 1] === 0x04 && !printer.mute)
          reply(answer(view[i + 2]!, printer));
      tail = view.subarray(Math.max(0, view.length - 2));
    },
  };
  return printer;
}

/** A printer listening on raw TCP (like port 9100) on 127.0.0.1; `port` is chosen by the OS. */
export async function simulateTcpPrinter(): Promise<
  SimulatedPrinter & { port: number; close(): Promise<void> }
> {
  const sockets = new Set<Socket>();
  let current: Socket | null = null;
  const sink = createSink((b) => current?.write(Buffer.from([b])));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    current = socket;
    socket.on('data', (chunk) => sink.feed(chunk));
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return Object.assign(sink, {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
}

/** A printer on the far end of a serial line (the host side of a socat pty pair). */
export async function simulateSerialPrinter(
  path: string,
): Promise<SimulatedPrinter & { close(): Promise<void> }> {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  const sink = createSink((b) => port.write(Buffer.from([b])));
  port.on('data', (chunk: Buffer) => sink.feed(chunk));
  return Object.assign(sink, {
    close: () =>
      new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  });
}
