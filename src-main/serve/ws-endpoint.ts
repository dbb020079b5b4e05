import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Role } from '../contract/commands';
import type { ContractError } from '../contract/result';
import { MAX_MESSAGE_BYTES, clientMessageSchema, type ServerMessage } from '../contract/wire';
import type { Station } from '../station/create-station';
import { isLoopbackAddress } from './network';

/** WebSocket close codes the station uses (4000–4999 are the application's own). */
export const CLOSE_HELLO_TIMEOUT = 4408;
export const CLOSE_REVOKED = 4403;

export interface WsEndpointOptions {
  station: Station;
  logger: Logger;
  cashierToken: string;
  /** Set when customer displays on this machine may skip pairing (`--no-pairing`). */
  localCustomerToken: string | null;
  /** A connection that has not said hello (or paired) by then is closed. */
  helloTimeoutMs: number;
}

export interface WsEndpoint {
  wss: WebSocketServer;
  /** Connections that have not authenticated yet (the upgrade handler caps them). */
  pendingCount(): number;
  close(): void;
}

interface Session {
  role: Role | null;
  remote: string;
  /** The paired display this connection speaks for, so revoking it can close the connection. */
  deviceId: string | null;
}

const sameToken = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const peer = (req: IncomingMessage) =>
  (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');

/**
 * The contract over WebSocket. Every connection must authenticate first: the cashier with the
 * station's token (from this machine only), a customer display with a paired device token or a
 * pairing code; until then it can read nothing and call nothing, and it is closed if it takes
 * longer than the hello deadline.
 */
export function createWsEndpoint(options: WsEndpointOptions): WsEndpoint {
  const { station, logger, cashierToken, localCustomerToken } = options;
  // ws's own cap closes the socket; ours (MAX_MESSAGE_BYTES) answers with an error and keeps it.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * MAX_MESSAGE_BYTES });
  const sessions = new Map<WebSocket, Session>();

  const send = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const error = (ws: WebSocket, id: number | null, e: ContractError) =>
    send(ws, { type: 'error', id, error: e });
  /** Closes politely, and for good if the peer does not answer the close frame. */
  const shut = (ws: WebSocket, code: number, reason: string) => {
    ws.close(code, reason);
    setTimeout(() => ws.terminate(), 1000).unref();
  };

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const remote = peer(req);
    const session: Session = { role: null, remote, deviceId: null };
    sessions.set(ws, session);
    const helloTimer = setTimeout(() => {
      if (session.role) return;
      logger.info({ remote }, 'closed a connection that never said hello');
      shut(ws, CLOSE_HELLO_TIMEOUT, 'say hello or pair first');
    }, options.helloTimeoutMs);
    helloTimer.unref();
    const admit = (role: Role, deviceId: string | null) => {
      clearTimeout(helloTimer);
      session.role = role;
      session.deviceId = deviceId;
    };
    ws.on('close', () => {
      clearTimeout(helloTimer);
      sessions.delete(ws);
    });
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
        const deviceId = msg.role === 'customer' ? station.pairing.identify(msg.token) : null;
        const allowed =
          msg.role === 'cashier'
            ? local && sameToken(msg.token, cashierToken)
            : deviceId !== null ||
              (localCustomerToken !== null && local && sameToken(msg.token, localCustomerToken));
        if (!allowed) {
          logger.warn({ remote, role: msg.role }, 'refused an unpaired display');
          return error(ws, null, {
            code: 'not_paired',
            message: 'This display is not paired with the station; enter a pairing code',
          });
        }
        admit(msg.role, deviceId);
        return send(ws, { type: 'welcome', role: msg.role });
      }
      if (msg.type === 'pair') {
        const result = station.pairing.redeem(msg.code, msg.deviceName, remote);
        if (!result.ok) return error(ws, null, result.error);
        logger.info({ remote, device: msg.deviceName }, 'customer display paired');
        admit('customer', station.pairing.identify(result.value));
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
  const stopRevoking = station.pairing.onRevoked((ids) => {
    for (const [ws, s] of sessions) {
      if (s.deviceId === null || !ids.includes(s.deviceId)) continue;
      logger.info({ remote: s.remote, device: s.deviceId }, 'closed a revoked display');
      s.role = null; // nothing more reaches it, even before the close completes
      error(ws, null, { code: 'not_paired', message: 'This display was unpaired at the station' });
      shut(ws, CLOSE_REVOKED, 'display revoked');
    }
  });

  return {
    wss,
    pendingCount: () => [...sessions.values()].filter((s) => !s.role).length,
    close() {
      unsubscribe();
      stopRevoking();
      for (const ws of sessions.keys()) ws.terminate();
      wss.close();
    },
  };
}
