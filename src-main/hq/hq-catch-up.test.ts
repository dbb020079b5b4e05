import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../lib/local-day';
import { openLedger } from '../ledger/open-ledger';
import { sendBatch } from './hq-client';
import { createHqServer } from './hq-server';
import { startHqSync } from './station-sync';
import { ADMIN, payOnce, startHq, waitFor, type HqHarness } from './test-support/hq-harness';
import { postgresMissing } from './test-support/postgres';

let hq: HqHarness;
let dir: string;

beforeAll(async () => {
  if (postgresMissing) return;
  dir = mkdtempSync(join(tmpdir(), 'cs-hq-catchup-'));
  hq = await startHq();
});
afterAll(async () => {
  await hq?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const PAYMENTS = 2000;

describe.skipIf(postgresMissing)('HQ: a station offline for a day', () => {
  it('takes payments while HQ is down, then catches up by itself, through a PostgreSQL crash', async () => {
    // Enrol through the running HQ; the station then pushes to a second HQ instance that is not
    // up yet (same database: HQ is stateless), as if the store's link were down all day.
    const code = (await hq.admin('POST', '/v1/admin/codes', { storeId: 's9', stationId: 'till-1' }))
      .body.code as string;
    const enrolled = await fetch(`${hq.url}/v1/enrol`, {
      method: 'POST',
      body: JSON.stringify({ code, version: '0.1.0' }),
    });
    const { credential } = (await enrolled.json()) as { credential: string };
    const probe = createNetServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    probe.close();

    const start = new Date();
    start.setDate(start.getDate() - 1);
    start.setHours(0, 10, 0, 0);
    let clock = start.getTime();
    const ledger = openLedger(join(dir, 's9.sqlite'), { synchronous: 'NORMAL', now: () => clock });
    const sync = startHqSync({
      outbox: ledger.outbox,
      send: (b) =>
        sendBatch({ url: `http://127.0.0.1:${port}`, timeoutMs: 5_000 }, credential, {
          storeId: 's9',
          stationId: 'till-1',
          ...b,
        }),
      version: '0.1.0',
      now: Date.now,
      intervalMs: 50,
      backoffMs: 50,
      maxBackoffMs: 250,
    });
    // 24 h of trading: a payment every 43 s; the station never waits on HQ.
    const t0 = performance.now();
    for (let i = 0; i < PAYMENTS; i++) {
      payOnce(ledger, `o${i}`, 100 + (i % 50));
      clock += 43_000;
    }
    const writeMs = performance.now() - t0;
    await waitFor(() => sync.status().state === 'retrying');
    expect(sync.status().pending).toBe(PAYMENTS * 6);

    const back = createHqServer({ db: hq.db, adminToken: ADMIN });
    back.listen(port, '127.0.0.1');
    await once(back, 'listening');
    const t1 = performance.now();
    // PostgreSQL dies mid-catch-up (immediate stop: no shutdown checkpoint) and comes back.
    await waitFor(() => ledger.outbox.pending().count < PAYMENTS * 4);
    hq.pg.restart('immediate');
    await waitFor(() => ledger.outbox.pending().count === 0, 60_000);
    const catchUpMs = performance.now() - t1;
    await sync.stop();
    back.closeAllConnections();
    back.close();
    console.log(
      `HQ catch-up: ${PAYMENTS} payments (${PAYMENTS * 6} events) written in ${Math.round(writeMs)} ms, caught up in ${Math.round(catchUpMs)} ms including a PostgreSQL restart`,
    );
    expect(catchUpMs).toBeLessThan(60_000);

    const days = [localDay(start.getTime()), localDay(clock)];
    const rows = (
      await hq.admin('GET', `/v1/reports?from=${days[0]}&to=${days[1]}&store=s9&by=day`)
    ).body.rows as { group: { day: string }; paid: { count: number; total: number } }[];
    for (const day of new Set(days)) {
      const local = ledger.dayReport(day)!;
      const remote = rows.find((r) => r.group.day === day);
      expect(remote?.paid ?? { count: 0, total: 0 }).toEqual(local.paid);
    }
    expect(rows.reduce((n, r) => n + r.paid.count, 0)).toBe(PAYMENTS);
    ledger.close();
  });
});
