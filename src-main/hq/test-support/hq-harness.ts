import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { migrateHqDb, openHqDb, type HqDb } from '../hq-db';
import { createHqServer } from '../hq-server';
import { startPostgres, type TestPostgres } from './postgres';

export { payOnce } from '../../ledger/test-support/pay-once';

export const ADMIN = 'test-admin-token-0123456789';

/** An admin endpoint's JSON answer, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read any field
export type AdminReply = Record<string, any>;

/** PostgreSQL, a migrated HQ database and an HQ server on a free port. */
export interface HqHarness {
  pg: TestPostgres;
  db: HqDb;
  url: string;
  /** Calls an admin endpoint. */
  admin(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: AdminReply }>;
  close(): Promise<void>;
}

/** Enrols a station through HQ's admin and enrol endpoints; returns its credential. */
export async function enrolStation(
  hq: Pick<HqHarness, 'admin' | 'url'>,
  storeId: string,
  stationId: string,
): Promise<string> {
  const code = await hq.admin('POST', '/v1/admin/codes', { storeId, stationId });
  const res = await fetch(`${hq.url}/v1/enrol`, {
    method: 'POST',
    body: JSON.stringify({ code: code.body.code, version: '0.1.0' }),
  });
  if (res.status !== 200) throw new Error(`enrolment refused: ${await res.text()}`);
  return ((await res.json()) as { credential: string }).credential;
}

export async function startHq(): Promise<HqHarness> {
  const pg = await startPostgres();
  const db = openHqDb(pg.url);
  await migrateHqDb(db);
  const server: Server = createHqServer({ db, adminToken: ADMIN });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    pg,
    db,
    url,
    async admin(method, path, body) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as AdminReply };
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await db.end();
      pg.stop();
    },
  };
}

/** Polls until `check` is true (or fails after `ms`). */
export async function waitFor(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
