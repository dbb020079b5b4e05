import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config';
import type { CheckoutSnapshot } from '../contract/checkout';
import type { EventName, StationInfo } from '../contract/commands';
import type { HqLink } from '../contract/hq-link';
import { admin, codeFor, orderOf } from '../payments/test-support/harness';
import { createStation, type Station } from '../station/create-station';
import { saveStationCredential } from './station-credential';
import { enrolStation, startHq, waitFor, type HqHarness } from './test-support/hq-harness';
import { postgresMissing } from './test-support/postgres';

let hq: HqHarness;
let station: Station;
let dataDir: string;
const events: { name: EventName; payload: unknown }[] = [];

beforeAll(async () => {
  if (postgresMissing) return;
  hq = await startHq();
  dataDir = mkdtempSync(join(tmpdir(), 'cs-hq-live-'));
  const credential = await enrolStation(hq, 'live', 'till-1');
  saveStationCredential(dataDir, { url: hq.url, storeId: 'live', stationId: 'till-1', credential });
  station = await createStation({
    dataDir,
    config: parseConfig({ payments: { sandbox: { port: 0 } }, hq: { syncSeconds: 1 } }),
    logger: pino({ level: 'silent' }),
    parts: { capture: false, devices: false },
  });
  station.subscribe((name, payload) => events.push({ name, payload }));
}, 30_000);
afterAll(async () => {
  await station?.close();
  await hq?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const call = async <T>(role: 'cashier' | 'customer', command: string, input: unknown) => {
  const r = await station.dispatch(role, command as 'checkout.get', input as never);
  if (!r.ok) throw new Error(`${command}: ${r.error.message}`);
  return r.value as T;
};
const rev = () => station.checkout.snapshot().revision;
/** An order up to the customer's choice of method. */
const toMethods = async () => {
  const order = { lines: [{ id: 'l1', name: 'Tea', quantity: '1', unitPrice: 800, amount: 800 }] };
  await call('cashier', 'order.submit', { order: { ...order, total: 800 } });
  await call('cashier', 'checkout.send', { revision: rev() });
  return call<CheckoutSnapshot>('customer', 'checkout.confirm', { revision: rev() });
};

describe.skipIf(postgresMissing)('HQ settings taken up by a running station', () => {
  it('apply at the sync that brings them, between two checkouts, and reach both windows', async () => {
    expect((await toMethods()).methods).toEqual(['code', 'face', 'proxy', 'qr']);
    const settings = {
      store: { name: 'Live Tea', message: 'Hello from HQ' },
      methods: ['code', 'qr'],
      customer: { language: 'zh-CN', resultSeconds: 3 },
    };
    expect(
      (await hq.admin('PUT', '/v1/admin/settings', { stores: ['live'], settings })).status,
    ).toBe(200);
    // The next sync brings them and saves them; the customer's checkout is not changed.
    await waitFor(
      async () => (await call<HqLink>('cashier', 'hq.status', {})).settings?.revision === 1,
    );
    expect(JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8'))).toMatchObject(settings);
    expect((await call<HqLink>('cashier', 'hq.status', {})).settings).toMatchObject({
      state: 'applied',
      message: 'saved to config.json; in effect from the next checkout',
    });
    expect(events.some((e) => e.name === 'station.info')).toBe(false);
    expect((await call<StationInfo>('customer', 'station.info', {})).storeName).toBe('Countersign');
    // 'face' is no longer offered by the new settings, but this customer was offered it.
    const chosen = await call<CheckoutSnapshot>('customer', 'checkout.chooseMethod', {
      method: 'face',
    });
    expect(chosen).toMatchObject({ phase: 'collecting_credential', method: 'face' });
    expect(chosen.methods).toEqual(['code', 'face', 'proxy', 'qr']);

    // The checkout ends: the station takes them up at once and tells every window.
    await call('cashier', 'checkout.cancel', { reason: 'customer left' });
    expect(events.some((e) => e.name === 'station.info')).toBe(false);
    await call('cashier', 'checkout.reset', {});
    const pushed = events.filter((e) => e.name === 'station.info').map((e) => e.payload);
    expect(pushed).toEqual([
      expect.objectContaining({
        storeName: 'Live Tea',
        storeMessage: 'Hello from HQ',
        language: 'zh-CN',
        methods: ['code', 'qr'],
        resultSeconds: 3,
      }),
    ]);
    expect(pushed[0]).not.toHaveProperty('role');
    expect(await call('customer', 'station.info', {})).toMatchObject({
      role: 'customer',
      storeName: 'Live Tea',
      language: 'zh-CN',
    });
    // The next checkout offers the new methods.
    expect((await toMethods()).methods).toEqual(['code', 'qr']);
    await call('cashier', 'checkout.cancel', { reason: 'test over' });
  }, 30_000);

  it('payment time limits apply from the next payment, on the running payment service', async () => {
    const p = station.payments!;
    expect(p.service.limits()).toMatchObject({ deadlineMs: 45_000, timeoutMs: 10_000 });
    const limits = { timeoutMs: 5_000, queryIntervalMs: 20, deadlineMs: 300, reverseRetryMs: 20 };
    const put = await hq.admin('PUT', '/v1/admin/settings', {
      stores: ['live'],
      settings: { payments: limits },
    });
    expect(put.status).toBe(200);
    await waitFor(
      async () => (await call<HqLink>('cashier', 'hq.status', {})).settings?.revision === 2,
    );
    expect((await call<HqLink>('cashier', 'hq.status', {})).settings).toMatchObject({
      state: 'applied',
      message:
        'saved to config.json; in effect from the next checkout; payment time limits from the next payment',
    });
    expect(JSON.parse(readFileSync(join(dataDir, 'config.json'), 'utf8')).payments).toMatchObject(
      limits,
    );
    expect(p.service.limits()).toEqual(limits);
    // Over the password threshold and nobody types it: reversed at the pushed 300 ms deadline
    // (the 45 s the station started with would outlast this test).
    const sandbox = { url: p.sandboxUrl, adminToken: p.sandboxAdminToken! };
    await admin(sandbox, 'POST', '/admin/accounts', {
      id: 'live-wallet',
      platform: 'wechat',
      balance: 1_000_000,
    });
    const out = await p.service.pay(orderOf(60_000), await codeFor(sandbox, 'live-wallet'));
    expect(out).toMatchObject({ status: 'reversed', amount: 60_000 });
    expect(p.ledger.attemptEvents(out.attemptId!).map((e) => e.state)).toContain('user_paying');
  }, 30_000);
});
