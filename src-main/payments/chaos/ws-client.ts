import WebSocket from 'ws';
import type { Result } from '../../contract/result';

export type CallResult = Result<unknown>;

/** A contract client over the station's WebSocket, as a window uses it (Node side, for tests). */
export interface WsClient {
  call(command: string, input?: unknown): Promise<CallResult>;
  /** Every event received so far, oldest first. */
  events: { name: string; payload: unknown }[];
  closed: Promise<void>;
  close(): void;
}

/** Connects and says hello; rejects when the station refuses or is not there. */
export async function connectClient(url: string, role: string, token: string): Promise<WsClient> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`);
  const pending = new Map<number, (r: CallResult) => void>();
  const events: WsClient['events'] = [];
  let welcome: (() => void) | null = null;
  let refused: ((e: Error) => void) | null = null;
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as Record<string, unknown>;
    if (msg.type === 'welcome') welcome?.();
    else if (msg.type === 'error') refused?.(new Error(String(msg.message)));
    else if (msg.type === 'event') events.push({ name: String(msg.name), payload: msg.payload });
    else if (msg.type === 'result') pending.get(msg.id as number)?.(msg.result as CallResult);
  });
  const closed = new Promise<void>((r) =>
    ws.once('close', () => {
      for (const done of pending.values())
        done({ ok: false, error: { code: 'unavailable', message: 'connection closed' } });
      pending.clear();
      r();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => resolve());
  });
  await new Promise<void>((resolve, reject) => {
    welcome = resolve;
    refused = reject;
    void closed.then(() => reject(new Error('closed before welcome')));
    ws.send(JSON.stringify({ type: 'hello', role, token }));
  });
  let id = 0;
  return {
    events,
    closed,
    close: () => ws.close(),
    call(command, input = {}) {
      const myId = ++id;
      return new Promise((resolve) => {
        if (ws.readyState !== WebSocket.OPEN)
          return resolve({ ok: false, error: { code: 'unavailable', message: 'not connected' } });
        pending.set(myId, resolve);
        ws.send(JSON.stringify({ type: 'call', id: myId, command, input }));
      });
    },
  };
}
