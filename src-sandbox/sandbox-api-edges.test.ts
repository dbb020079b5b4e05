import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../src-main/payment-api/signing';
import {
  admin,
  balanceOf,
  codeFor,
  newAccount,
  tempDir,
} from '../src-main/payments/test-support/harness';
import { sandboxIn } from './test-support/sandbox-harness';
import { SANDBOX_DEFAULTS } from './sandbox-db';
import type { Sandbox } from './server';

// Issue 9 part 6: currencies, idempotency by order number, malformed paths. Over real HTTP.
let sandbox: Sandbox;
const tmp = tempDir('cs-sandbox-edges-');
beforeAll(async () => {
  sandbox = await sandboxIn(tmp.dir);
});
afterAll(async () => {
  await sandbox.stop();
  tmp.cleanup();
});

const M = { merchantId: SANDBOX_DEFAULTS.merchantId, key: SANDBOX_DEFAULTS.key };
let seq = 0;
const orderNo = () => `EDGE${process.pid}x${++seq}x${Date.now()}`;

async function pay(body: Record<string, unknown>) {
  const text = JSON.stringify(body);
  const path = '/v1/payments';
  const res = await fetch(sandbox.url + path, {
    method: 'POST',
    headers: {
      ...signRequest({ ...M, method: 'POST', path, body: text }),
      'content-type': 'application/json',
    },
    body: text,
  });
  const json = (await res.json()) as {
    status?: string;
    reason?: string | null;
    error?: { code: string; message: string };
  };
  return { status: res.status, json };
}

describe('sandbox: currency', () => {
  it('refuses a payment in another currency than the wallet holds, debiting nothing', async () => {
    const usd = await newAccount(sandbox, 'wechat', 100_000, { currency: 'USD' });
    const r = await pay({
      merchantOrderNo: orderNo(),
      amount: 1_000,
      currency: 'CNY',
      credential: await codeFor(sandbox, usd),
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'failed', reason: 'currency_mismatch' });
    expect(await balanceOf(sandbox, usd)).toBe(100_000);
    const same = await pay({
      merchantOrderNo: orderNo(),
      amount: 1_000,
      currency: 'USD',
      credential: await codeFor(sandbox, usd),
    });
    expect(same.json.status).toBe('paid');
    expect(await balanceOf(sandbox, usd)).toBe(99_000);
  });

  it('seeds wallets in CNY and shows the currency on the account', async () => {
    const acct = (await admin(sandbox, 'GET', '/admin/accounts/wx-alice')) as { currency: string };
    expect(acct.currency).toBe('CNY');
  });
});

describe('sandbox: the same order number with other details', () => {
  it('answers 409 order_conflict for another currency', async () => {
    const acct = await newAccount(sandbox, 'alipay', 100_000);
    const first = {
      merchantOrderNo: orderNo(),
      amount: 1_000,
      currency: 'CNY',
      credential: await codeFor(sandbox, acct),
    };
    expect((await pay(first)).json.status).toBe('paid');
    expect((await pay(first)).json.status).toBe('paid');
    const other = await pay({ ...first, currency: 'USD' });
    expect(other).toMatchObject({ status: 409, json: { error: { code: 'order_conflict' } } });
    expect(other.json.error!.message).toMatch(/currency CNY, not USD/);
    expect(await balanceOf(sandbox, acct)).toBe(99_000);
  });

  it('answers 409 order_conflict for another credential', async () => {
    const acct = await newAccount(sandbox, 'wechat', 100_000);
    const first = {
      merchantOrderNo: orderNo(),
      amount: 1_000,
      currency: 'CNY',
      credential: await codeFor(sandbox, acct),
    };
    expect((await pay(first)).json.status).toBe('paid');
    const other = await pay({ ...first, credential: await codeFor(sandbox, acct) });
    expect(other).toMatchObject({ status: 409, json: { error: { code: 'order_conflict' } } });
    expect(other.json.error!.message).toMatch(/another credential/);
    // A resend of the very same request is still the first answer.
    expect(await pay(first)).toMatchObject({ status: 200, json: { status: 'paid' } });
    expect(await balanceOf(sandbox, acct)).toBe(99_000);
  });
});

describe('sandbox: malformed paths', () => {
  for (const path of ['/wallet/%E0%A4%A', '/v1/payments/%E0%A4%A', '/admin/accounts/%ZZ', '/%']) {
    it(`answers 400 invalid_path for ${path}`, async () => {
      const res = await fetch(sandbox.url + path, {
        headers: { 'x-cs-admin': sandbox.adminToken },
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_path');
    });
  }
});

describe('sandbox: a provider face code', () => {
  it('is declined (the sandbox has no provider face device); nothing is taken', async () => {
    const r = await pay({
      merchantOrderNo: orderNo(),
      amount: 100,
      currency: 'CNY',
      credential: { kind: 'face_code', platform: 'alipay', code: 'fp0123456789abcdef' },
    });
    expect(r).toMatchObject({
      status: 200,
      json: { status: 'failed', reason: 'face_code_unsupported' },
    });
  });
});
