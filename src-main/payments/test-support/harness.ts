import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Credential } from '../../contract/credential';
import type { Order } from '../../contract/order';
import type { PaymentPlatform } from '../../contract/payment-code';
import type { SleepClock } from '../../lib/clock';
import { openLedger, type Ledger } from '../../ledger/open-ledger';
import { createProviderRegistry } from '../gateway';
import { createHttpGateway } from '../http-gateway';
import { createPaymentService, type PaymentService } from '../payment-service';
import type { Sandbox } from '../../../src-sandbox/server';
import { SANDBOX_MERCHANT } from '../../payment-api/sandbox-launch';
import { paymentsConfigSchema } from '../config';

const DEFAULT_ROUTING = paymentsConfigSchema.parse({}).routing;

// Station-side helpers only: the crash-suite child imports this and must start fast, so the
// sandbox (bwip-js, qrcode) stays in sandbox-harness.ts.

/** Short timings so fault and crash suites finish in seconds. */
export const FAST = { timeoutMs: 150, queryIntervalMs: 50, deadlineMs: 800, reverseRetryMs: 40 };

/** A temp directory removed by the returned cleanup. */
export function tempDir(prefix = 'cs-pay-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A payment service over a ledger file and the sandbox, as the station builds it. */
export function stationFor(
  sandboxUrl: string,
  ledgerFile: string,
  timing = FAST,
  onProgress?: Parameters<typeof createPaymentService>[0]['onProgress'],
  clock?: SleepClock,
): { ledger: Ledger; service: PaymentService } {
  const ledger = openLedger(ledgerFile);
  const gateway = createHttpGateway({
    url: sandboxUrl,
    merchantId: SANDBOX_MERCHANT.merchantId,
    key: SANDBOX_MERCHANT.key,
    timeoutMs: timing.timeoutMs,
  });
  const service = createPaymentService({
    ledger,
    providers: createProviderRegistry([gateway]),
    config: {
      // The config's default: every platform to the sandbox.
      routing: DEFAULT_ROUTING,
      ...timing,
    },
    onProgress,
    clock,
  });
  return { ledger, service };
}

let seq = 0;
/**
 * A clock whose sleeps never end (until the service closes): a payment that finishes under it
 * was told by the payment system's notification, since the station never got to ask.
 */
export const NEVER_ASKS: SleepClock = {
  now: () => Date.now(),
  sleep: (_ms, signal) =>
    new Promise((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true })),
};

/** A one-line order for `total` minor units with a unique id. */
export function orderOf(total: number, id = `O${process.pid}-${Date.now()}-${++seq}`): Order {
  return {
    id,
    currency: 'CNY',
    lines: [{ id: 'l1', name: 'Item', quantity: '1', unitPrice: total, amount: total }],
    adjustments: [],
    total,
    source: 'manual',
    warnings: [],
  };
}

/** Creates a wallet account through the admin API and returns its id. */
export async function newAccount(
  sandbox: Sandbox,
  platform: PaymentPlatform = 'wechat',
  balance = 1_000_000,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const id = `acct-${platform}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
  await admin(sandbox, 'POST', '/admin/accounts', { id, platform, balance, ...extra });
  return id;
}

/** Calls an admin route with the sandbox's token. */
export async function admin(
  sandbox: { url: string; adminToken: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(sandbox.url + path, {
    method,
    headers: { 'x-cs-admin': sandbox.adminToken, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

/** A fresh payment code credential from the account's wallet. */
export async function codeFor(
  sandbox: { url: string; adminToken: string },
  accountId: string,
): Promise<Credential> {
  const c = (await admin(sandbox, 'POST', `/admin/accounts/${accountId}/codes`)) as {
    code: string;
    platform: PaymentPlatform;
  };
  return { kind: 'payment_code', code: c.code, platform: c.platform };
}

/** The account's balance as the sandbox holds it. */
export async function balanceOf(
  sandbox: { url: string; adminToken: string },
  accountId: string,
): Promise<number> {
  return ((await admin(sandbox, 'GET', `/admin/accounts/${accountId}`)) as { balance: number })
    .balance;
}
