import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { configSchema } from '../config/schema';
import { setupHqSync } from '../station/setup-hq-sync';
import { localDay } from '../lib/local-day';
import { openLedger, type Ledger } from '../ledger/open-ledger';
import { createShiftStore } from '../ledger/shift-store';
import { sendBatch } from './hq-client';
import { startHqSync, type HqSync } from './station-sync';
import { payOnce, startHq, waitFor, type HqHarness } from './test-support/hq-harness';
import { postgresMissing } from './test-support/postgres';
import type { Batch } from './wire';

if (postgresMissing) console.warn(`HQ tests skipped: ${postgresMissing}`);

let hq: HqHarness;
let dir: string;
const TODAY = localDay(Date.now());

beforeAll(async () => {
  if (postgresMissing) return;
  dir = mkdtempSync(join(tmpdir(), 'cs-hq-'));
  hq = await startHq();
});
afterAll(async () => {
  await hq?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function enrol(storeId: string, stationId: string): Promise<string> {
  const code = await hq.admin('POST', '/v1/admin/codes', { storeId, stationId });
  expect(code.status).toBe(200);
  const res = await fetch(`${hq.url}/v1/enrol`, {
    method: 'POST',
    body: JSON.stringify({ code: code.body.code, version: '0.1.0' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { credential: string }).credential;
}

function station(name: string, credential: string, ledger: Ledger, batchSize = 500): HqSync {
  const [storeId, stationId] = credential.split('.')[0]!.split('/') as [string, string];
  return startHqSync({
    outbox: ledger.outbox,
    send: (b) => sendBatch({ url: hq.url }, credential, { storeId, stationId, ...b }),
    version: '0.1.0',
    now: Date.now,
    batchSize,
    intervalMs: 50,
    backoffMs: 50,
    maxBackoffMs: 200,
  });
}

const post = (credential: string, body: unknown) =>
  fetch(`${hq.url}/v1/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}` },
    body: JSON.stringify(body),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

const report = async (store: string, by = 'station') =>
  (await hq.admin('GET', `/v1/reports?from=${TODAY}&to=${TODAY}&store=${store}&by=${by}`)).body
    .rows;

describe.skipIf(postgresMissing)('HQ: enrolment and sync over PostgreSQL', () => {
  it('enrols with a one-time code and refuses used codes, unknown, revoked and impostor stations', async () => {
    const a = await enrol('s1', 'till-1');
    const b = await enrol('s1', 'till-2');
    const code = (await hq.admin('POST', '/v1/admin/codes', { storeId: 's1', stationId: 'till-3' }))
      .body.code;
    const use = () =>
      fetch(`${hq.url}/v1/enrol`, { method: 'POST', body: JSON.stringify({ code, version: 'x' }) });
    expect((await use()).status).toBe(200);
    expect((await use()).status).toBe(403);
    const empty = (s: string) => ({ storeId: 's1', stationId: s, version: 'x', events: [] });
    expect((await post(a, empty('till-1'))).status).toBe(200);
    // Station 2's credential cannot send station 1's events.
    expect(await post(b, empty('till-1'))).toMatchObject({
      status: 403,
      body: { error: 'wrong_station' },
    });
    const forged = `${a.split('.')[0]}.${'x'.repeat(43)}`;
    expect((await post(forged, empty('till-1'))).status).toBe(401);
    expect((await post('nonsense', empty('till-1'))).status).toBe(401);
    expect(
      (await hq.admin('POST', '/v1/admin/revoke', { storeId: 's1', stationId: 'till-1' })).status,
    ).toBe(200);
    expect(await post(a, empty('till-1'))).toMatchObject({
      status: 401,
      body: { error: 'unauthorized' },
    });
    expect((await fetch(`${hq.url}/v1/stations`)).status).toBe(401);
  });

  it('applies a ledger once, in order: a batch twice changes nothing, a gap is asked for again', async () => {
    const credential = await enrol('s2', 'till-1');
    const ledger = openLedger(join(dir, 's2.sqlite'), { synchronous: 'NORMAL' });
    const paidId = payOnce(ledger, 'o1', 1200);
    payOnce(ledger, 'o2', 800, 'face');
    const refund = ledger.beginRefund({ attemptId: paidId, amount: 200, reason: 'broken cup' });
    if (!refund.ok) throw new Error(refund.error.message);
    ledger.appendRefundEvent(refund.value.id, 'succeeded');
    const events = ledger.outbox.read(0, 100);
    const batch = (from: number, to: number): Batch => ({
      storeId: 's2',
      stationId: 'till-1',
      version: '0.1.0',
      events: events.slice(from, to),
    });
    // Entries 6.. before 1..5: HQ asks for 1.
    expect(await post(credential, batch(5, 8))).toMatchObject({
      status: 409,
      body: { error: 'gap', expectedSeq: 1 },
    });
    expect(await post(credential, batch(0, 5))).toMatchObject({
      status: 200,
      body: { ackedSeq: 5, applied: 5 },
    });
    expect(await post(credential, batch(0, 5))).toMatchObject({
      status: 200,
      body: { ackedSeq: 5, applied: 0, duplicates: 5 },
    });
    // The sync loop takes over from the start: HQ's acknowledgement moves it on.
    const sync = station('s2', credential, ledger, 4);
    await waitFor(() => ledger.outbox.pending().count === 0);
    await sync.stop();
    expect(sync.status()).toMatchObject({ pending: 0, lastSyncAt: expect.any(Number) });
    const again = await post(credential, batch(0, events.length));
    expect(again.body).toMatchObject({ applied: 0, duplicates: events.length });
    const local = ledger.dayReport(TODAY)!;
    const [row] = await report('s2');
    expect(row).toMatchObject({ paid: local.paid, refunded: local.refunded, net: local.net });
    expect(await report('s2', 'method,provider')).toEqual([
      expect.objectContaining({
        group: { method: 'code', provider: 'sandbox' },
        paid: { count: 1, total: 1200 },
        refunded: { count: 1, total: 200 },
      }),
      expect.objectContaining({
        group: { method: 'face', provider: 'sandbox' },
        paid: { count: 1, total: 800 },
      }),
    ]);
    ledger.close();
  });

  it('refuses a tampered, malformed or oversized batch and applies none of it', async () => {
    const credential = await enrol('s3', 'till-1');
    const ledger = openLedger(join(dir, 's3.sqlite'), { synchronous: 'NORMAL' });
    payOnce(ledger, 'o1', 1000);
    const events = ledger.outbox.read(0, 100);
    const body = (evs: unknown[]) => ({
      storeId: 's3',
      stationId: 'till-1',
      version: 'x',
      events: evs,
    });
    const tampered = events.map((e) =>
      e.tbl === 'attempts' ? { ...e, payload: e.payload.replace(',1000,', ',10,') } : e,
    );
    expect(await post(credential, body(tampered))).toMatchObject({
      status: 422,
      body: { error: 'chain_broken' },
    });
    const notARow = events.map((e, i) => (i === 0 ? { ...e, payload: '["orders", 1]' } : e));
    expect((await post(credential, body(notARow))).status).toBe(400);
    expect((await post(credential, { ...body(events), extra: 1 })).status).toBe(400);
    const huge = await fetch(`${hq.url}/v1/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${credential}` },
      body: 'x'.repeat(3 * 1024 * 1024),
    }).catch(() => ({ status: 413 }));
    expect(huge.status).toBe(413);
    expect(await report('s3')).toEqual([]);
    const [listed] = (await hq.admin('GET', '/v1/stations')).body.stations.filter(
      (s: { storeId: string }) => s.storeId === 's3',
    );
    expect(listed).toMatchObject({
      lastSeq: 0,
      chainProblem: expect.stringContaining('journal entry 3'),
    });
    ledger.close();
  });

  it('a station joins with `countersign hq join` and its wiring pushes each payment', async () => {
    const code = (await hq.admin('POST', '/v1/admin/codes', { storeId: 's4', stationId: 'till-1' }))
      .body.code as string;
    const dataDir = mkdtempSync(join(dir, 'station-'));
    const out = new PassThrough();
    const io = { stdout: out, stderr: out, stdin: new PassThrough() };
    expect(await main(['hq', 'join', code, '--url', hq.url, '--data-dir', dataDir], io)).toBe(0);
    // The code was spent: joining again is refused with a sentence.
    expect(await main(['hq', 'join', code, '--url', hq.url, '--data-dir', dataDir], io)).toBe(1);
    const ledger = openLedger(join(dataDir, 'ledger.sqlite'), { synchronous: 'NORMAL' });
    const sync = setupHqSync({
      dataDir,
      config: { ...configSchema.parse({}).hq, syncSeconds: 1 },
      ledger,
      logger: pino({ level: 'silent' }),
      version: '0.1.0',
    })!;
    payOnce(ledger, 'o1', 4200);
    sync.nudge();
    await waitFor(() => ledger.outbox.pending().count === 0);
    await sync.stop();
    expect((await report('s4'))[0]).toMatchObject({ paid: { count: 1, total: 4200 } });
    const listed = (await hq.admin('GET', '/v1/stations')).body.stations.find(
      (s: { storeId: string }) => s.storeId === 's4',
    );
    expect(listed).toMatchObject({ status: 'active', lastSeq: 6, version: '0.1.0' });
    ledger.close();
  });

  it('sends shifts opened, closed and handed over; HQ applies them once and lists them by store, station and day', async () => {
    const credential = await enrol('s5', 'till-1');
    const ledger = openLedger(join(dir, 's5.sqlite'), { synchronous: 'NORMAL' });
    const shifts = createShiftStore(ledger.db);
    const wang = shifts.open({ cashierId: 'c1', cashierName: 'Wang', float: 10_000 });
    if (!wang.ok) throw new Error(wang.error.message);
    const paid = payOnce(ledger, 'w1', 1200);
    payOnce(ledger, 'w2', 300);
    const refund = ledger.beginRefund({ attemptId: paid, amount: 200, reason: 'cold' });
    if (!refund.ok) throw new Error(refund.error.message);
    ledger.appendRefundEvent(refund.value.id, 'succeeded');
    shifts.close({ counted: 9_500, handedTo: 'Li', note: 'short 5' });
    shifts.open({ cashierId: 'c2', cashierName: 'Li', float: 9_500 });
    payOnce(ledger, 'l1', 800);
    const entries = ledger.outbox.read(0, 100);
    const sync = station('s5', credential, ledger);
    await waitFor(() => ledger.outbox.pending().count === 0);
    await sync.stop();
    // The whole history sent again changes nothing.
    const again = await post(credential, {
      storeId: 's5',
      stationId: 'till-1',
      version: 'x',
      events: entries,
    });
    expect(again).toMatchObject({ status: 200, body: { applied: 0, duplicates: entries.length } });

    const listed = await hq.admin('GET', `/v1/shifts?from=${TODAY}&to=${TODAY}&store=s5`);
    expect(listed.status).toBe(200);
    expect(listed.body.shifts).toEqual([
      expect.objectContaining({
        storeId: 's5',
        stationId: 'till-1',
        day: TODAY,
        shiftId: wang.value.id,
        cashierName: 'Wang',
        float: 10_000,
        counted: 9_500,
        difference: -500,
        handedTo: 'Li',
        note: 'short 5',
        paid: { count: 2, total: 1500 },
      }),
      expect.objectContaining({
        cashierName: 'Li',
        takenFrom: wang.value.id,
        closedAt: null,
        difference: null,
        paid: { count: 1, total: 800 },
      }),
    ]);
    const tables = await hq.db.query(
      "SELECT tbl, count(*)::int AS n FROM events WHERE store_id = 's5' AND tbl LIKE '%shift%' GROUP BY tbl ORDER BY tbl",
    );
    expect(tables.rows).toEqual([
      { tbl: 'refund_shifts', n: 1 },
      { tbl: 'shift_closes', n: 1 },
      { tbl: 'shifts', n: 2 },
    ]);
    expect((await hq.admin('GET', `/v1/shifts?from=${TODAY}&to=2000-01-01`)).status).toBe(400);
    ledger.close();
  });
});
