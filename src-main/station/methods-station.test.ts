import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckoutSnapshot } from '../contract/checkout';
import { localDay } from '../lib/local-day';
import { parseConfig } from '../config/load-config';
import { createStation, type Station } from './create-station';

/**
 * An order over an account's per-payment limit, paid in parts through the station's commands,
 * the orchestrator, the ledger and the sandbox process: a failed part, a finished split, and a
 * cancelled one whose paid parts are refunded; reports and reconciliation count every part.
 */
describe('split payments (station, sandbox process)', () => {
  let station: Station;
  const admin = async (method: string, path: string, body?: unknown) => {
    const p = station.payments!;
    const res = await fetch(`${p.sandboxUrl}/admin/${path}`, {
      method,
      headers: { 'x-cs-admin': p.sandboxAdminToken!, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  const call = async (role: 'cashier' | 'customer', command: string, input: unknown) => {
    const r = await station.dispatch(role, command as 'checkout.get', input as never);
    if (!r.ok) throw new Error(`${command}: ${r.error.message}`);
    return r.value as CheckoutSnapshot;
  };
  const settle = async (): Promise<CheckoutSnapshot> => {
    await station.payments!.flow.settled();
    await new Promise((r) => setTimeout(r, 30));
    return station.checkout.snapshot();
  };
  /** The customer pays the next part (or all) with a fresh code from `account`. */
  const payWith = async (account: string) => {
    const c = (await admin('POST', `accounts/${account}/codes`)) as {
      code: string;
      platform: 'wechat';
    };
    await call('customer', 'checkout.chooseMethod', { method: 'code' });
    await call('cashier', 'credential.submit', {
      credential: { kind: 'payment_code', code: c.code, platform: c.platform },
    });
    return settle();
  };
  const order = async (total: number) => {
    await call('cashier', 'order.submit', {
      order: {
        lines: [{ id: 'l1', name: 'TV', quantity: '1', unitPrice: total, amount: total }],
        total,
      },
    });
    await call('cashier', 'checkout.send', { revision: station.checkout.snapshot().revision });
    await call('customer', 'checkout.confirm', { revision: station.checkout.snapshot().revision });
  };
  const balance = async (id: string) => (await admin('GET', `accounts/${id}`)).balance as number;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-split-'));
    station = await createStation({
      dataDir: dir,
      config: parseConfig({
        payments: { sandbox: { port: 0, passwordAbove: 10_000_000 }, queryIntervalMs: 100 },
      }),
      logger: pino({ level: 'silent' }),
      parts: { capture: false },
    });
    for (const id of ['split-a', 'split-b'])
      await admin('POST', 'accounts', {
        id,
        platform: 'wechat',
        balance: 100_000,
        perPaymentLimit: 12_000,
      });
  }, 30_000);
  afterAll(() => station?.close());

  it('a failed part leaves the paid ones and the rest payable; the order is paid when all parts are', async () => {
    await order(30_000);
    expect(await payWith('split-a')).toMatchObject({
      phase: 'failed',
      payment: { reason: 'over_limit' },
    });
    await call('customer', 'checkout.payAnotherWay', {});
    await call('cashier', 'checkout.setPart', { amount: 10_000 });
    let s = await payWith('split-a');
    expect(s).toMatchObject({ phase: 'choosing_method', split: { paid: [{ amount: 10_000 }] } });
    await call('customer', 'checkout.setPart', { amount: 15_000 });
    s = await payWith('split-b'); // over split-b's limit: this part fails
    expect(s).toMatchObject({ phase: 'failed', split: { paid: [{ amount: 10_000 }] } });
    await call('customer', 'checkout.payAnotherWay', {});
    await call('cashier', 'checkout.setPart', { amount: 10_000 });
    expect((await payWith('split-b')).split?.paid).toHaveLength(2);
    s = await payWith('split-a');
    expect(s.phase).toBe('paid');
    expect(s.split?.paid.map((p) => p.amount)).toEqual([10_000, 10_000, 10_000]);
    expect(await balance('split-a')).toBe(80_000);

    const today = localDay(Date.now());
    const report = (await station.dispatch('cashier', 'reports.day', { date: today })) as {
      ok: true;
      value: { paid: { count: number; total: number } };
    };
    expect(report.value.paid).toEqual({ count: 3, total: 30_000 });
    const rec = (await station.dispatch('cashier', 'reports.reconcile', { date: today })) as {
      ok: true;
      value: { balanced: boolean; matchedPayments: number };
    };
    expect(rec.value).toMatchObject({ balanced: true, matchedPayments: 3 });
  });

  it('cancelling refunds every paid part', async () => {
    await order(24_000);
    await call('cashier', 'checkout.setPart', { amount: 8_000 });
    await payWith('split-a');
    await call('cashier', 'checkout.setPart', { amount: 8_000 });
    const s = await payWith('split-b');
    expect(s.split?.paid).toHaveLength(2);
    // A new order cannot drop the paid parts (refused here by the phase, after a failure by them).
    await expect(
      call('cashier', 'order.submit', {
        order: {
          lines: [{ id: 'x', name: 'Other', quantity: '1', unitPrice: 1, amount: 1 }],
          total: 1,
        },
      }),
    ).rejects.toThrow(/Cannot submit an order while the checkout is/);
    await call('cashier', 'checkout.cancel', {});
    const deadline = Date.now() + 5000;
    while (station.checkout.snapshot().notice?.code !== 'parts_refunded' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(station.checkout.snapshot()).toMatchObject({ phase: 'cancelled', split: null });
    expect(await balance('split-a')).toBe(80_000);
    expect(await balance('split-b')).toBe(90_000);
    // A restart while refunding runs the refunds again: parts already refunded are not refunded twice.
    station.payments!.flow.resumeRefunds(s.split!.paid);
    await new Promise((r) => setTimeout(r, 200));
    expect(station.checkout.snapshot().notice).toMatchObject({ text: '2 paid part(s) refunded' });
    expect(await balance('split-a')).toBe(80_000);
    expect(await balance('split-b')).toBe(90_000);
    const history = (await station.dispatch('cashier', 'payments.history', {})) as {
      ok: true;
      value: { amount: number; refunded: number; state: string }[];
    };
    expect(history.value.filter((a) => a.refunded > 0).map((a) => a.refunded)).toEqual([
      8_000, 8_000,
    ]);
  });
});

describe('proxy and merchant QR through the station (sandbox process)', () => {
  it('both pay through the people’s pages and reconcile with the statement like any payment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-methods-'));
    const st = await createStation({
      dataDir: dir,
      config: parseConfig({ payments: { sandbox: { port: 0 } } }),
      logger: pino({ level: 'silent' }),
      parts: { capture: false },
    });
    try {
      const base = st.payments!.sandboxUrl;
      const call = async (role: 'cashier' | 'customer', command: string, input: unknown) => {
        const r = await st.dispatch(role, command as 'checkout.get', input as never);
        if (!r.ok) throw new Error(`${command}: ${r.error.message}`);
        return r.value as CheckoutSnapshot;
      };
      const waitingAction = async () => {
        const until = Date.now() + 5000;
        while (!st.checkout.snapshot().payment?.action && Date.now() < until)
          await new Promise((r) => setTimeout(r, 20));
        return st.checkout.snapshot().payment!.action!;
      };
      const post = (url: string, fields: Record<string, string>) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
        });
      for (const method of ['proxy', 'qr'] as const) {
        await call('cashier', 'order.submit', {
          order: {
            lines: [{ id: 'l', name: 'Tea', quantity: '2', unitPrice: 1500, amount: 3000 }],
            total: 3000,
          },
        });
        await call('cashier', 'checkout.send', { revision: st.checkout.snapshot().revision });
        await call('customer', 'checkout.confirm', { revision: st.checkout.snapshot().revision });
        await call('customer', 'checkout.chooseMethod', { method });
        await call('customer', 'credential.submit', {
          credential:
            method === 'proxy' ? { kind: 'proxy', proxyId: '88880001' } : { kind: 'merchant_qr' },
        });
        const action = await waitingAction();
        if (method === 'qr') await post(action.url!, { wallet: 'ali-bob', password: '123456' });
        else {
          const html = await (await fetch(`${base}/proxy/wx-alice`)).text();
          const payment = /name="payment" value="([^"]+)"/.exec(html)![1]!;
          const svg = /base64,([^"]+)"/.exec(html.slice(html.indexOf('verification picture')))![1]!;
          const code = /Code (\d{6})/.exec(Buffer.from(svg, 'base64').toString())![1]!;
          await post(`${base}/proxy/wx-alice/answer`, { payment, code, action: 'confirm' });
        }
        await st.payments!.flow.settled();
        expect(st.checkout.snapshot().phase).toBe('paid');
      }
      const rec = await st.dispatch('cashier', 'reports.reconcile', { date: localDay(Date.now()) });
      expect(rec).toMatchObject({ ok: true, value: { balanced: true, matchedPayments: 2 } });
    } finally {
      await st.close();
    }
  });
});
