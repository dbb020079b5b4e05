import {
  createServer as createHttp,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttps } from 'node:https';
import { z } from 'zod';
import { applyBatch, parseBatchRows } from './apply-batch';
import { authenticateStation, enrolStation, issueEnrolmentCode, revokeStation } from './enrolment';
import type { HqDb } from './hq-db';
import { chainReport, listStations, reportQuerySchema } from './hq-reports';
import { listShifts, shiftsQuerySchema } from './hq-shifts';
import { adminOf, parseAdminTokens } from './admin-tokens';
import { fail, HttpError, parse, readBytes, readJson, send } from './hq-http';
import { listReconciliations, reconcileAndStore, reconcileQuerySchema } from './hq-reconcile';
import {
  listStoreSettings,
  setStoreSettings,
  settingsProblem,
  settingsRequestSchema,
  settingsToPush,
} from './hq-settings';
import { isPagePath, serveHqPage } from './hq-page';
import { createPartitioner } from './partitions';
import { batchSchema, enrolSchema, idSchema } from './wire';

export interface HqServerOptions {
  db: HqDb;
  /** Bearer token(s) for the admin endpoints (codes, revocation, stations, reports): admin-tokens.ts. */
  adminToken: string;
  /** Serve HTTPS with this key and certificate (PEM); HTTP otherwise (behind a TLS proxy). */
  tls?: { key: string; cert: string };
  log?: (entry: Record<string, unknown>) => void;
  /** The built admin page (out/hq by default). */
  pageRoot?: string;
}

const stationRefSchema = z.object({ storeId: idSchema, stationId: idSchema }).strict();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD day');
const periodSchema = z.object({ from: day, to: day }).strict();
/** Largest provider statement HQ reads: a month of a big chain's bill fits. */
const MAX_STATEMENT_BYTES = 64 * 1024 * 1024;

/**
 * The HQ service: stateless HTTP over PostgreSQL (several may run behind a load balancer; every
 * fact is in the database, every rule that spans requests is a row lock or a constraint).
 */
export function createHqServer(options: HqServerOptions): Server {
  const { db } = options;
  const ensurePartitions = createPartitioner(db);
  const admins = parseAdminTokens(options.adminToken);
  const requireAdmin = (req: IncomingMessage) => {
    const name = adminOf(admins, req.headers.authorization);
    if (!name) throw fail(401, 'unauthorized', 'this endpoint needs the HQ admin token');
    // Who changed something: codes, revocations, settings, reconciliations.
    if (req.method !== 'GET') options.log?.({ admin: name, method: req.method, path: req.url });
  };

  const routes: Record<string, (req: IncomingMessage, url: URL) => Promise<[number, unknown]>> = {
    'GET /health': async () => [200, { service: 'countersign-hq', ok: true }],
    'POST /v1/enrol': async (req) => {
      const body = parse(enrolSchema, await readJson(req));
      const r = await enrolStation(db, body.code, body.version);
      if (!r.ok) throw new HttpError(r.error);
      return [200, r.value];
    },
    'POST /v1/batches': async (req) => {
      const auth = await authenticateStation(db, req.headers.authorization);
      if (!auth.ok) throw new HttpError(auth.error);
      const batch = parse(batchSchema, await readJson(req));
      if (batch.storeId !== auth.value.storeId || batch.stationId !== auth.value.stationId)
        throw fail(
          403,
          'wrong_station',
          `the credential of ${auth.value.storeId}/${auth.value.stationId} cannot send events of ${batch.storeId}/${batch.stationId}`,
        );
      const rows = parseBatchRows(batch);
      if (!rows.ok) throw new HttpError(rows.error);
      const r = await applyBatch(db, auth.value, batch, rows.rows, ensurePartitions);
      if (!r.ok) throw new HttpError(r.error);
      // Settings ride on the answer: a station behind HQ's revision gets them with its next push.
      const settings = await settingsToPush(
        db,
        auth.value.storeId,
        batch.health?.settings?.revision ?? 0,
      );
      return [200, settings ? { ...r.value, settings } : r.value];
    },
    'POST /v1/admin/codes': async (req) => {
      requireAdmin(req);
      return [200, await issueEnrolmentCode(db, parse(stationRefSchema, await readJson(req)))];
    },
    'POST /v1/admin/revoke': async (req) => {
      requireAdmin(req);
      const ref = parse(stationRefSchema, await readJson(req));
      if (!(await revokeStation(db, ref)))
        throw fail(404, 'unknown_station', `no station ${ref.storeId}/${ref.stationId}`);
      return [200, { revoked: ref }];
    },
    'GET /v1/stations': async (req) => {
      requireAdmin(req);
      return [200, { stations: await listStations(db) }];
    },
    'GET /v1/reports': async (req, url) => {
      requireAdmin(req);
      const query = parse(reportQuerySchema, Object.fromEntries(url.searchParams));
      return [200, { query, rows: await chainReport(db, query) }];
    },
    'GET /v1/shifts': async (req, url) => {
      requireAdmin(req);
      const query = parse(shiftsQuerySchema, Object.fromEntries(url.searchParams));
      return [200, { query, shifts: await listShifts(db, query) }];
    },
    // The body is the provider's statement file as downloaded (a bill may be tens of MB).
    'POST /v1/admin/reconcile': async (req, url) => {
      requireAdmin(req);
      const query = parse(reconcileQuerySchema, Object.fromEntries(url.searchParams));
      const r = await reconcileAndStore(db, query, await readBytes(req, MAX_STATEMENT_BYTES));
      if (!r.ok) throw fail(422, 'unreadable_statement', r.error);
      return [200, r.value];
    },
    'GET /v1/reconciliations': async (req, url) => {
      requireAdmin(req);
      const q = parse(periodSchema, Object.fromEntries(url.searchParams));
      return [200, { reconciliations: await listReconciliations(db, q.from, q.to) }];
    },
    'PUT /v1/admin/settings': async (req) => {
      requireAdmin(req);
      const body = parse(settingsRequestSchema, await readJson(req));
      const problem = settingsProblem(body.settings);
      if (problem) throw fail(400, 'bad_settings', problem);
      return [200, { stores: await setStoreSettings(db, body.stores, body.settings) }];
    },
    'GET /v1/settings': async (req) => {
      requireAdmin(req);
      return [200, { stores: await listStoreSettings(db) }];
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://hq');
    if (req.method === 'GET' && isPagePath(url.pathname)) {
      await serveHqPage(req, res, url.pathname, options.pageRoot).catch(() => res.destroy());
      return;
    }
    const route = routes[`${req.method} ${url.pathname}`];
    try {
      if (!route) throw fail(404, 'not_found', `no ${req.method} ${url.pathname}`);
      const [status, body] = await route(req, url);
      send(res, status, body);
    } catch (error) {
      if (error instanceof HttpError) {
        const { status, ...body } = error.refusal;
        options.log?.({ path: url.pathname, status, error: body.error, message: body.message });
        send(res, status, body);
        // Stop reading an oversized body rather than draining it.
        if (status === 413) req.destroy();
        return;
      }
      // PostgreSQL down or restarting: the station keeps its events and retries.
      options.log?.({ path: url.pathname, status: 503, message: (error as Error).message });
      send(res, 503, {
        error: 'unavailable',
        message: 'HQ cannot reach its database; retry later',
      });
    }
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  return options.tls ? createHttps(options.tls, listener) : createHttp(listener);
}
