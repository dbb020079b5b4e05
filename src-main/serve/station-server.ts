import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { Station } from '../station/create-station';
import { createHostPolicy, type HostPolicy } from './host-policy';
import { isLoopbackAddress, isLoopbackHost } from './network';
import { FACE_ASSETS_PREFIX, serveFaceAsset } from './face-assets';
import { pageCsp } from '../web-pages/csp';
import { sendText, servePage } from '../web-pages/static-pages';
import { createWsEndpoint } from './ws-endpoint';

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
  /** Milliseconds a client may take to send its request headers (default 10 s). */
  headersTimeoutMs?: number;
  /** Milliseconds a client may take to send a whole request (default 30 s). */
  requestTimeoutMs?: number;
  /** Milliseconds a WebSocket may stay open without saying hello or pairing (default 5 s). */
  helloTimeoutMs?: number;
  /** The cashier token kept across restarts (station/cashier-token.ts); random when absent. */
  cashierToken?: string;
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

/** Unauthenticated WebSockets allowed at once; more are refused until some say hello or close. */
const MAX_PENDING_SOCKETS = 64;

/** The DNS-rebinding guard for every request and upgrade; null when it may go on. */
function checkRequest(
  policy: HostPolicy,
  req: IncomingMessage,
): { status: 421 | 403; text: string } | null {
  const host = req.headers.host;
  if (!policy.allowsHost(host)) {
    return {
      status: 421,
      text: `This station answers only to its own addresses, not to Host '${String(host ?? '').slice(0, 100)}'. Open it as http://127.0.0.1 or by its LAN address.`,
    };
  }
  if (!policy.allowsOrigin(req.headers.origin))
    return { status: 403, text: 'Requests from pages of other sites are refused.' };
  return null;
}

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
  const cashierToken = options.cashierToken ?? randomBytes(24).toString('base64url');
  const localCustomerToken = randomBytes(24).toString('base64url');
  const policy = createHostPolicy(options.host);

  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const http = createServer(
    {
      // A client that trickles its headers (or sends none) must not hold a socket for minutes.
      headersTimeout,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      connectionsCheckingInterval: Math.min(1000, headersTimeout),
    },
    (req, res) => {
      const denied = checkRequest(policy, req);
      if (denied) return sendText(res, denied.status, denied.text);
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
      if (url.startsWith(FACE_ASSETS_PREFIX)) return serveFaceAsset(req, res, url);
      if (url.startsWith('/customer/')) {
        const meta: Record<string, string> =
          !requirePairing && local ? { 'countersign-token': localCustomerToken } : {};
        void servePage(
          req,
          res,
          resolve(pagesDir, 'customer'),
          url.slice('/customer/'.length),
          meta,
          pageCsp('customer'),
        );
        return;
      }
      sendText(res, 404, 'Not found');
    },
  );

  // Node's header timeout only starts with the first byte; a socket that sends none is closed too.
  http.on('connection', (socket: Socket) => {
    setTimeout(() => {
      if (socket.bytesRead === 0) socket.destroy();
    }, headersTimeout).unref();
  });

  const endpoint = createWsEndpoint({
    station,
    logger,
    cashierToken,
    localCustomerToken: requirePairing ? null : localCustomerToken,
    helloTimeoutMs: options.helloTimeoutMs ?? 5_000,
  });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head) => {
    const refuse = (status: string, text: string) => {
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
        () => socket.destroy(),
      );
    };
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/ws') return refuse('404 Not Found', 'Not found');
    const denied = checkRequest(policy, req);
    if (denied)
      return refuse(
        denied.status === 421 ? '421 Misdirected Request' : '403 Forbidden',
        denied.text,
      );
    // Each waits at most the hello deadline, but a flood of them must not pile up meanwhile.
    if (endpoint.pendingCount() >= MAX_PENDING_SOCKETS)
      return refuse('503 Service Unavailable', 'Too many connections waiting to say hello');
    endpoint.wss.handleUpgrade(req, socket, head, (ws) => endpoint.wss.emit('connection', ws, req));
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
      endpoint.close();
      await new Promise<void>((r) => http.close(() => r()));
    },
  };
}
