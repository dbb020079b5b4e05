import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../lib/local-day';
import { openLedger, type Ledger } from '../ledger/open-ledger';
import { sendBatch } from './hq-client';
import { migrateHqDb, openHqDb, type HqDb } from './hq-db';
import { startHqSync, type HqSync } from './station-sync';
import { ADMIN, payOnce, waitFor } from './test-support/hq-harness';
import { hqProcess, type HqProcess } from './test-support/hq-process';
import {
  freePort,
  postgresMissing,
  startPostgres,
  type TestPostgres,
} from './test-support/postgres';

// Chaos: stations keep taking payments and pushing while HQ (a real `countersign hq serve`
// process) is killed with SIGKILL and restarted, and PostgreSQL is crash-stopped and restarted,
// at random points. At the end HQ must hold every journal entry of every station exactly once,
// and its totals must equal the stations' own day reports, to the fen.

const STATIONS = [
  ['c1', 'till-1'],
  ['c1', 'till-2'],
  ['c2', 'till-1'],
  ['c3', 'till-1'],
] as const;
const RUN_MS = 15_000;
const MIN_FAULTS = 5;

let pg: TestPostgres;
let db: HqDb;
let hq: HqProcess;
let dir: string;

beforeAll(async () => {
  if (postgresMissing) return;
  dir = mkdtempSync(join(tmpdir(), 'cs-hq-chaos-'));
  // PostgreSQL as HQ runs it (synchronous commit): crashed with 'immediate', a test server
  // without it loses commits it had already confirmed to HQ, which had acknowledged them.
  pg = await startPostgres({ durable: true });
  db = openHqDb(pg.url, 2);
  await migrateHqDb(db);
  hq = hqProcess(pg.url, await freePort(), ADMIN);
  await hq.start();
});
afterAll(async () => {
  await hq?.kill();
  await db?.end();
  pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const admin = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${hq.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read any field
  return (await res.json()) as Record<string, any>;
};

describe.skipIf(postgresMissing)('HQ chaos', () => {
  it('HQ killed and PostgreSQL crashed at random during sync: nothing lost, nothing doubled', async () => {
    let seed = 1234567;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const tills: { ledger: Ledger; sync: HqSync; n: number }[] = [];
    for (const [storeId, stationId] of STATIONS) {
      const code = (await admin('POST', '/v1/admin/codes', { storeId, stationId })).code;
      const res = await fetch(`${hq.url}/v1/enrol`, {
        method: 'POST',
        body: JSON.stringify({ code, version: '0.1.0' }),
      });
      const { credential } = (await res.json()) as { credential: string };
      const ledger = openLedger(join(dir, `${storeId}-${stationId}.sqlite`), {
        synchronous: 'NORMAL',
      });
      const sync = startHqSync({
        outbox: ledger.outbox,
        send: (b) =>
          sendBatch({ url: hq.url, timeoutMs: 3_000 }, credential, { storeId, stationId, ...b }),
        version: '0.1.0',
        now: Date.now,
        batchSize: 40,
        intervalMs: 30,
        backoffMs: 30,
        maxBackoffMs: 300,
      });
      tills.push({ ledger, sync, n: 0 });
    }
    // Payments (a refund now and then) at every station while the faults happen.
    let trading = true;
    const trade = (async () => {
      while (trading) {
        const t = tills[Math.floor(rand() * tills.length)]!;
        const id = payOnce(t.ledger, `o${t.n++}`, 100 + Math.floor(rand() * 9_900));
        if (rand() < 0.1) {
          const r = t.ledger.beginRefund({ attemptId: id, amount: 50, reason: 'chaos' });
          if (r.ok) t.ledger.appendRefundEvent(r.value.id, 'succeeded');
        }
        t.sync.nudge();
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const faults = { hqKills: 0, pgRestarts: 0 };
    const started = Date.now();
    const until = started + RUN_MS;
    // On a loaded machine a restart takes seconds: go on until enough faults have happened
    // (within a bound), so the check below tests the sync and not the machine's speed.
    const bound = Date.now() + 3 * RUN_MS;
    const enough = () => faults.hqKills + faults.pgRestarts >= MIN_FAULTS;
    while (Date.now() < until || (!enough() && Date.now() < bound)) {
      await new Promise((r) => setTimeout(r, 200 + rand() * 1_300));
      if (rand() < 0.65) {
        await hq.kill();
        faults.hqKills++;
        await new Promise((r) => setTimeout(r, rand() * 500));
        await hq.start();
      } else {
        pg.restart('immediate');
        faults.pgRestarts++;
      }
    }
    trading = false;
    await trade;
    await waitFor(() => tills.every((t) => t.ledger.outbox.pending().count === 0), 90_000);
    for (const t of tills) await t.sync.stop();

    const day = localDay(Date.now());
    const stations = (await admin('GET', '/v1/stations')).stations as {
      storeId: string;
      stationId: string;
      lastSeq: number;
    }[];
    const rows = (await admin('GET', `/v1/reports?from=${day}&to=${day}&by=store,station`))
      .rows as {
      group: { store: string; station: string };
      paid: { count: number; total: number };
      refunded: { count: number; total: number };
    }[];
    let payments = 0;
    for (const [i, [storeId, stationId]] of STATIONS.entries()) {
      const { ledger } = tills[i]!;
      const entries = ledger.outbox.acknowledgedUpTo();
      // Every journal entry exactly once: HQ's count of the station's events equals its last seq.
      const held = await db.query(
        'SELECT count(*)::int AS n, max(seq)::int AS last FROM events WHERE store_id = $1 AND station_id = $2',
        [storeId, stationId],
      );
      expect(held.rows[0]).toEqual({ n: entries, last: entries });
      expect(
        stations.find((s) => s.storeId === storeId && s.stationId === stationId)?.lastSeq,
      ).toBe(entries);
      const local = ledger.dayReport(day)!;
      const remote = rows.find((r) => r.group.store === storeId && r.group.station === stationId);
      expect(remote?.paid).toEqual(local.paid);
      expect(remote?.refunded).toEqual(local.refunded);
      payments += local.paid.count;
      ledger.close();
    }
    console.log(
      `HQ chaos: ${payments} payments at ${STATIONS.length} stations in ${Math.round((Date.now() - started) / 1000)} s, HQ killed ${faults.hqKills}×, PostgreSQL crash-restarted ${faults.pgRestarts}×: every entry held once, totals equal`,
    );
    expect(faults.hqKills + faults.pgRestarts).toBeGreaterThanOrEqual(MIN_FAULTS);
  }, 120_000);
});
