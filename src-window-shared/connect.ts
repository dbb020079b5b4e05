import {
  createContractClient,
  type ContractClient,
  type PreloadApi,
} from '../src-main/contract/client';
import type { Role } from '../src-main/contract/commands';
import { fail, type ContractError, type Result } from '../src-main/contract/result';
import { createWsTransport, type WsStatus } from './ws-transport';

declare global {
  interface Window {
    /** Present only inside Electron, where the preload exposes the contract over IPC. */
    countersign?: PreloadApi;
  }
}

export type { WsStatus };

/** A window's link to the station, whatever carries it. */
export interface StationConnection<R extends Role> {
  client: ContractClient<R>;
  /** 'ipc' inside Electron (always ready), 'ws' in a browser. */
  kind: 'ipc' | 'ws';
  status(): WsStatus;
  onStatus(listener: (status: WsStatus, error?: ContractError) => void): () => void;
  /** Exchanges a 6-digit pairing code for a device token (WebSocket displays only). */
  pair(code: string, deviceName: string): Promise<Result<true>>;
}

export interface ConnectOptions {
  getToken(): string | null;
  saveToken?(token: string): void;
}

/** The station's WebSocket address for a page served by `countersign serve`. */
export function stationWsUrl(loc: Pick<Location, 'protocol' | 'host'>): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

/**
 * Connects a window to the station: through the Electron preload when there is one, otherwise
 * over the WebSocket of the host that served the page.
 */
export function connectStation<R extends Role>(
  role: R,
  options: ConnectOptions,
): StationConnection<R> {
  const preload = window.countersign;
  if (preload) {
    return {
      client: createContractClient<R>(preload),
      kind: 'ipc',
      status: () => 'ready',
      onStatus: (listener) => {
        // IPC needs no handshake: tell the listener once, asynchronously like a socket would.
        queueMicrotask(() => listener('ready'));
        return () => {};
      },
      pair: async () =>
        fail('invalid_input', 'This window is connected directly; it needs no pairing'),
    };
  }
  const listeners = new Set<(status: WsStatus, error?: ContractError) => void>();
  const transport = createWsTransport({
    url: stationWsUrl(window.location),
    role,
    getToken: options.getToken,
    saveToken: options.saveToken,
    onStatus: (status, error) => listeners.forEach((l) => l(status, error)),
  });
  return {
    client: createContractClient<R>(transport),
    kind: 'ws',
    status: () => transport.status(),
    onStatus: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pair: (code, deviceName) => transport.pair(code, deviceName),
  };
}
