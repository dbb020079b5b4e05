import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyPaymentCode } from '../src-main/contract/payment-code';
import { SANDBOX_DEFAULTS } from './sandbox-db';
import type { Sandbox } from './server';
import { canonicalRequest, signCanonical, signRequest } from '../src-main/payment-api/signing';
import { admin, codeFor, newAccount, tempDir } from '../src-main/payments/test-support/harness';
import { sandboxIn } from './test-support/sandbox-harness';
import { startSandboxProcess } from '../src-main/payments/sandbox-process';

let sandbox: Sandbox;
const tmp = tempDir('cs-sandbox-');
beforeAll(async () => {
  sandbox = await sandboxIn(tmp.dir);
});
afterAll(async () => {
  await sandbox.stop();
  tmp.cleanup();
});

const M = { merchantId: SANDBOX_DEFAULTS.merchantId, key: SANDBOX_DEFAULTS.key };

/** Sends a request with the given headers (signed or not) and returns status + error code. */
async function send(method: string, path: string, body: string, headers: Record<string, string>) {
  const res = await fetch(sandbox.url + path, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : body,
  });
  const json = (await res.json()) as { error?: { code: string; message: string }; status?: string };
  return { status: res.status, code: json.error?.code, message: json.error?.message, json };
}
const signed = (
  method: string,
  path: string,
  body: string,
  now = Date.now(),
  key: string = M.key,
) =>
  send(method, path, body, signRequest({ merchantId: M.merchantId, key, method, path, body }, now));

async function payBody(amount: unknown, accountId?: string) {
  const cred = accountId
    ? await codeFor(sandbox, accountId)
    : { kind: 'payment_code', code: '134567890123456789', platform: 'wechat' };
  return JSON.stringify({
    merchantOrderNo: `SEC${Math.random().toString(36).slice(2, 12)}`,
    amount,
    currency: 'CNY',
    credential: cred,
  });
}

describe('sandbox security: signatures', () => {
  it('refuses unsigned, wrongly signed, stale and replayed requests with clear errors', async () => {
    const acct = await newAccount(sandbox);
    const body = await payBody(100, acct);
    expect(await send('POST', '/v1/payments', body, {})).toMatchObject({
      status: 401,
      code: 'unsigned',
    });
    expect(await signed('POST', '/v1/payments', body, Date.now(), 'not-the-key')).toMatchObject({
      status: 401,
      code: 'bad_signature',
    });
    // A signature over a different body (amount changed in transit) does not match.
    const headers = signRequest({ ...M, method: 'POST', path: '/v1/payments', body });
    expect(
      await send('POST', '/v1/payments', body.replace('"amount":100', '"amount":900'), headers),
    ).toMatchObject({ status: 401, code: 'bad_signature' });
    const stale = await signed('POST', '/v1/payments', body, Date.now() - 10 * 60_000);
    expect(stale).toMatchObject({ status: 401, code: 'stale_request' });
    expect(stale.message).toMatch(/600 s away/);
    const fresh = signRequest({ ...M, method: 'POST', path: '/v1/payments', body });
    expect((await send('POST', '/v1/payments', body, fresh)).json.status).toBe('paid');
    expect(await send('POST', '/v1/payments', body, fresh)).toMatchObject({
      status: 401,
      code: 'replayed_request',
    });
    const unknown = signRequest({
      merchantId: 'M999',
      key: M.key,
      method: 'POST',
      path: '/v1/payments',
      body,
    });
    expect(await send('POST', '/v1/payments', body, unknown)).toMatchObject({
      status: 401,
      code: 'unknown_merchant',
    });
  });

  it('signs the canonical request exactly as documented', () => {
    const c = canonicalRequest('post', '/v1/payments', '1700000000000', 'abcdef0123456789', '{}');
    expect(c).toBe(
      'POST\n/v1/payments\n1700000000000\nabcdef0123456789\n44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    );
    expect(signCanonical('k', c)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps admin routes closed without the admin token', async () => {
    const res = await fetch(`${sandbox.url}/admin/faults`, {
      method: 'POST',
      body: '{"faults":[{"kind":"error_5xx"}]}',
    });
    expect(res.status).toBe(401);
  });
});

describe('sandbox security: amounts', () => {
  for (const [amount, message] of [
    [-100, 'greater than zero'],
    [0, 'greater than zero'],
    [12.5, 'whole minor units'],
    [1e15, 'absurdly large'],
    ['100', 'number'],
  ] as const) {
    it(`refuses amount ${JSON.stringify(amount)} with invalid_amount`, async () => {
      const r = await signed('POST', '/v1/payments', await payBody(amount));
      expect(r).toMatchObject({ status: 400, code: 'invalid_amount' });
      expect(r.message).toContain(message);
    });
  }

  it('refuses malformed JSON and unknown fields clearly', async () => {
    expect(await signed('POST', '/v1/payments', '{"amount":')).toMatchObject({
      status: 400,
      code: 'invalid_json',
    });
    const extra = JSON.stringify({ ...JSON.parse(await payBody(100)), tip: 5 });
    expect(await signed('POST', '/v1/payments', extra)).toMatchObject({
      status: 400,
      code: 'invalid_request',
    });
  });
});

describe('sandbox behaviour', () => {
  it('is idempotent by merchant order number and refuses a changed amount', async () => {
    const acct = await newAccount(sandbox, 'alipay', 10_000);
    const body = await payBody(1_000, acct);
    const a = await signed('POST', '/v1/payments', body);
    const b = await signed('POST', '/v1/payments', body);
    expect(a.json).toEqual(b.json);
    expect(
      ((await admin(sandbox, 'GET', `/admin/accounts/${acct}`)) as { balance: number }).balance,
    ).toBe(9_000);
    const changed = body.replace('"amount":1000', '"amount":2000');
    expect(await signed('POST', '/v1/payments', changed)).toMatchObject({
      status: 409,
      code: 'order_conflict',
    });
  });

  it('serves a wallet page with a strict CSP and a valid, rotating single-use code', async () => {
    const acct = await newAccount(sandbox, 'unionpay');
    const pages = await Promise.all([1, 2].map(() => fetch(`${sandbox.url}/wallet/${acct}`)));
    const csp = pages[0]!.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    const codes = await Promise.all(
      pages.map(async (p) => /data-code="(\d+)"/.exec(await p.text())![1]!),
    );
    expect(codes[0]).not.toBe(codes[1]);
    for (const code of codes)
      expect(classifyPaymentCode(code)).toMatchObject({ valid: true, platform: 'unionpay' });
    const html = await (await fetch(`${sandbox.url}/wallet/${acct}`)).text();
    expect(html).toMatch(/<img alt="payment code barcode" src="data:image\/svg\+xml;base64,/);
    expect(html).toMatch(/<img alt="payment code QR"/);
    expect(html).not.toMatch(/<script/i);
    expect((await fetch(`${sandbox.url}/wallet/nobody`)).status).toBe(404);
  });

  it('issues codes in each platform format', async () => {
    for (const platform of ['wechat', 'alipay', 'unionpay'] as const) {
      const c = await codeFor(sandbox, await newAccount(sandbox, platform));
      expect(c.kind === 'payment_code' && classifyPaymentCode(c.code).platform).toBe(platform);
    }
  });

  it('writes a daily statement with payments, reversals and refunds', async () => {
    const acct = await newAccount(sandbox, 'wechat', 50_000);
    const body = await payBody(2_000, acct);
    const no = JSON.parse(body).merchantOrderNo as string;
    await signed('POST', '/v1/payments', body);
    const refund = JSON.stringify({
      merchantOrderNo: no,
      refundNo: `R${no}`,
      amount: 500,
      reason: 'test',
    });
    expect((await signed('POST', '/v1/refunds', refund)).json.status).toBe('succeeded');
    const over = JSON.stringify({
      merchantOrderNo: no,
      refundNo: `R2${no}`,
      amount: 1_501,
      reason: 'too much',
    });
    expect(await signed('POST', '/v1/refunds', over)).toMatchObject({
      status: 409,
      code: 'refund_exceeds_paid',
    });
    const day = new Date();
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const path = `/v1/statements/${date}`;
    const res = await fetch(sandbox.url + path, {
      headers: signRequest({ ...M, method: 'GET', path, body: '' }),
    });
    const csv = await res.text();
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(csv.split('\r\n')[0]).toBe(
      'type,merchant_order_no,refund_no,payment_id,amount,currency,platform,status,time',
    );
    expect(csv).toContain(`payment,${no},,`);
    expect(csv).toContain(`refund,${no},R${no},`);
  });
});

describe('sandbox as its own process', () => {
  it('starts on a port, answers, refuses a taken port clearly, and stops', async () => {
    const dir = tempDir('cs-sbproc-');
    const proc = await startSandboxProcess({ port: 0, dataDir: dir.dir });
    try {
      expect(await (await fetch(`${proc.url}/health`)).json()).toEqual({
        ok: true,
        service: 'countersign-sandbox',
      });
      await expect(startSandboxProcess({ port: proc.port, dataDir: dir.dir })).rejects.toThrow(
        /already in use/,
      );
    } finally {
      await proc.stop();
      dir.cleanup();
    }
    await expect(fetch(`${proc.url}/health`)).rejects.toThrow();
  });

  it('does not outlive a station that is SIGKILLed', async () => {
    const dir = tempDir('cs-sbparent-');
    const parent = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(
          import.meta.dirname,
          '..',
          'src-main',
          'payments',
          'test-support',
          'sandbox-parent.ts',
        ),
      ],
      {
        env: { ...process.env, SANDBOX_DATA_DIR: dir.dir },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const line = await new Promise<string>((resolve) =>
        createInterface({ input: parent.stdout! }).once('line', resolve),
      );
      const { url } = JSON.parse(line) as { url: string };
      expect((await fetch(`${url}/health`)).ok).toBe(true);
      parent.kill('SIGKILL');
      let alive = true;
      for (let i = 0; i < 50 && alive; i++) {
        await new Promise((r) => setTimeout(r, 100));
        alive = await fetch(`${url}/health`).then(
          () => true,
          () => false,
        );
      }
      expect(alive).toBe(false);
    } finally {
      parent.kill('SIGKILL');
      dir.cleanup();
    }
  });
});
