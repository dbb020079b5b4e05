import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpGateway } from './http-gateway';
import { SANDBOX_MERCHANT } from '../payment-api/sandbox-launch';
import type { Sandbox } from '../../src-sandbox/server';
import {
  admin,
  codeFor,
  FAST,
  newAccount,
  orderOf,
  stationFor,
  tempDir,
} from './test-support/harness';
import { sandboxIn } from '../../src-sandbox/test-support/sandbox-harness';

// Binding a wallet to the store on the payment system's page, paying without a password under
// the bound limit, and removing the binding as the customer (wallet page) and the store (API).

const tmp = tempDir('cs-bind-');
let sandbox: Sandbox;
let station: ReturnType<typeof stationFor>;
beforeAll(async () => {
  sandbox = await sandboxIn(tmp.dir, { passwordAbove: 10_000 });
  station = stationFor(sandbox.url, join(tmp.dir, 'ledger.sqlite'));
});
afterAll(async () => {
  station.service.close();
  station.ledger.close();
  await sandbox.stop();
  tmp.cleanup();
});

const form = (path: string, fields: Record<string, string>) =>
  fetch(sandbox.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
const bindForm = (wallet: string, extra: Record<string, string> = {}) => ({
  wallet,
  phone: '13800000001',
  limit: '300.00',
  agree: 'yes',
  password: '123456',
  ...extra,
});

describe('binding', () => {
  it('refuses a wrong password or no agreement; then binds, and bound payments skip the password', async () => {
    const acct = await newAccount(sandbox, 'wechat', 1_000_000, { passwordAbove: 10_000 });
    const page = await fetch(`${sandbox.url}/bind/M100001`);
    expect(await page.text()).toContain('I agree to password-free payments');
    expect((await form('/bind/M100001', bindForm(acct, { password: '000000' }))).status).toBe(403);
    expect((await form('/bind/M100001', bindForm(acct, { agree: '' }))).status).toBe(400);
    const ok = await form('/bind/M100001', bindForm(acct));
    expect(await ok.text()).toContain('without a password up to 300.00');

    // 200.00 is over the account's password threshold (100.00) but under the bound 300.00.
    expect(await station.service.pay(orderOf(20_000), await codeFor(sandbox, acct))).toMatchObject({
      status: 'paid',
    });
    // Over the bound limit the password is asked again (nobody types it: reversed at the deadline).
    const over = await station.service.pay(orderOf(40_000), await codeFor(sandbox, acct));
    expect(over.status).not.toBe('paid');
  });

  it('the store lists and removes bindings; the customer removes theirs on the wallet page', async () => {
    const a = await newAccount(sandbox, 'wechat', 1_000_000);
    const b = await newAccount(sandbox, 'alipay', 1_000_000);
    await form('/bind/M100001', bindForm(a));
    await form('/bind/M100001', bindForm(b, { phone: '13900000002' }));
    const gateway = createHttpGateway({
      url: sandbox.url,
      merchantId: SANDBOX_MERCHANT.merchantId,
      key: SANDBOX_MERCHANT.key,
      timeoutMs: 2000,
    });
    const listed = await gateway.bindings!();
    expect(listed.kind).toBe('answer');
    const mine =
      listed.kind === 'answer' ? listed.value.filter((x) => [a, b].includes(x.accountId)) : [];
    expect(mine.map((x) => [x.accountId, x.phone, x.maxAmount])).toEqual([
      [a, '138****0001', 30_000],
      [b, '139****0002', 30_000],
    ]);
    const removed = await gateway.removeBinding!(mine[0]!.bindingId);
    expect(removed.kind === 'answer' && removed.value.some((x) => x.accountId === a)).toBe(false);
    expect(await gateway.removeBinding!(mine[0]!.bindingId)).toMatchObject({
      kind: 'refused',
      code: 'not_found',
    });

    const wallet = await (await fetch(`${sandbox.url}/wallet/${b}`)).text();
    expect(wallet).toContain('Bound to M100001');
    const after = await (await form(`/wallet/${b}/unbind`, { binding: mine[1]!.bindingId })).text();
    expect(after).toContain('Binding removed.');
    expect(after).not.toContain('Bound to M100001');
  });

  it('the member code pays at the bound store without a password up to the limit; over it the password is asked', async () => {
    const acct = await newAccount(sandbox, 'wechat', 1_000_000, { passwordAbove: 10_000 });
    await form('/bind/M100001', bindForm(acct));
    const memberCode = async () => {
      const page = await (await fetch(`${sandbox.url}/wallet/${acct}`)).text();
      expect(page).toContain('Member code for M100001');
      return {
        kind: 'payment_code' as const,
        code: /data-member-code="(\d+)"/.exec(page)![1]!,
        platform: 'wechat' as const,
      };
    };
    // 200.00: over the wallet's own password threshold (100.00), under the bound 300.00.
    const bound = await station.service.pay(orderOf(20_000), await memberCode());
    expect(bound).toMatchObject({ status: 'paid' });
    expect(station.ledger.attemptEvents(bound.attemptId!).map((e) => e.state)).toEqual([
      'created',
      'sending',
      'paid',
    ]);

    // 400.00 is over the bound limit: the normal path, the password on the wallet.
    let asked: (kind: string) => void = () => {};
    const askedFor = new Promise<string>((r) => (asked = r));
    const s2 = stationFor(
      sandbox.url,
      join(tmp.dir, `over-${Math.random()}.sqlite`),
      { ...FAST, deadlineMs: 10_000 },
      (_id, state, d) => {
        if (state === 'user_paying') asked(d?.action?.kind ?? 'password');
      },
    );
    const over = s2.service.pay(orderOf(40_000), await memberCode());
    expect(await askedFor).toBe('password');
    const wallet = await (await fetch(`${sandbox.url}/wallet/${acct}`)).text();
    const paymentId = /name="payment" value="([^"]+)"/.exec(wallet)![1]!;
    await form(`/wallet/${acct}/confirm`, {
      payment: paymentId,
      password: '123456',
      action: 'pay',
    });
    expect(await over).toMatchObject({ status: 'paid' });
    s2.service.close();
    s2.ledger.close();

    // Once the binding is removed the member code pays nothing.
    const code = await memberCode();
    const id = /name="binding" value="([^"]+)"/.exec(
      await (await fetch(`${sandbox.url}/wallet/${acct}`)).text(),
    )![1]!;
    await form(`/wallet/${acct}/unbind`, { binding: id });
    expect(await station.service.pay(orderOf(20_000), code)).toMatchObject({
      status: 'failed',
      reason: 'binding_removed',
    });
  });

  it('a bound face pays without a password up to the limit; over it the password is asked', async () => {
    const acct = await newAccount(sandbox, 'alipay', 1_000_000, { passwordAbove: 10_000 });
    // A descriptor as the display computes it (no other face in this sandbox is near it).
    const descriptor = Array.from({ length: 1024 }, (_, i) => Math.sin(i * 7.3 + 1));
    await admin(sandbox, 'POST', '/admin/faces', {
      accountId: acct,
      phone: '13900000003',
      descriptor,
    });
    const face = { kind: 'face' as const, descriptor };
    // Not bound yet: 200.00 over the 100.00 threshold waits for the password (reversed here).
    const unbound = await station.service.pay(orderOf(20_000), face);
    expect(unbound.status).toBe('reversed');
    await form('/bind/M100001', bindForm(acct, { phone: '13900000003' }));
    const bound = await station.service.pay(orderOf(20_000), face);
    expect(bound).toMatchObject({ status: 'paid' });
    expect(station.ledger.attemptEvents(bound.attemptId!).map((e) => e.state)).not.toContain(
      'user_paying',
    );
    // The ledger keeps a hash of the descriptor, nothing to rebuild a face from.
    expect(station.ledger.getAttempt(bound.attemptId!)?.credentialHint).toMatch(
      /^face [0-9a-f]{16}$/,
    );
    const recorded = JSON.stringify([
      station.ledger.getAttempt(bound.attemptId!),
      station.ledger.attemptEvents(bound.attemptId!),
    ]);
    expect(recorded).not.toContain(String(descriptor[1]));
    const over = await station.service.pay(orderOf(40_000), face);
    expect(station.ledger.attemptEvents(over.attemptId!).map((e) => e.state)).toContain(
      'user_paying',
    );
    expect(over.status).toBe('reversed');

    // Face and member-code payments reconcile with the day's statement like any payment.
    const today = new Date().toLocaleDateString('sv');
    const csv = await createHttpGateway({
      url: sandbox.url,
      merchantId: SANDBOX_MERCHANT.merchantId,
      key: SANDBOX_MERCHANT.key,
      timeoutMs: 2000,
    }).statement(today);
    const rec = station.ledger.reconcile(today, csv.kind === 'answer' ? csv.value : '')!;
    expect(rec.matchedPayments).toBeGreaterThanOrEqual(3);
    expect(rec.missingInStatement).toEqual([]);
    expect(rec.amountDifferences).toEqual([]);
    expect(rec.statusDifferences).toEqual([]);
    const mine = [unbound, bound, over].map((o) => o.attemptId);
    expect(rec.missingInLedger.filter((r) => mine.includes(r.merchant_order_no))).toEqual([]);
  });
});
