import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src-sandbox/server';
import { sandboxIn } from '../../src-sandbox/test-support/sandbox-harness';
import { openLedger, type Ledger } from '../ledger/open-ledger';
import { SANDBOX_MERCHANT } from '../payment-api/sandbox-launch';
import { paymentsConfigSchema } from './config';
import { createProviderRegistry, type CallOptions, type PaymentGateway } from './gateway';
import { createHttpGateway } from './http-gateway';
import { createPaymentService, type PaymentService } from './payment-service';
import { balanceOf, codeFor, newAccount, orderOf, tempDir } from './test-support/harness';

// Limits changed on a running payment service (pushed by HQ, docs/hq.md): a payment under way
// keeps the limits it started with, the next one runs with the new ones. The sandbox over HTTP
// and a real ledger; the gateway is the real one, watched so each call's timeout can be seen.

const tmp = tempDir('cs-limits-');
let sandbox: Sandbox;
let ledger: Ledger;
let service: PaymentService;
/** Every call the gateway made: which order, what, with which timeout. */
const calls: { order: string; what: string; timeoutMs: number | undefined }[] = [];
/** Told of each attempt that waits on the customer's password. */
let asksPassword: (attemptId: string) => void = () => {};

/** The sandbox's own gateway, recording each call's timeout before it leaves. */
function watched(g: PaymentGateway): PaymentGateway {
  const seen = (order: string, what: string, call?: CallOptions) =>
    calls.push({ order, what, timeoutMs: call?.timeoutMs });
  return {
    ...g,
    pay: (req, call) => (seen(req.merchantOrderNo, 'pay', call), g.pay(req, call)),
    query: (no, call) => (seen(no, 'query', call), g.query(no, call)),
    reverse: (no, call) => (seen(no, 'reverse', call), g.reverse(no, call)),
  };
}

beforeAll(async () => {
  sandbox = await sandboxIn(tmp.dir, { passwordAbove: 50_000 });
  ledger = openLedger(join(tmp.dir, 'ledger.sqlite'));
  const http = createHttpGateway({
    url: sandbox.url,
    merchantId: SANDBOX_MERCHANT.merchantId,
    key: SANDBOX_MERCHANT.key,
    timeoutMs: 9_000,
  });
  service = createPaymentService({
    ledger,
    providers: createProviderRegistry([watched(http)]),
    config: {
      routing: paymentsConfigSchema.parse({}).routing,
      // The first payment waits for a password far longer than this test takes.
      timeoutMs: 2_000,
      queryIntervalMs: 20,
      deadlineMs: 120_000,
      reverseRetryMs: 20,
    },
    onProgress: (id, state) => {
      if (state === 'user_paying') asksPassword(id);
    },
  });
});
afterAll(async () => {
  service.close();
  ledger.close();
  await sandbox.stop();
  tmp.cleanup();
});

/** Waits (without a time limit of its own: vitest's holds) until `check` is true. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

describe('reconfigure: new payment time limits on a running payment service', () => {
  it('refuses limits outside the config schema and keeps the current ones', () => {
    const before = service.limits();
    const r = service.reconfigure({ ...before, timeoutMs: 2_000, deadlineMs: 1 });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('deadlineMs') });
    expect(service.limits()).toBe(before);
  });

  it('a payment under way keeps its limits; the next payment runs with the new ones', async () => {
    const alice = await newAccount(sandbox, 'wechat', 1_000_000);
    const bob = await newAccount(sandbox, 'wechat', 1_000_000);
    // A: over the password threshold, it waits on the wallet under a 120 s deadline.
    const asked = new Promise<string>((r) => (asksPassword = r));
    const first = service.pay(orderOf(60_000), await codeFor(sandbox, alice));
    const a = ledger.getAttempt(await asked)!;
    expect(a.state).toBe('user_paying');

    const limits = { timeoutMs: 1_500, queryIntervalMs: 5, deadlineMs: 20, reverseRetryMs: 5 };
    expect(service.reconfigure(limits)).toEqual({ ok: true });
    expect(service.limits()).toEqual(limits);

    // B, started after: also waits on a password, and nobody types it: a 20 ms deadline
    // reverses it where the old 120 s one would still be asking.
    const second = await service.pay(orderOf(60_000), await codeFor(sandbox, bob));
    expect(second).toMatchObject({ status: 'reversed' });
    expect(await balanceOf(sandbox, bob)).toBe(1_000_000);
    const ofB = calls.filter((c) => c.order === second.attemptId);
    expect(ofB.map((c) => c.what)).toContain('reverse');
    expect(new Set(ofB.map((c) => c.timeoutMs))).toEqual(new Set([1_500]));

    // A is asked twice more after B ended, still under its own limits, and is not reversed.
    const seenA = calls.filter((c) => c.order === a.id).length;
    await until(
      () =>
        calls.filter((c) => c.order === a.id).length >= seenA + 2 ||
        ledger.getAttempt(a.id)?.state !== 'user_paying',
    );
    expect(ledger.getAttempt(a.id)?.state).toBe('user_paying');
    const ofA = calls.filter((c) => c.order === a.id);
    expect(ofA.map((c) => c.what)).not.toContain('reverse');
    expect(new Set(ofA.map((c) => c.timeoutMs))).toEqual(new Set([2_000]));

    // Alice types her password: A is paid, once.
    const wallet = await (await fetch(`${sandbox.url}/wallet/${alice}`)).text();
    const paymentId = /name="payment" value="([^"]+)"/.exec(wallet)![1]!;
    await fetch(`${sandbox.url}/wallet/${alice}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ payment: paymentId, password: '123456', action: 'pay' }),
    });
    expect(await first).toMatchObject({ status: 'paid', attemptId: a.id, amount: 60_000 });
    expect(await balanceOf(sandbox, alice)).toBe(1_000_000 - 60_000);
  }, 30_000);
});
