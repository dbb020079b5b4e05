import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '../contract/order';
import { openLedger, type Ledger } from '../ledger/open-ledger';
import { shiftItemReport } from '../ledger/item-report';
import { createShiftStore, type ShiftStore } from '../ledger/shift-store';
import { cashiersFile, createCashierStore } from './cashiers';

let dir: string;
let clock: number;
let ledger: Ledger;
let shifts: ShiftStore;

const pay = (id: string, amount: number, platform: 'wechat' | 'alipay' = 'wechat') => {
  const o: Order = {
    id,
    currency: 'CNY',
    lines: [{ id: 'l', name: 'Tea', quantity: '1', unitPrice: amount, amount }],
    adjustments: [],
    total: amount,
    source: 'manual',
    warnings: [],
  };
  const a = ledger.recordOrderAndBeginAttempt(o, {
    orderId: id,
    amount,
    currency: 'CNY',
    method: 'code',
    platform,
    provider: 'sandbox',
    credentialHint: '…1',
  });
  if (!a.ok) throw new Error(a.error.message);
  ledger.appendAttemptEvent(a.value.id, 'paid', { providerRef: `T-${id}` });
  clock += 60_000;
  return a.value.id;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-shifts-'));
  clock = new Date(2026, 11, 1, 8, 0).getTime();
  ledger = openLedger(join(dir, 'ledger.sqlite'), { now: () => clock });
  shifts = createShiftStore(ledger.db, () => clock);
});
afterEach(() => {
  ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cashiers', () => {
  it('the first is the manager; after that only a manager adds; PINs are stored hashed', () => {
    const store = createCashierStore(cashiersFile(dir));
    const boss = store.add({ name: '王芳', pin: '2468', role: 'cashier' }, null);
    expect(boss).toMatchObject({ ok: true, value: { name: '王芳', role: 'manager' } });
    const id = boss.ok ? boss.value.id : '';
    expect(store.add({ name: 'Li', pin: '1357', role: 'cashier' }, null)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(store.add({ name: 'Li', pin: '1357', role: 'cashier' }, { id, pin: '0000' }).ok).toBe(
      false,
    );
    const li = store.add({ name: 'Li', pin: '1357', role: 'cashier' }, { id, pin: '2468' });
    expect(li).toMatchObject({ ok: true, value: { name: 'Li', role: 'cashier' } });
    expect(store.verify(li.ok ? li.value.id : '', '1357')?.name).toBe('Li');
    expect(store.verify(li.ok ? li.value.id : '', '1358')).toBeNull();
    expect(store.add({ name: 'X', pin: '12', role: 'cashier' }, { id, pin: '2468' }).ok).toBe(
      false,
    );
    expect(readFileSync(cashiersFile(dir), 'utf8')).not.toContain('1357');
  });
});

describe('shifts in the ledger', () => {
  it('records the cashier on every payment and refund, and reports the handover', () => {
    const before = pay('O0', 999);
    expect(ledger.getAttempt(before)!.shift).toBe('S06');
    const first = shifts.open({ cashierId: 'C1', cashierName: '王芳', float: 50_000 });
    expect(first.ok).toBe(true);
    const s1 = first.ok ? first.value.id : '';
    expect(shifts.open({ cashierId: 'C2', cashierName: 'Li', float: 0 })).toMatchObject({
      ok: false,
      error: { code: 'shift_open' },
    });
    const a = pay('O1', 1_000);
    pay('O2', 2_500, 'alipay');
    pay('O3', 4_826);
    expect(ledger.getAttempt(a)!.shift).toBe(s1);
    const r = ledger.beginRefund({ attemptId: a, amount: 400, reason: 'returned' });
    if (!r.ok) throw new Error(r.error.message);
    ledger.appendRefundEvent(r.value.id, 'succeeded');
    const closed = shifts.close({ counted: 49_500, handedTo: 'Li' });
    expect(closed).toMatchObject({ ok: true, value: { counted: 49_500, handedTo: 'Li' } });
    expect(shifts.close({ counted: 1, handedTo: null })).toMatchObject({
      ok: false,
      error: { code: 'no_shift' },
    });
    const report = shifts.report(s1)!;
    expect(report).toMatchObject({
      paid: { count: 3, total: 8_326 },
      refunded: { count: 1, total: 400 },
      net: 7_926,
      expectedCash: 50_000,
      countedCash: 49_500,
      difference: -500,
    });
    expect(report.byProvider).toEqual([
      { key: 'alipay / sandbox', count: 1, total: 2_500 },
      { key: 'wechat / sandbox', count: 2, total: 5_826 },
    ]);
    // What the shift sold, by item: its three orders.
    expect(shiftItemReport(ledger.db, s1)).toEqual({
      shiftId: s1,
      currencies: ['CNY'],
      orders: 3,
      items: [{ name: 'Tea', quantity: '3', amount: 8_326, orders: 3 }],
    });
    // The next cashier takes over from the shift just closed; payments now carry their shift.
    const second = shifts.open({ cashierId: 'C2', cashierName: 'Li', float: 49_500 });
    expect(second).toMatchObject({
      ok: true,
      value: { takenFrom: { id: s1, cashierName: '王芳' } },
    });
    const b = pay('O4', 300);
    expect(ledger.getAttempt(b)!.shift).toBe(second.ok ? second.value.id : '');
    // The day report groups by real shifts.
    const day = ledger.dayReport('2026-12-01')!;
    expect(day.byShift).toEqual([
      { key: 'S06', count: 1, total: 999 },
      { key: '王芳 08:01', count: 3, total: 8_326 },
      { key: 'Li 08:04', count: 1, total: 300 },
    ]);
    expect(shifts.ofDay('2026-12-01').map((s) => s.cashierName)).toEqual(['王芳', 'Li']);
    // History is append-only.
    expect(() => ledger.db.prepare('UPDATE shift_closes SET counted = 50000').run()).toThrow(
      /append-only/,
    );
  });
});
