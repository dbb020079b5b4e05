import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Role } from '../contract/commands';
import type { ContractError } from '../contract/result';
import { MAX_MESSAGE_BYTES, clientMessageSchema, type ServerMessage } from '../contract/wire';
import type { Station } from '../station/create-station';
import { isLoopbackAddress, isLoopbackHost } from './network';
import { sendText, servePage } from './static-pages';

export interface StationServerOptions {
  station: Station;
  logger: Logger;
  host: string;
  port: number;
  /** Folder holding the built windows: `cashier/` and `customer/`. */
  pagesDir: string;
  /**
   * Without pairing, customer displays on this machine are let in with a token injected into the
   * page. Only allowed on loopback: anything reachable from the LAN must pair.
   */
  requirePairing?: boolean;
}

export interface StationServer {
  url: string;
  port: number;
  /** The token the local cashier page authenticates with (also injected into /cashier/). */
  cashierToken: string;
  close(): Promise<void>;
}

/** Refuses configurations that would expose the station without pairing; returns the reason. */
export function checkListenPolicy(host: string, requirePairing: boolean): string | null {
  if (!requirePairing && !isLoopbackHost(host)) {
    return `Refusing to listen on ${host} without pairing: a customer display on the network must pair first. Drop --no-pairing or listen on 127.0.0.1.`;
  }
  return null;
}

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Serves both windows' pages and the contract over WebSocket (`/ws`). Every connection must
 * authenticate first: the cashier with the station's token (from this machine only), a customer
 * display with a paired device token; until then it can read nothing and call nothing.
 */
export async function startStationServer(options: StationServerOptions): Promise<StationServer> {
  const { station, logger } = options;
  const requirePairing = options.requirePairing ?? true;
  const refusal = checkListenPolicy(options.host, requirePairing);
  if (refusal) throw new Error(refusal);
  const pagesDir = resolve(options.pagesDir);
  const cashierToken = randomBytes(24).toString('base64url');
  const localCustomerToken = randomBytes(24).toString('base64url');

  const http = createServer((req, res) => {
    const url = req.url ?? '/';
    const local = isLoopbackAddress(req.socket.remoteAddress);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed');
    if (url === '/healthz') return sendText(res, 200, 'ok');
    if (url === '/' || url === '/index.html') {
      res.writeHead(302, { Location: local ? '/cashier/' : '/customer/' });
      return res.end();
    }
    if (url === '/cashier' || url === '/customer') {
      res.writeHead(301, { Location: `${url}/` });
      return res.end();
    }
    if (url.startsWith('/cashier/')) {
      // The cashier page carries the station's token: only this machine gets it.
      if (!local)
        return sendText(res, 403, 'The cashier window is only available on the station itself.');
      void servePage(req, res, resolve(pagesDir, 'cashier'), url.slice('/cashier/'.length), {
        'countersign-token': cashierToken,
      });
      return;
    }
    if (url.startsWith('/customer/')) {
      const meta: Record<string, string> =
        !requirePairing && local ? { 'countersign-token': localCustomerToken } : {};
      void servePage(req, res, resolve(pagesDir, 'customer'), url.slice('/customer/'.length), meta);
      return;
    }
    sendText(res, 404, 'Not found');
  });

  // ws's own cap closes the socket; ours (MAX_MESSAGE_BYTES) answers with an error and keeps it.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * MAX_MESSAGE_BYTES });
  const sessions = new Map<WebSocket, { role: Role | null; remote: string }>();

  http.on('upgrade', (req: IncomingMessage, socket, head) => {
    const path = (req.url ?? '').split('?')[0];
    const origin = req.headers.origin;
    // A page from another site must not drive the station from a browser on this machine.
    if (
      path !== '/ws' ||
      (origin !== undefined &&
        origin !== `http://${req.headers.host}` &&
        origin !== `https://${req.headers.host}`)
    ) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const send = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const error = (ws: WebSocket, id: number | null, e: ContractError) =>
    send(ws, { type: 'error', id, error: e });

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const remote = req.socket.remoteAddress ?? 'unknown';
    const session = { role: null as Role | null, remote };
    sessions.set(ws, session);
    ws.on('close', () => sessions.delete(ws));
    ws.on('error', (err) => logger.warn({ err, remote }, 'websocket error'));
    ws.on('message', (data, isBinary) => {
      const size = Array.isArray(data)
        ? data.reduce((n, b) => n + b.length, 0)
        : (data as Buffer).byteLength;
      if (isBinary)
        return error(ws, null, {
          code: 'malformed_message',
          message: 'Binary messages are not part of the contract',
        });
      if (size > MAX_MESSAGE_BYTES) {
        return error(ws, null, {
          code: 'message_too_large',
          message: `Messages are limited to ${MAX_MESSAGE_BYTES} bytes (got ${size})`,
        });
      }
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        return error(ws, null, {
          code: 'malformed_message',
          message: 'The message is not valid JSON',
        });
      }
      const parsed = clientMessageSchema.safeParse(json);
      if (!parsed.success) {
        const id =
          typeof (json as { id?: unknown })?.id === 'number' ? (json as { id: number }).id : null;
        return error(ws, id, {
          code: 'malformed_message',
          message: 'The message does not match the contract',
          issues: parsed.error.issues.map(
            (i) => `${i.path.join('.') || '(message)'}: ${i.message}`,
          ),
        });
      }
      const msg = parsed.data;
      if (msg.type === 'hello') {
        const local = isLoopbackAddress(remote);
        const allowed =
          msg.role === 'cashier'
            ? local && sameToken(msg.token, cashierToken)
            : station.pairing.isPaired(msg.token) ||
              (!requirePairing && local && sameToken(msg.token, localCustomerToken));
        if (!allowed) {
          logger.warn({ remote, role: msg.role }, 'refused an unpaired display');
          return error(ws, null, {
            code: 'not_paired',
            message: 'This display is not paired with the station; enter a pairing code',
          });
        }
        session.role = msg.role;
        return send(ws, { type: 'welcome', role: msg.role });
      }
      if (msg.type === 'pair') {
        const result = station.pairing.redeem(msg.code, msg.deviceName);
        if (!result.ok) return error(ws, null, result.error);
        logger.info({ remote, device: msg.deviceName }, 'customer display paired');
        session.role = 'customer';
        send(ws, { type: 'paired', token: result.value });
        return send(ws, { type: 'welcome', role: 'customer' });
      }
      if (!session.role) {
        return error(ws, msg.id, {
          code: 'not_paired',
          message: 'Say hello with a paired token, or pair, before calling commands',
        });
      }
      const role = session.role;
      void station
        .dispatch(role, msg.command, msg.input)
        .then((result) => send(ws, { type: 'result', id: msg.id, result }));
    });
  });

  const unsubscribe = station.subscribe((name, payload) => {
    for (const [ws, s] of sessions) if (s.role) send(ws, { type: 'event', name, payload });
  });

  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolveListen());
  });
  const port = (http.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${port}`;

  return {
    url,
    port,
    cashierToken,
    async close() {
      unsubscribe();
      for (const ws of sessions.keys()) ws.terminate();
      wss.close();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
