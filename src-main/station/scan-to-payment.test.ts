import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendFile } from 'node:fs/promises';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckoutSnapshot } from '../contract/checkout';
import { parseConfig } from '../config/load-config';
import { socatPair, type SocatPair } from '../devices/test-support/socat-pair';
import { createStation, type Station } from './create-station';

/**
 * The whole payment-code path with real parts: a scanner on a socat serial port, the station's
 * device manager and checkout, the orchestrator and ledger on a temp SQLite file, and the
 * sandbox acquirer as its own process over signed HTTP.
 */
describe('scan to payment (socat scanner, sandbox process)', () => {
  let dir: string;
  let pair: SocatPair;
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
  const until = async (check: () => boolean | Promise<boolean>, what: string, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const noticeIs = (code: string) =>
    until(() => station.checkout.snapshot().notice?.code === code, `notice ${code}`);
  const scan = (text: string) => appendFile(pair.host, `${text}\r`);
  const phaseIs = async (phase: CheckoutSnapshot['phase'], ms = 10_000) => {
    const until = Date.now() + ms;
    while (station.checkout.snapshot().phase !== phase) {
      if (Date.now() > until)
        throw new Error(`still ${station.checkout.snapshot().phase}, wanted ${phase}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return station.checkout.snapshot();
  };
  const toCollecting = async (amount: number) => {
    await station.dispatch('cashier', 'order.submit', {
      order: {
        lines: [{ id: 'l1', name: 'Soy milk', quantity: '1', unitPrice: amount, amount }],
        total: amount,
      },
    });
    await station.dispatch('cashier', 'checkout.send', {
      revision: station.checkout.snapshot().revision,
    });
    await station.dispatch('customer', 'checkout.confirm', {
      revision: station.checkout.snapshot().revision,
    });
    await station.dispatch('customer', 'checkout.chooseMethod', { method: 'code' });
    expect(station.checkout.snapshot().phase).toBe('collecting_credential');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-scan-pay-'));
    pair = socatPair(dir);
    await pair.start();
    station = await createStation({
      dataDir: dir,
      config: parseConfig({
        devices: {
          scanners: [
            { id: 'counter', kind: 'serial', path: pair.device, baudRate: 9600, suffix: 'CR' },
          ],
        },
        payments: {
          sandbox: { port: 0 },
          timeoutMs: 2000,
          queryIntervalMs: 200,
          deadlineMs: 5000,
          reverseRetryMs: 200,
        },
      }),
      logger: pino({ level: 'silent' }),
      parts: { capture: false },
    });
    // The scanner connects by itself; wait until it has.
    await until(async () => {
      const health = await station.dispatch('cashier', 'devices.health', {});
      return health.ok && (health.value as Array<{ connected: boolean }>)[0]?.connected === true;
    }, 'the scanner to connect');
  }, 30_000);

  afterAll(async () => {
    await station?.close();
    await pair?.stop();
  });

  it('ignores a code scanned while nothing waits for one, and never uses it later', async () => {
    const { code } = (await admin('POST', 'accounts/wx-alice/codes')) as { code: string };
    await scan(code);
    await noticeIs('scan_ignored');
    expect(station.checkout.snapshot().phase).toBe('idle');
    expect(station.payments!.ledger.searchHistory({})).toHaveLength(0);
  });

  it('pays with a code scanned while the customer display asks for it', async () => {
    await toCollecting(1280);
    const { code } = (await admin('POST', 'accounts/wx-alice/codes')) as { code: string };
    await scan(code);
    const paid = await phaseIs('paid');
    expect(paid.payment).toMatchObject({ outcome: 'paid', platform: 'wechat', step: 'done' });
    const [attempt] = station.payments!.ledger.searchHistory({});
    expect(attempt).toMatchObject({
      amount: 1280,
      state: 'paid',
      platform: 'wechat',
      orderId: paid.order!.id,
    });
    const sandboxSide = (await admin('GET', 'payments')) as {
      payments: Array<{ merchant_order_no: string; status: string }>;
    };
    expect(sandboxSide.payments.filter((p) => p.status === 'paid')).toHaveLength(1);
  });

  it('refuses a second scan while the first payment is authorizing, and a bad code before the network', async () => {
    await station.dispatch('cashier', 'checkout.reset', {});
    await toCollecting(2500);
    await scan('9999');
    await noticeIs('code_refused');
    expect(station.checkout.snapshot().phase).toBe('collecting_credential');

    await admin('POST', 'faults', { faults: [{ kind: 'delay', route: 'pay', ms: 800 }] });
    const first = (await admin('POST', 'accounts/ali-bob/codes')) as { code: string };
    const second = (await admin('POST', 'accounts/ali-bob/codes')) as { code: string };
    await scan(first.code);
    await phaseIs('authorizing');
    await scan(second.code);
    await noticeIs('scan_refused_busy');
    await phaseIs('paid');
    const attempts = station.payments!.ledger.searchHistory({}).filter((a) => a.amount === 2500);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.platform).toBe('alipay');
  });

  it('a new code scanned on the decline screen pays the same order, confirmed once', async () => {
    await station.dispatch('cashier', 'checkout.reset', {});
    await toCollecting(3300);
    const { code } = (await admin('POST', 'accounts/wx-alice/codes')) as { code: string };
    await scan(code);
    await phaseIs('paid');
    await station.dispatch('cashier', 'checkout.reset', {});
    await toCollecting(4100);
    await scan(code); // already used: declined
    const failed = await phaseIs('failed');
    const fresh = (await admin('POST', 'accounts/wx-alice/codes')) as { code: string };
    await scan(fresh.code);
    const paid = await phaseIs('paid');
    expect(paid.order!.id).toBe(failed.order!.id);
    const attempts = station.payments!.ledger.searchHistory({}).filter((a) => a.amount === 4100);
    expect(attempts.map((a) => a.state).sort()).toEqual(['failed', 'paid']);
  });
});
