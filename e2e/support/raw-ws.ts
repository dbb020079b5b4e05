import WebSocket from 'ws';

/** A raw contract WebSocket for tests: every frame received is kept and can be awaited. */
export interface RawClient {
  received: unknown[];
  send(data: string | object): void;
  /** Resolves with the first frame (already received or coming) that matches. */
  next(
    match: (msg: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  call(
    id: number,
    command: string,
    input: unknown,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  isOpen(): boolean;
  close(): void;
}

/** Opens a raw WebSocket to the station (no hello yet). */
export async function openRaw(url: string): Promise<RawClient> {
  const ws = new WebSocket(url);
  const received: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as Record<string, unknown>);
    waiters.forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const next: RawClient['next'] = (match, timeoutMs = 5_000) =>
    new Promise((resolve, reject) => {
      let seen = 0;
      const check = () => {
        for (; seen < received.length; seen++) {
          const msg = received[seen]!;
          if (match(msg)) {
            waiters.delete(check);
            clearTimeout(timer);
            // Consumed, so the next wait for the same shape finds the next frame.
            received.splice(seen, 1);
            resolve(msg);
            return;
          }
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching frame in ${timeoutMs} ms; got ${JSON.stringify(received)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  const send = (data: string | object) =>
    ws.send(typeof data === 'string' ? data : JSON.stringify(data));
  return {
    received,
    send,
    next,
    call(id, command, input, timeoutMs) {
      send({ type: 'call', id, command, input });
      return next((m) => (m.type === 'result' || m.type === 'error') && m.id === id, timeoutMs);
    },
    isOpen: () => ws.readyState === WebSocket.OPEN,
    close: () => ws.close(),
  };
}

/** Reads the cashier token the station injects into the cashier page for loopback clients. */
export async function cashierToken(cashierUrl: string): Promise<string> {
  const html = await (await fetch(cashierUrl)).text();
  const token = /<meta name="countersign-token" content="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the cashier page carries no countersign-token meta');
  return token;
}

/** A cashier connection that said hello and got its welcome. */
export async function openCashier(wsUrl: string, cashierUrl: string): Promise<RawClient> {
  const c = await openRaw(wsUrl);
  c.send({ type: 'hello', role: 'cashier', token: await cashierToken(cashierUrl) });
  await c.next((m) => m.type === 'welcome');
  return c;
}
