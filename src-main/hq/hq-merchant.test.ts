import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { configSchema } from '../config/schema';
import { localDay } from '../lib/local-day';
import { openLedger, type Ledger } from '../ledger/open-ledger';
import { setupHqSync } from '../station/setup-hq-sync';
import { sendBatch } from './hq-client';
import { createHqServer } from './hq-server';
import { saveStationCredential } from './station-credential';
import { applyPushedSettings, loadSettingsState } from './station-settings';
import { startHqSync } from './station-sync';
import {
  ADMIN,
  enrolStation,
  payOnce,
  startHq,
  waitFor,
  type HqHarness,
} from './test-support/hq-harness';
import { postgresMissing } from './test-support/postgres';
import { alipayBillZip, wechatBill, type BillEntry } from './test-support/provider-bills';

let hq: HqHarness;
let dir: string;
const TODAY = localDay(Date.now());

beforeAll(async () => {
  if (postgresMissing) return;
  dir = mkdtempSync(join(tmpdir(), 'cs-hq-merchant-'));
  hq = await startHq();
});
afterAll(async () => {
  await hq?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Pushes a ledger to HQ until nothing is pending. */
async function syncAll(credential: string, ledger: Ledger): Promise<void> {
  const [storeId, stationId] = credential.split('.')[0]!.split('/') as [string, string];
  const sync = startHqSync({
    outbox: ledger.outbox,
    send: (b) => sendBatch({ url: hq.url }, credential, { storeId, stationId, ...b }),
    version: '0.1.0',
    now: Date.now,
    intervalMs: 50,
  });
  await waitFor(() => ledger.outbox.pending().count === 0);
  await sync.stop();
}

const upload = async (query: string, body: Uint8Array | string) => {
  const res = await fetch(`${hq.url}/v1/admin/reconcile?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}` },
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read any field
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe.skipIf(postgresMissing)('HQ: merchant reconciliation and settings', () => {
  it("reconciles each provider's daily statement against every store's payments at once", async () => {
    const tills = [
      ['m1', 'till-1'],
      ['m1', 'till-2'],
      ['m2', 'till-1'],
    ] as const;
    const paid: { id: string; amount: number; till: string }[] = [];
    let refund: BillEntry | null = null;
    let alipay: BillEntry[] = [];
    for (const [store, station] of tills) {
      const credential = await enrolStation(hq, store, station);
      const ledger = openLedger(join(dir, `${store}-${station}.sqlite`), { synchronous: 'NORMAL' });
      for (let i = 0; i < 4; i++) {
        const amount = 1000 + i * 10;
        const id = payOnce(ledger, `${store}${station}o${i}`, amount, 'code', 'wechat');
        paid.push({ id, amount, till: `${store}/${station}` });
      }
      if (!refund) {
        const r = ledger.beginRefund({ attemptId: paid[0]!.id, amount: 300, reason: 'cold tea' });
        if (!r.ok) throw new Error(r.error.message);
        ledger.appendRefundEvent(r.value.id, 'succeeded');
        refund = { kind: 'refund', orderNo: paid[0]!.id, refundNo: r.value.id, amount: 300 };
      }
      const a = payOnce(ledger, `${store}${station}ali`, 777, 'code', 'alipay');
      alipay = [...alipay, { kind: 'payment', orderNo: a, amount: 777 }];
      await syncAll(credential, ledger);
      ledger.close();
    }
    // What WeChat Pay saw: every payment but one of m2's, one amount off at m1/till-2, one
    // payment no store knows of, and the refund.
    const dropped = paid.find((p) => p.till === 'm2/till-1')!;
    const off = paid.find((p) => p.till === 'm1/till-2')!;
    const entries: BillEntry[] = [
      ...paid
        .filter((p) => p !== dropped)
        .map((p): BillEntry => ({
          kind: 'payment',
          orderNo: p.id,
          amount: p === off ? p.amount + 1 : p.amount,
        })),
      { kind: 'payment', orderNo: `P${TODAY.replaceAll('-', '')}ffffffffffffffff`, amount: 5000 },
      refund!,
    ];
    const r = await upload(
      `provider=wechat&format=wechat&date=${TODAY}`,
      wechatBill(TODAY, entries),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      provider: 'wechat',
      statementLines: paid.length + 1,
      matchedPayments: paid.length - 2,
      matchedRefunds: 1,
      balanced: false,
      missingInStatement: [{ id: dropped.id, kind: 'payment', amount: dropped.amount }],
      amountDifferences: [
        { id: off.id, ledger: String(off.amount), statement: String(off.amount + 1) },
      ],
      missingInLedger: [{ merchant_order_no: `P${TODAY.replaceAll('-', '')}ffffffffffffffff` }],
    });
    // Each difference is placed at its store and station; the tally is per store.
    expect(r.body.places[dropped.id]).toEqual({ storeId: 'm2', stationId: 'till-1' });
    expect(r.body.places[off.id]).toEqual({ storeId: 'm1', stationId: 'till-2' });
    expect(r.body.stores).toEqual([
      { storeId: 'm1', payments: 8, refunds: 1, differences: 1 },
      { storeId: 'm2', payments: 4, refunds: 0, differences: 1 },
    ]);

    // Alipay's bill for the same day (a zip of GBK CSV) balances: only Alipay's payments count.
    const ali = await upload(
      `provider=alipay&format=alipay&date=${TODAY}`,
      alipayBillZip(TODAY, alipay),
    );
    expect(ali.body).toMatchObject({ balanced: true, matchedPayments: 3, statementLines: 3 });

    // A cut-off download is refused with the parser's sentence, and nothing is kept for it.
    const cut = wechatBill(TODAY, entries).split('\r\n').slice(0, 4).join('\r\n');
    const bad = await upload(`provider=wechat&format=wechat&date=${TODAY}`, cut);
    expect(bad).toMatchObject({
      status: 422,
      body: { error: 'unreadable_statement', message: expect.stringContaining('summary') },
    });
    expect((await upload(`provider=wechat&format=xls&date=${TODAY}`, cut)).status).toBe(400);
    const kept = await hq.admin('GET', `/v1/reconciliations?from=${TODAY}&to=${TODAY}`);
    expect(
      kept.body.reconciliations.map((x: { provider: string; balanced: boolean }) => [
        x.provider,
        x.balanced,
      ]),
    ).toEqual([
      ['alipay', true],
      ['wechat', false],
    ]);
  });

  it("pushes settings to a store's stations, checked by HQ and by the station's config schema", async () => {
    const put = (body: unknown) => hq.admin('PUT', '/v1/admin/settings', body);
    expect(await put({ stores: ['n1'], settings: { hq: { syncSeconds: 1 } } })).toMatchObject({
      status: 400,
      body: { error: 'bad_settings', message: expect.stringContaining('hq') },
    });
    expect(await put({ stores: ['n1'], settings: { methods: [] } })).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('methods') },
    });
    expect(
      await put({ stores: ['n1'], settings: { payments: { sandbox: { enabled: false } } } }),
    ).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('payments.sandbox') },
    });
    const settings = { store: { name: 'Tea House North' }, methods: ['code', 'qr'] };
    expect(await put({ stores: ['n1'], settings })).toMatchObject({
      status: 200,
      body: { stores: [{ storeId: 'n1', revision: 1 }] },
    });

    // A real station: enrolled, its config.json holds its own choices, its wiring syncs.
    const credential = await enrolStation(hq, 'n1', 'till-1');
    const dataDir = mkdtempSync(join(dir, 'n1-'));
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({ customer: { language: 'zh-CN' }, store: { message: 'Hello' } }),
    );
    saveStationCredential(dataDir, {
      url: hq.url,
      storeId: 'n1',
      stationId: 'till-1',
      credential,
    });
    const ledger = openLedger(join(dataDir, 'ledger.sqlite'), { synchronous: 'NORMAL' });
    const sync = setupHqSync({
      dataDir,
      config: { ...configSchema.parse({}).hq, syncSeconds: 1 },
      ledger,
      logger: pino({ level: 'silent' }),
      version: '0.1.0',
      // Its payment system is down: HQ's list says so.
      paymentsState: () => 'unreachable',
    })!;
    payOnce(ledger, 'n1o1', 500);
    await waitFor(() => sync.status().settings?.revision === 1);
    const saved = JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8'));
    expect(saved).toMatchObject({
      store: { name: 'Tea House North', message: 'Hello' },
      methods: ['code', 'qr'],
      customer: { language: 'zh-CN' },
    });
    expect(sync.status().settings).toMatchObject({ state: 'applied' });
    // HQ sees which revision each station applied (reported with the next push).
    sync.nudge();
    await waitFor(async () => {
      const s = (await hq.admin('GET', '/v1/stations')).body.stations.find(
        (x: { storeId: string }) => x.storeId === 'n1',
      );
      return (
        s?.health?.settings?.revision === 1 &&
        s.settingsRevision === 1 &&
        s.health.payments === 'unreachable' &&
        s.condition === 'payments_down'
      );
    });
    await sync.stop();
    ledger.close();

    // Settings the station's schema refuses (from an older HQ) leave config.json untouched.
    const before = readFileSync(join(dataDir, 'config.json'), 'utf8');
    const refused = applyPushedSettings(
      dataDir,
      { revision: 2, settings: { customer: { resultSeconds: 1 } } },
      Date.now(),
    );
    expect(refused).toMatchObject({
      state: 'refused',
      message: expect.stringContaining('resultSeconds'),
    });
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).toBe(before);
    expect(loadSettingsState(dataDir)).toMatchObject({ revision: 2, state: 'refused' });
  });

  it('lets several named admins in and logs who changed what', async () => {
    const log: Record<string, unknown>[] = [];
    const tokens = { wang: 'wang-token-0123456789abcdef', li: 'li-token-0123456789abcdef' };
    const server = createHqServer({
      db: hq.db,
      adminToken: Object.entries(tokens)
        .map(([name, token]) => `${name}:${token}`)
        .join('\n'),
      log: (e) => log.push(e),
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const call = (token: string, method = 'GET', path = '/v1/stations', body?: unknown) =>
      fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((r) => r.status);
    try {
      expect(await call(tokens.wang)).toBe(200);
      expect(await call(tokens.li)).toBe(200);
      expect(await call(ADMIN)).toBe(401);
      const settings = { stores: ['a1'], settings: { store: { message: 'Open late' } } };
      expect(await call(tokens.li, 'PUT', '/v1/admin/settings', settings)).toBe(200);
      expect(log).toContainEqual({ admin: 'li', method: 'PUT', path: '/v1/admin/settings' });
    } finally {
      server.close();
    }
  });

  it('`countersign hq settings` and `hq reconcile` do the same from the command line', async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    const io = { stdout: out, stderr: err, stdin: new PassThrough() };
    const read = (s: PassThrough) => String(s.read() ?? '');
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ store: { message: 'Closed on Monday' } }));
    const db = ['--db', hq.pg.url];
    expect(await main(['hq', 'settings', ...db, '--store', 'c1,c2', '--file', file], io)).toBe(0);
    expect(read(out)).toContain('"storeId":"c2","revision":1');
    writeFileSync(file, JSON.stringify({ serve: { port: 1 } }));
    expect(await main(['hq', 'settings', ...db, '--all', '--file', file], io)).toBe(1);
    expect(read(err)).toContain('serve: not a setting HQ may push');
    const bill = join(dir, 'bill.csv');
    writeFileSync(bill, wechatBill(TODAY, []).replace(/^`0,/m, '`1,'));
    const args = ['--provider', 'wechat', '--format', 'wechat', '--date', TODAY, '--file', bill];
    expect(await main(['hq', 'reconcile', ...db, ...args], io)).toBe(1);
    expect(read(err)).toContain('its summary says 1');
  });
});
