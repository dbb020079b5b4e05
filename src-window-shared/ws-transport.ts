import type { Role } from '../src-main/contract/commands';
import type { Transport } from '../src-main/contract/client';
import { fail, type ContractError, type Result } from '../src-main/contract/result';
import { serverMessageSchema, type ClientMessage } from '../src-main/contract/wire';

export type WsStatus = 'connecting' | 'ready' | 'unpaired' | 'disconnected';

export interface WsTransportOptions {
  /** ws:// or wss:// address of the station's /ws endpoint. */
  url: string;
  role: Role;
  /** The token this device holds (cashier token, or a paired display's device token). */
  getToken(): string | null;
  /** Called with the new device token after a successful pairing, to persist it. */
  saveToken?(token: string): void;
  onStatus?(status: WsStatus, error?: ContractError): void;
  /** Milliseconds a call may wait for an answer. */
  callTimeoutMs?: number;
  WebSocketImpl?: typeof WebSocket;
}

export interface WsTransport extends Transport {
  /** Exchanges a one-time pairing code for a device token; the connection is then ready. */
  pair(code: string, deviceName: string): Promise<Result<true>>;
  status(): WsStatus;
  close(): void;
}

interface Pending {
  resolve(value: unknown): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * A transport over the station's WebSocket that authenticates (hello or pairing), reconnects
 * with backoff, and validates every frame it receives against the wire schema.
 */
export function createWsTransport(options: WsTransportOptions): WsTransport {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const timeoutMs = options.callTimeoutMs ?? 15_000;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const pending = new Map<number, Pending>();
  let pairing: ((r: Result<true>) => void) | null = null;
  let socket: WebSocket | null = null;
  let state: WsStatus = 'connecting';
  let nextId = 1;
  let backoff = 500;
  let closed = false;
  let waiting: Array<() => void> = [];
  /** A pair message waiting for a connection to open. */
  let queuedPair: ClientMessage | null = null;

  const setStatus = (next: WsStatus, error?: ContractError) => {
    state = next;
    options.onStatus?.(next, error);
    if (next === 'ready') {
      const run = waiting;
      waiting = [];
      run.forEach((f) => f());
    }
  };
  const send = (message: ClientMessage) => socket?.send(JSON.stringify(message));

  /** Opens the socket; `quiet` keeps an unpaired display on its pairing screen meanwhile. */
  const connect = (quiet = false) => {
    if (closed) return;
    if (!quiet) setStatus('connecting');
    const ws = new Impl(options.url);
    socket = ws;
    ws.onopen = () => {
      backoff = 500;
      if (queuedPair) {
        send(queuedPair);
        queuedPair = null;
        return;
      }
      const token = options.getToken();
      if (token) send({ type: 'hello', role: options.role, token });
      else setStatus('unpaired');
    };
    ws.onmessage = (event) => {
      let data: unknown;
      try {
        data = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const parsed = serverMessageSchema.safeParse(data);
      if (!parsed.success) return;
      const msg = parsed.data;
      if (msg.type === 'welcome') setStatus('ready');
      else if (msg.type === 'paired') {
        options.saveToken?.(msg.token);
        pairing?.({ ok: true, value: true });
        pairing = null;
      } else if (msg.type === 'result') {
        const p = pending.get(msg.id);
        if (p) {
          clearTimeout(p.timer);
          pending.delete(msg.id);
          p.resolve(msg.result);
        }
      } else if (msg.type === 'event') listeners.get(msg.name)?.forEach((l) => l(msg.payload));
      else if (msg.type === 'error') {
        if (msg.id !== null && pending.has(msg.id)) {
          const p = pending.get(msg.id)!;
          clearTimeout(p.timer);
          pending.delete(msg.id);
          p.resolve({ ok: false, error: msg.error });
        } else if (pairing) {
          pairing({ ok: false, error: msg.error });
          pairing = null;
        } else if (msg.error.code === 'not_paired') setStatus('unpaired', msg.error);
      }
    };
    ws.onclose = () => {
      socket = null;
      if (closed) return;
      // The station closes connections that do not authenticate in a few seconds; an unpaired
      // display stays on its pairing screen and connects again when a code is entered.
      if (state === 'unpaired' && !pairing) return;
      if (queuedPair) return connect(true); // closed before the code went out: send it anew
      if (pairing) {
        pairing(fail('unavailable', 'The connection to the station dropped; try again'));
        pairing = null;
        queuedPair = null;
      }
      setStatus('disconnected');
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 5_000);
    };
  };
  connect();

  return {
    invoke(command, input) {
      return new Promise((resolve) => {
        const go = () => {
          const id = nextId++;
          const timer = setTimeout(() => {
            pending.delete(id);
            resolve(fail('unavailable', `No answer from the station to ${command}`));
          }, timeoutMs);
          pending.set(id, { resolve, timer });
          send({ type: 'call', id, command, input });
        };
        if (state === 'ready') go();
        else waiting.push(go);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    pair(code, deviceName) {
      return new Promise((resolve) => {
        if (pairing) {
          resolve(fail('unavailable', 'A pairing is already under way'));
          return;
        }
        pairing = resolve;
        const message: ClientMessage = { type: 'pair', code, deviceName };
        if (socket && socket.readyState === 1) send(message);
        else {
          queuedPair = message;
          if (!socket) connect(true);
        }
      });
    },
    status: () => state,
    close() {
      closed = true;
      socket?.close();
    },
  };
}
