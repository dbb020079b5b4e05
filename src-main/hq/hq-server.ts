import {
  createServer as createHttp,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttps } from 'node:https';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { applyBatch, parseBatchRows, type Refusal } from './apply-batch';
import { authenticateStation, enrolStation, issueEnrolmentCode, revokeStation } from './enrolment';
import type { HqDb } from './hq-db';
import { chainReport, listStations, reportQuerySchema } from './hq-reports';
import { createPartitioner } from './partitions';
import { batchSchema, enrolSchema, idSchema, MAX_BODY_BYTES } from './wire';

export interface HqServerOptions {
  db: HqDb;
  /** Bearer token for the admin endpoints (codes, revocation, stations, reports). */
  adminToken: string;
  /** Serve HTTPS with this key and certificate (PEM); HTTP otherwise (behind a TLS proxy). */
  tls?: { key: string; cert: string };
  log?: (entry: Record<string, unknown>) => void;
}

const stationRefSchema = z.object({ storeId: idSchema, stationId: idSchema }).strict();

class HttpError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}
const fail = (status: number, error: string, message: string) =>
  new HttpError({ status, error, message });

async function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES)
    throw fail(413, 'too_large', `a request body may be at most ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw fail(413, 'too_large', `a request body may be at most ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw fail(400, 'malformed', 'the request body is not JSON');
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw fail(
      400,
      'malformed',
      `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return r.data;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * The HQ service: stateless HTTP over PostgreSQL (several may run behind a load balancer; every
 * fact is in the database, every rule that spans requests is a row lock or a constraint).
 */
export function createHqServer(options: HqServerOptions): Server {
  const { db } = options;
  const ensurePartitions = createPartitioner(db);
  const admin = Buffer.from(`Bearer ${options.adminToken}`);
  const requireAdmin = (req: IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== admin.length || !timingSafeEqual(given, admin))
      throw fail(401, 'unauthorized', 'this endpoint needs the HQ admin token');
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
      return [200, r.value];
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
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://hq');
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
