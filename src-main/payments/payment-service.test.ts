import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../ledger/open-ledger';
import type { SleepClock } from '../lib/clock';
import { createProviderRegistry } from './gateway';
import { createHttpGateway } from './http-gateway';
import { createPaymentService } from './payment-service';
import { SANDBOX_MERCHANT } from '../payment-api/sandbox-launch';
import type { Sandbox } from '../../src-sandbox/server';
import {
  balanceOf,
  codeFor,
  newAccount,
  orderOf,
  stationFor,
  tempDir,
} from './test-support/harness';
import { sandboxIn } from '../../src-sandbox/test-support/sandbox-harness';
import { paymentsConfigSchema } from './config';

const DEFAULT_ROUTING = paymentsConfigSchema.parse({}).routing;

let sandbox: Sandbox;
const tmp = tempDir();
let station: ReturnType<typeof stationFor>;
const progress: string[] = [];

beforeAll(async () => {
  sandbox = await sandboxIn(tmp.dir, { passwordAbove: 50_000 });
  station = stationFor(sandbox.url, join(tmp.dir, 'ledger.sqlite'), undefined, (_id, s) =>
    progress.push(s),
  );
});
afterAll(async () => {
  station.service.close();
  station.ledger.close();
  await sandbox.stop();
  tmp.cleanup();
});

describe('payment service against the sandbox over HTTP', () => {
  it('charges a payment code once and records every state', async () => {
    const acct = await newAccount(sandbox, 'wechat', 100_000);
    const order = orderOf(1234);
    const out = await station.service.pay(order, await codeFor(sandbox, acct));
    expect(out).toMatchObject({ status: 'paid', platform: 'wechat', amount: 1234 });
    expect(await balanceOf(sandbox, acct)).toBe(100_000 - 1234);
    expect(station.ledger.attemptEvents(out.attemptId!).map((e) => e.state)).toEqual([
      'created',
      'sending',
      'paid',
    ]);
    // Paying the same order again never charges twice, even with a new code.
    const again = await station.service.pay(order, await codeFor(sandbox, acct));
    expect(again).toMatchObject({ status: 'paid', alreadyPaid: true, attemptId: out.attemptId });
    expect(await balanceOf(sandbox, acct)).toBe(100_000 - 1234);
  });

  it('records a decline as failed and allows a new attempt for the same order', async () => {
    const poor = await newAccount(sandbox, 'alipay', 100);
    const order = orderOf(5000);
    const out = await station.service.pay(order, await codeFor(sandbox, poor));
    expect(out).toMatchObject({ status: 'failed', reason: 'insufficient_funds' });
    const rich = await newAccount(sandbox, 'unionpay', 100_000);
    const second = await station.service.pay(order, await codeFor(sandbox, rich));
    expect(second.status).toBe('paid');
    expect(station.ledger.attemptsForOrder(order.id).map((a) => a.state)).toEqual([
      'failed',
      'paid',
    ]);
  });

  it('refuses bad input at the station before any network call, with clear reasons', async () => {
    const acct = await newAccount(sandbox);
    const code = await codeFor(sandbox, acct);
    for (const [total, reason] of [
      [0, 'greater than zero'],
      [-5, 'greater than zero'],
      [12.5, 'whole minor units'],
      [1e12, 'absurdly large'],
    ] as const) {
      const out = await station.service.pay({ ...orderOf(100), total }, code);
      expect(out.status).toBe('failed');
      expect(out.attemptId).toBeNull();
      expect(out.reason).toContain(reason);
    }
    const unknown = await station.service.pay(orderOf(100), {
      kind: 'payment_code',
      code: '991234567890123456',
      platform: 'wechat',
    });
    expect(unknown).toMatchObject({ status: 'failed', attemptId: null });
    expect(unknown.reason).toContain('no payment platform uses codes starting 99');
    // The code was never used, so it still pays.
    expect((await station.service.pay(orderOf(100), code)).status).toBe('paid');
  });

  it('refuses a reused (single-use) payment code', async () => {
    const acct = await newAccount(sandbox);
    const code = await codeFor(sandbox, acct);
    expect((await station.service.pay(orderOf(100), code)).status).toBe('paid');
    expect(await station.service.pay(orderOf(100), code)).toMatchObject({
      status: 'failed',
      reason: 'code_already_used',
    });
  });

  it('waits for the password typed on the wallet page, reporting user_paying', async () => {
    const acct = await newAccount(sandbox, 'wechat', 1_000_000);
    progress.length = 0;
    const paying = station.service.pay(orderOf(60_000), await codeFor(sandbox, acct));
    // The customer opens their wallet, sees the prompt and types the password.
    let html = '';
    for (let i = 0; i < 40 && !html.includes('name="payment"'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      html = await (await fetch(`${sandbox.url}/wallet/${acct}`)).text();
    }
    const paymentId = /name="payment" value="([^"]+)"/.exec(html)![1]!;
    const res = await fetch(`${sandbox.url}/wallet/${acct}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ payment: paymentId, password: '123456', action: 'pay' }),
    });
    expect(await res.text()).toContain('Paid.');
    const out = await paying;
    expect(out.status).toBe('paid');
    expect(progress).toContain('user_paying');
    expect(await balanceOf(sandbox, acct)).toBe(1_000_000 - 60_000);
  });

  it('reverses a payment whose customer never types the password', async () => {
    const acct = await newAccount(sandbox, 'alipay', 1_000_000);
    const out = await station.service.pay(orderOf(70_000), await codeFor(sandbox, acct));
    expect(out.status).toBe('reversed');
    expect(await balanceOf(sandbox, acct)).toBe(1_000_000);
  });

  it('refunds partially, several times, never beyond what was paid', async () => {
    const acct = await newAccount(sandbox, 'wechat', 100_000);
    const paid = await station.service.pay(orderOf(10_000), await codeFor(sandbox, acct));
    const id = paid.attemptId!;
    expect((await station.service.refund(id, 3_000, 'damaged item')).ok).toBe(true);
    expect((await station.service.refund(id, 7_000, 'changed mind')).ok).toBe(true);
    const over = await station.service.refund(id, 1, 'too much');
    expect(over).toMatchObject({ ok: false, error: { code: 'refund_exceeds_paid' } });
    expect(await balanceOf(sandbox, acct)).toBe(100_000);
    expect(station.ledger.getAttempt(id)!.refunded).toBe(10_000);
  });

  it('charges an order once even when two station processes pay it at the same moment', async () => {
    // A second service over the same ledger file stands in for a second station process.
    const other = stationFor(sandbox.url, join(tmp.dir, 'ledger.sqlite'));
    try {
      const acct = await newAccount(sandbox, 'wechat', 100_000);
      const order = orderOf(4_321);
      sandbox.injectFaults([{ kind: 'delay', ms: 50 }]);
      const outs = await Promise.all([
        station.service.pay(order, await codeFor(sandbox, acct)),
        other.service.pay(order, await codeFor(sandbox, acct)),
      ]);
      expect(outs.map((o) => o.status)).toEqual(['paid', 'paid']);
      expect(outs.filter((o) => o.alreadyPaid)).toHaveLength(1);
      expect(outs[0]!.attemptId).toBe(outs[1]!.attemptId);
      expect(await balanceOf(sandbox, acct)).toBe(100_000 - 4_321);
    } finally {
      other.service.close();
      other.ledger.close();
    }
  });

  it('refunds once when the refund answer is lost, and resends open refunds at start-up', async () => {
    const acct = await newAccount(sandbox, 'wechat', 100_000);
    const paid = await station.service.pay(orderOf(9_000), await codeFor(sandbox, acct));
    sandbox.injectFaults([{ kind: 'lost_response', route: 'refund' }]);
    expect((await station.service.refund(paid.attemptId!, 1_000, 'lost answer')).ok).toBe(true);
    expect(await balanceOf(sandbox, acct)).toBe(100_000 - 9_000 + 1_000);
    // A refund written ahead but never sent (the station died): start-up sends it.
    const pending = station.ledger.beginRefund({
      attemptId: paid.attemptId!,
      amount: 500,
      reason: 'crash',
    });
    expect(pending.ok).toBe(true);
    await station.service.resumeOpenAttempts();
    expect(station.ledger.openRefunds()).toEqual([]);
    expect(await balanceOf(sandbox, acct)).toBe(100_000 - 9_000 + 1_500);
  });

  it('with the default 3 s / 45 s timings on an injected clock, queries 15 times then reverses', async () => {
    let virtual = Date.now();
    const clock: SleepClock = {
      now: () => virtual,
      sleep: async (ms) => {
        virtual += ms;
        await new Promise((r) => setImmediate(r));
      },
    };
    const ledger = openLedger(join(tmp.dir, 'virtual.sqlite'), { now: () => virtual });
    const http = createHttpGateway({
      url: sandbox.url,
      merchantId: SANDBOX_MERCHANT.merchantId,
      key: SANDBOX_MERCHANT.key,
      timeoutMs: 5_000,
    });
    let queries = 0;
    const counting = { ...http, query: (no: string) => (queries++, http.query(no)) };
    const service = createPaymentService({
      ledger,
      providers: createProviderRegistry([counting]),
      config: {
        // The config's default: every platform to the sandbox.
        routing: DEFAULT_ROUTING,
        queryIntervalMs: 3_000,
        deadlineMs: 45_000,
        reverseRetryMs: 3_000,
      },
      clock,
    });
    const acct = await newAccount(sandbox, 'wechat', 100_000);
    // The customer never answers the password prompt.
    sandbox.injectFaults([{ kind: 'user_paying', ms: 600_000 }]);
    const started = virtual;
    const out = await service.pay(orderOf(2_000), await codeFor(sandbox, acct));
    expect(out.status).toBe('reversed');
    expect(queries).toBe(15);
    expect(virtual - started).toBe(45_000);
    expect(ledger.attemptEvents(out.attemptId!).map((e) => e.state)).toEqual([
      'created',
      'sending',
      'user_paying',
      'reversing',
      'reversed',
    ]);
    expect(await balanceOf(sandbox, acct)).toBe(100_000);
    service.close();
    ledger.close();
  });
});
