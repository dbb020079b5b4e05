import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config';
import type { StoreDevicesView } from '../contract/store-ops';
import { waitFor } from '../devices/test-support/socat-pair';
import { decodeEscPos, printedLines } from '../printer/test-support/escpos-decode';
import {
  simulateTcpPrinter,
  type SimulatedPrinter,
} from '../printer/test-support/printer-simulator';
import { createStation, type Station } from './create-station';

/**
 * Receipts on a real station: payments through the sandbox process, the receipt printer a
 * simulated ESC/POS printer on a local TCP port; the bytes it received are decoded back.
 */
describe('station receipts and item report (sandbox, TCP printer)', () => {
  let dir: string;
  let station: Station;
  let printer: SimulatedPrinter & { port: number; close(): Promise<void> };

  const admin = async (method: string, path: string) => {
    const p = station.payments!;
    const res = await fetch(`${p.sandboxUrl}/admin/${path}`, {
      method,
      headers: { 'x-cs-admin': p.sandboxAdminToken!, 'content-type': 'application/json' },
    });
    return (await res.json()) as Record<string, unknown>;
  };
  const cuts = () => decodeEscPos(printer.received()).blocks.filter((b) => b.kind === 'cut').length;
  const pay = async (lines: { name: string; quantity: string; unitPrice: number }[]) => {
    const order = lines.map((l, i) => ({
      id: `l${i}`,
      ...l,
      amount: Math.round(Number(l.quantity) * l.unitPrice),
    }));
    const total = order.reduce((s, l) => s + l.amount, 0);
    await station.dispatch('cashier', 'checkout.reset', {});
    await station.dispatch('cashier', 'order.submit', { order: { lines: order, total } });
    await station.dispatch('cashier', 'checkout.send', {
      revision: station.checkout.snapshot().revision,
    });
    await station.dispatch('customer', 'checkout.confirm', {
      revision: station.checkout.snapshot().revision,
    });
    await station.dispatch('customer', 'checkout.chooseMethod', { method: 'code' });
    const { code } = (await admin('POST', 'accounts/wx-alice/codes')) as { code: string };
    await station.dispatch('cashier', 'scan.submit', { raw: code });
    await waitFor(() => station.checkout.snapshot().phase === 'paid', 'the payment', 15_000);
    return station.payments!.ledger.searchHistory({ limit: 1 })[0]!;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-store-ops-'));
    printer = await simulateTcpPrinter();
    station = await createStation({
      dataDir: dir,
      config: parseConfig({
        store: { name: '街角便利店', message: '谢谢惠顾' },
        customer: { language: 'zh-CN' },
        printer: {
          enabled: true,
          connection: { type: 'tcp', host: '127.0.0.1', port: printer.port },
          paper: 58,
          timeoutMs: 1000,
        },
        // espeak-ng (in the CI packages) says it; without a sound device the panel says why.
        voice: { enabled: true, engine: 'espeak-ng' },
        payments: { sandbox: { port: 0 } },
      }),
      logger: pino({ level: 'silent' }),
      parts: { capture: false, devices: false },
    });
  }, 30_000);

  afterAll(async () => {
    await station?.close();
    await printer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a Chinese receipt for a payment, with the reference as QR', async () => {
    const attempt = await pay([
      { name: '农夫山泉 550ml', quantity: '2', unitPrice: 200 },
      { name: '散装苹果', quantity: '0.536', unitPrice: 1280 },
    ]);
    await waitFor(() => cuts() === 1, 'the receipt');
    const lines = printedLines(decodeEscPos(printer.received()));
    expect(lines[0]).toBe('街角便利店');
    expect(lines).toContain('收款小票');
    expect(lines).toContain(`  2 × 2.00${' '.repeat(32 - 10 - 4)}4.00`);
    expect(lines).toContain(`[QR ${attempt.providerRef}]`);
    expect(lines.find((l) => l.startsWith('实收'))).toMatch(/CNY 10\.86$/);
    expect(lines.find((l) => l.startsWith('支付方式'))).toMatch(/微信支付 \(付款码\)$/);
    // The amount was said (or tried, on a machine without sound) in the store's language.
    let voice: StoreDevicesView['voice'] | null = null;
    for (let i = 0; i < 250 && voice?.lastText !== '微信收款 十点八六元'; i++) {
      const r = await station.dispatch('cashier', 'devices.store', {});
      voice = r.ok ? (r.value as StoreDevicesView).voice : null;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(voice).toMatchObject({
      enabled: true,
      engine: 'espeak-ng',
      lastText: '微信收款 十点八六元',
    });
  });

  it('prints a refund receipt; out of paper the payment still goes through and the panel says so', async () => {
    const [attempt] = station.payments!.ledger.searchHistory({ limit: 1 });
    printer.clear();
    const refund = await station.dispatch('cashier', 'payments.refund', {
      attemptId: attempt!.id,
      amount: 400,
      reason: 'returned',
    });
    expect(refund.ok).toBe(true);
    await waitFor(() => cuts() === 1, 'the refund receipt');
    const lines = printedLines(decodeEscPos(printer.received()));
    expect(lines).toContain('退款小票');
    expect(lines.find((l) => l.startsWith('退款 '))).toMatch(/CNY 4\.00$/);

    printer.clear();
    printer.paper = 'out';
    const second = await pay([{ name: '酸奶', quantity: '3', unitPrice: 650 }]);
    expect(second.state).toBe('paid');
    // The payment is final before the receipt is tried: the panel learns of the paper shortly after.
    let status: StoreDevicesView | null = null;
    for (let i = 0; i < 250 && status?.printer.state !== 'paper_out'; i++) {
      const r = await station.dispatch('cashier', 'devices.store', {});
      status = r.ok ? (r.value as StoreDevicesView) : null;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status?.printer).toMatchObject({ state: 'paper_out', paper: 'out' });
    expect(status?.printer.lastError).toContain(`receipt ${second.id} not printed`);
    expect(cuts()).toBe(0);

    // Paper back: the receipt is printed again from history.
    printer.paper = 'ok';
    const again = await station.dispatch('cashier', 'printer.reprint', { attemptId: second.id });
    expect(again.ok).toBe(true);
    await waitFor(() => cuts() === 1, 'the reprinted receipt');
  });

  it('sales by item for the day, as CSV and on paper', async () => {
    const today = station.payments!.ledger.searchHistory({ limit: 1 })[0]!.stateAt;
    const d = new Date(today);
    const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const r = await station.dispatch('cashier', 'reports.items', { date });
    expect(r.ok).toBe(true);
    const report = r.ok ? (r.value as { items: unknown[]; csv: string; orders: number }) : null;
    expect(report?.orders).toBe(2);
    expect(report?.items).toEqual([
      { name: '酸奶', quantity: '3', amount: 1950, orders: 1 },
      { name: '散装苹果', quantity: '0.536', amount: 686, orders: 1 },
      { name: '农夫山泉 550ml', quantity: '2', amount: 400, orders: 1 },
    ]);
    expect(report?.csv.split('\r\n')[1]).toBe('酸奶,3,1950,1');
    printer.clear();
    const printed = await station.dispatch('cashier', 'reports.printItems', { date });
    expect(printed.ok).toBe(true);
    await waitFor(() => cuts() === 1, 'the item report');
    const lines = printedLines(decodeEscPos(printer.received()));
    expect(lines).toContain('商品销售汇总');
    expect(lines.find((l) => l.startsWith('合计'))).toMatch(/CNY 30\.36$/);
  });

  it('a cashier signs in, takes three payments and a refund, closes with a count; the handover prints; the next signs in', async () => {
    const v = <T>(r: { ok: boolean; value?: unknown; error?: unknown }) => {
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as T;
    };
    type State = {
      cashiers: { id: string; name: string; role: string }[];
      current: {
        id: string;
        cashierName: string;
        takenFrom: { cashierName: string } | null;
      } | null;
    };
    const boss = v<State>(
      await station.dispatch('cashier', 'cashiers.add', { name: '王芳', pin: '2468' }),
    );
    const wang = boss.cashiers[0]!;
    expect(wang.role).toBe('manager');
    const refused = await station.dispatch('cashier', 'cashiers.add', { name: 'Li', pin: '1357' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const both = v<State>(
      await station.dispatch('cashier', 'cashiers.add', {
        name: 'Li',
        pin: '1357',
        managerId: wang.id,
        managerPin: '2468',
      }),
    );
    const li = both.cashiers.find((c) => c.name === 'Li')!;
    expect(
      await station.dispatch('cashier', 'shift.signIn', {
        cashierId: wang.id,
        pin: '0000',
        float: 50_000,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const on = v<State>(
      await station.dispatch('cashier', 'shift.signIn', {
        cashierId: wang.id,
        pin: '2468',
        float: 50_000,
      }),
    );
    expect(on.current?.cashierName).toBe('王芳');
    printer.clear();
    const first = await pay([{ name: '豆浆', quantity: '1', unitPrice: 300 }]);
    await pay([{ name: '油条', quantity: '2', unitPrice: 250 }]);
    await pay([{ name: '包子', quantity: '4', unitPrice: 150 }]);
    expect(first.shift).toBe(on.current?.id);
    expect(
      (
        await station.dispatch('cashier', 'payments.refund', {
          attemptId: first.id,
          amount: 300,
          reason: 'spilt',
        })
      ).ok,
    ).toBe(true);
    await waitFor(() => cuts() === 4, 'three receipts and a refund receipt');
    // Each receipt names the cashier on shift, the refund's too.
    const receipts = printedLines(decodeEscPos(printer.received()));
    expect(receipts.filter((l) => /^收银员 +王芳$/.test(l))).toHaveLength(4);
    printer.clear();
    const closed = v<{
      report: { paid: unknown; refunded: unknown; difference: number };
      printed: boolean;
    }>(await station.dispatch('cashier', 'shift.close', { counted: 49_800, handedTo: 'Li' }));
    expect(closed.printed).toBe(true);
    expect(closed.report).toMatchObject({
      paid: { count: 3, total: 1_400 },
      refunded: { count: 1, total: 300 },
      difference: -200,
    });
    await waitFor(() => cuts() === 1, 'the handover report');
    const lines = printedLines(decodeEscPos(printer.received()));
    expect(lines).toContain('交接班报表');
    expect(lines.find((l) => l.startsWith('收银员'))).toMatch(/王芳$/);
    expect(lines.find((l) => l.startsWith('交班给'))).toMatch(/Li$/);
    expect(lines.find((l) => l.startsWith('收款 × 3'))).toMatch(/14\.00$/);
    expect(lines.find((l) => l.startsWith('退款 × 1'))).toMatch(/-3\.00$/);
    expect(lines.find((l) => l.startsWith('差额'))).toMatch(/-2\.00$/);
    const next = v<State>(
      await station.dispatch('cashier', 'shift.signIn', {
        cashierId: li.id,
        pin: '1357',
        float: 49_800,
      }),
    );
    expect(next.current).toMatchObject({ cashierName: 'Li', takenFrom: { cashierName: '王芳' } });
  });
});
