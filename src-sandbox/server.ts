import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dayRange } from '../src-main/lib/local-day';
import {
  payRequestSchema,
  refundRequestSchema,
  SANDBOX_SERVICE,
  type PaymentAnswer,
} from '../src-main/payment-api/api-schema';
import { verifySignature } from '../src-main/payment-api/signing';
import { handleAdmin } from './admin-routes';
import { AcquirerError, createAcquirer } from './acquirer';
import { createFaultQueue, type FaultInput, type FaultRoute, faultSpecSchema } from './faults';
import { decodePath, describeIssue, parseJson, readBody, sendError, sendJson } from './http-util';
import { createPaymentNotices } from './payment-notify';
import { openSandboxDb } from './sandbox-db';
import { statementCsv } from './statement';
import { createBindings } from './bindings';
import { createCustomerActions } from './customer-actions';
import { handlePhone } from './phone-routes';
import { handleWallet } from './wallet-routes';
import { handleFaceEnrolPage } from './face-enrol-page';

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  dbFile: string;
  /** Merchants and their keys; defaults to SANDBOX_DEFAULTS' one merchant. */
  merchants?: { id: string; key: string }[];
  /** Amounts above this (minor units) wait for the customer's password. */
  passwordAbove?: number;
  userPayingTimeoutMs?: number;
  /** How long a proxy payer has to confirm (default 120 s). */
  proxyTimeoutMs?: number;
  /** How long a merchant QR can be paid (default 120 s). */
  qrLifeMs?: number;
  /** Requests whose timestamp is further than this from the sandbox clock are stale. */
  maxSkewMs?: number;
  /** Token for /admin routes; random when omitted. */
  adminToken?: string;
  now?: () => number;
}

/** A running sandbox acquirer. */
export interface Sandbox {
  url: string;
  port: number;
  adminToken: string;
  /** Queues faults for the next requests (same as POST /admin/faults). */
  injectFaults(faults: FaultInput[]): void;
  clearFaults(): void;
  acquirer: ReturnType<typeof createAcquirer>;
  stop(): Promise<void>;
}

const MAX_BODY = 3_000_000;

/**
 * Starts the sandbox acquirer's HTTP server on 127.0.0.1 in this process. The station spawns
 * it as its own process through startSandboxProcess; tests may run it in-process.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const passwordAbove = options.passwordAbove ?? 50_000;
  const maxSkewMs = options.maxSkewMs ?? 300_000;
  const adminToken = options.adminToken ?? randomBytes(16).toString('hex');
  const db = openSandboxDb(options.dbFile, { merchants: options.merchants, passwordAbove });
  let baseUrl = '';
  const notices = createPaymentNotices();
  const acquirer = createAcquirer(db, {
    now,
    userPayingTimeoutMs: options.userPayingTimeoutMs ?? 60_000,
    proxyTimeoutMs: options.proxyTimeoutMs ?? 120_000,
    qrLifeMs: options.qrLifeMs ?? 120_000,
    baseUrl: () => baseUrl,
    notices,
  });
  const actions = createCustomerActions(acquirer);
  const bindings = createBindings(db, acquirer);
  const faults = createFaultQueue();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!stopped) fn();
    }, ms);
    timers.add(t);
  };
  const sleep = (ms: number) => new Promise<void>((resolve) => later(ms, resolve));

  const keyOf = (id: string) =>
    (db.prepare('SELECT key FROM merchants WHERE id = ?').get(id) as { key: string } | undefined)
      ?.key ?? null;
  const useNonce = (merchantId: string, nonce: string, ts: number) => {
    db.prepare('DELETE FROM nonces WHERE at < ?').run(now() - 2 * maxSkewMs);
    return (
      db.prepare('INSERT OR IGNORE INTO nonces VALUES (?, ?, ?)').run(merchantId, nonce, ts)
        .changes === 1
    );
  };

  /** Runs one API operation with whatever fault is queued for its route. */
  const withFault = async (
    route: FaultRoute,
    req: IncomingMessage,
    res: ServerResponse,
    work: (forceUserPaying: boolean) => { status: number; body: unknown; answer?: PaymentAnswer },
  ) => {
    const fault = faults.take(route);
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (stopped) return void req.socket.destroy();
    if (fault && fault.phase === 'before') {
      if (fault.kind === 'error_5xx')
        return sendError(res, 503, 'unavailable', 'injected fault: service unavailable');
      if (fault.kind === 'connection_reset') return void req.socket.destroy();
    }
    const out = work(fault?.kind === 'user_paying');
    if (fault?.kind === 'user_paying' && out.answer?.status === 'user_paying') {
      const paymentId = out.answer.paymentId!;
      later(fault.ms, () => {
        try {
          acquirer.resolveUserPaying(paymentId, fault.outcome === 'paid' ? 'approve' : 'cancel');
        } catch {
          // Already reversed or timed out by the station: nothing left to decide.
        }
      });
    }
    if (fault?.kind === 'lost_response') return later(fault.ms, () => req.socket.destroy());
    if (fault && fault.phase === 'after') {
      if (fault.kind === 'error_5xx')
        return sendError(res, 500, 'internal', 'injected fault: internal error after processing');
      if (fault.kind === 'connection_reset') return void req.socket.destroy();
    }
    sendJson(res, out.status, out.body);
  };

  /** A payment's state as query and notification answer it. */
  const queried = (merchant: string, no: string) => {
    const answer = acquirer.query(merchant, no);
    return answer
      ? { status: 200, body: answer }
      : { status: 404, body: { error: { code: 'not_found', message: `no payment ${no}` } } };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const parts = decodePath(url.pathname);
    if (!parts) return sendError(res, 400, 'invalid_path', 'the path has a malformed % escape');
    const body = await readBody(req, MAX_BODY);
    if (body === null)
      return sendError(res, 413, 'too_large', `the body is over ${MAX_BODY} bytes`);

    if (parts[0] === 'health') return sendJson(res, 200, { ok: true, service: SANDBOX_SERVICE });
    if (parts[0] === 'wallet') return wallet(method, parts, body, res);
    if (parts[0] === 'faces' && parts[1] === 'enrol' && parts.length === 2)
      return handleFaceEnrolPage(db, method, req.headers['content-type'], body, now(), res);
    if (parts[0] === 'proxy' || parts[0] === 'qr' || parts[0] === 'bind')
      return handlePhone(
        { acquirer, actions, bindings, now },
        method,
        parts,
        url.searchParams,
        body,
        res,
      );
    if (parts[0] === 'admin') {
      const token = req.headers['x-cs-admin'];
      const ok =
        typeof token === 'string' &&
        token.length === adminToken.length &&
        timingSafeEqual(Buffer.from(token), Buffer.from(adminToken));
      if (!ok) return sendError(res, 401, 'admin_only', 'admin routes need the x-cs-admin token');
      const json = parseJson(body);
      if (!json.ok) return sendError(res, 400, 'invalid_json', json.error);
      return handleAdmin(
        { db, acquirer, faults, now, passwordAbove },
        method,
        parts.slice(1),
        json.value,
        res,
      );
    }
    if (parts[0] !== 'v1') return sendError(res, 404, 'not_found', `no route ${url.pathname}`);

    const verified = verifySignature(
      { method, path: url.pathname + url.search, headers: req.headers },
      body,
      {
        keyOf,
        now: now(),
        maxSkewMs,
        useNonce,
      },
    );
    if (!verified.ok) return sendError(res, 401, verified.error.code, verified.error.message);
    const merchant = verified.value;
    const json = parseJson(body);
    if (!json.ok) return sendError(res, 400, 'invalid_json', json.error);
    const route = `${method} ${parts.slice(1, 2).join('')}${parts.length > 2 ? '/:id' : ''}${parts[3] ? `/${parts[3]}` : ''}`;

    if (route === 'POST payments') {
      const parsed = payRequestSchema.safeParse(json.value);
      if (!parsed.success) {
        const amountIssue = parsed.error.issues.find((i) => i.path[0] === 'amount');
        return amountIssue
          ? sendError(res, 400, 'invalid_amount', `amount: ${amountIssue.message}`)
          : sendError(res, 400, 'invalid_request', describeIssue(parsed.error.issues));
      }
      return withFault('pay', req, res, (force) => {
        const answer = acquirer.pay(merchant, parsed.data, force);
        return { status: 200, body: answer, answer };
      });
    }
    if (route === 'GET payments/:id') {
      return withFault('query', req, res, () => queried(merchant, parts[2]!));
    }
    if (route === 'GET payments/:id/notify') {
      // The notification: held until the payment moves on (or its wait, or the request's, ends).
      const p = acquirer.getPayment(merchant, parts[2]!);
      if (p?.status === 'user_paying') {
        const asked = Number(url.searchParams.get('waitMs') ?? 0);
        const left = p.pending_until === null ? Infinity : p.pending_until - now() + 1;
        await notices.waitFor(merchant, p.merchant_order_no, Math.min(asked || 0, left), res);
        if (res.destroyed) return;
      }
      return withFault('query', req, res, () => queried(merchant, parts[2]!));
    }
    if (route === 'POST payments/:id/reverse')
      return withFault('reverse', req, res, () => ({
        status: 200,
        body: acquirer.reverse(merchant, parts[2]!),
      }));
    if (route === 'POST refunds') {
      const parsed = refundRequestSchema.safeParse(json.value);
      if (!parsed.success) {
        const amountIssue = parsed.error.issues.find((i) => i.path[0] === 'amount');
        return amountIssue
          ? sendError(res, 400, 'invalid_amount', `amount: ${amountIssue.message}`)
          : sendError(res, 400, 'invalid_request', describeIssue(parsed.error.issues));
      }
      return withFault('refund', req, res, () => ({
        status: 200,
        body: acquirer.refund(merchant, parsed.data),
      }));
    }
    if (route === 'GET bindings')
      return sendJson(res, 200, { bindings: bindings.forMerchant(merchant) });
    if (route === 'POST bindings/:id/remove') {
      bindings.remove({ merchantId: merchant }, parts[2]!);
      return sendJson(res, 200, { bindings: bindings.forMerchant(merchant) });
    }
    if (route === 'GET statements/:id') {
      if (!dayRange(parts[2]!))
        return sendError(res, 400, 'invalid_date', 'the date is YYYY-MM-DD');
      const csv = statementCsv(db, merchant, parts[2]!);
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'cache-control': 'no-store',
      });
      return void res.end(csv);
    }
    sendError(res, 404, 'not_found', `no route ${method} ${url.pathname}`);
  };

  const wallet = (method: string, parts: string[], body: Buffer, res: ServerResponse) =>
    handleWallet({ db, acquirer, bindings, now }, method, parts, body, res);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof AcquirerError) sendError(res, error.status, error.code, error.message);
      else sendError(res, 500, 'internal', error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    adminToken,
    acquirer,
    injectFaults: (list) => faults.add(list.map((f) => faultSpecSchema.parse(f))),
    clearFaults: () => faults.clear(),
    stop: async () => {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}
