import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '../contract/order';
import { parseCsv } from '../lib/csv';
import { localDay, shiftOf } from '../lib/local-day';
import { migrations } from './migrations';
import { openLedger, type Ledger } from './open-ledger';
import type { NewAttempt } from './types';
import { renderDayReportHtml } from '../reports/day-report-html';

let dir: string;
let clock: number;
let ledger: Ledger;
const DAY1 = new Date(2026, 10, 20, 10, 0).getTime();
const DAY2 = new Date(2026, 10, 21, 15, 30).getTime();

const order = (id: string, total: number): Order => ({
  id,
  currency: 'CNY',
  lines: [{ id: 'l1', name: 'Tea, "green"', quantity: '1', unitPrice: total, amount: total }],
  adjustments: [{ id: 'a1', label: 'none', amount: 0 }],
  total,
  source: 'manual',
  warnings: [],
});
const attemptFor = (o: Order, extra: Partial<NewAttempt> = {}): NewAttempt => ({
  orderId: o.id,
  amount: o.total,
  currency: 'CNY',
  method: 'code',
  platform: 'wechat',
  provider: 'sandbox',
  credentialHint: 'code …1234',
  ...extra,
});
/** Records an order and drives an attempt to `state` at the current clock. */
function paid(
  id: string,
  total: number,
  state: 'paid' | 'failed' | 'reversed' = 'paid',
  extra: Partial<NewAttempt> = {},
) {
  const o = order(id, total);
  expect(ledger.recordOrder(o).ok).toBe(true);
  const a = ledger.beginAttempt(attemptFor(o, extra));
  if (!a.ok) throw new Error(a.error.message);
  ledger.appendAttemptEvent(a.value.id, 'sending');
  const done = ledger.appendAttemptEvent(a.value.id, state, { providerRef: `T-${id}` });
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-ledger-'));
  clock = DAY1;
  ledger = openLedger(join(dir, 'ledger.sqlite'), { now: () => clock });
});
afterEach(() => {
  ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ledger storage', () => {
  it('opens in WAL mode with all migrations applied, and reopens without re-running them', () => {
    expect(ledger.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(ledger.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    paid('o1', 100);
    ledger.close();
    ledger = openLedger(join(dir, 'ledger.sqlite'), { now: () => clock });
    expect(ledger.searchHistory()).toHaveLength(1);
  });

  it('keeps history append-only: no UPDATE or DELETE, nothing after a final state', () => {
    const a = paid('o1', 100);
    expect(() => ledger.db.prepare("UPDATE attempt_events SET state = 'failed'").run()).toThrow(
      /append-only/,
    );
    expect(() => ledger.db.prepare('DELETE FROM attempts').run()).toThrow(/append-only/);
    expect(() => ledger.db.prepare('UPDATE orders SET total = 1').run()).toThrow(/append-only/);
    expect(ledger.appendAttemptEvent(a.id, 'reversed')).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(() =>
      ledger.db
        .prepare(
          "INSERT INTO attempt_events (attempt_id, state, at, day) VALUES (?, 'reversed', 0, '')",
        )
        .run(a.id),
    ).toThrow(/final state/);
    expect(ledger.attemptEvents(a.id).map((e) => e.state)).toEqual(['created', 'sending', 'paid']);
  });

  it('never starts a second attempt for a paid order or beside an open one', () => {
    const o = order('o1', 500);
    ledger.recordOrder(o);
    const first = ledger.beginAttempt(attemptFor(o));
    expect(first.ok).toBe(true);
    expect(ledger.beginAttempt(attemptFor(o))).toMatchObject({
      ok: false,
      error: { code: 'attempt_open' },
    });
    ledger.appendAttemptEvent(first.ok ? first.value.id : '', 'failed', { reason: 'declined' });
    const second = ledger.beginAttempt(attemptFor(o));
    expect(second.ok).toBe(true);
    ledger.appendAttemptEvent(second.ok ? second.value.id : '', 'paid');
    expect(ledger.beginAttempt(attemptFor(o))).toMatchObject({
      ok: false,
      error: { code: 'already_paid' },
    });
    expect(ledger.beginAttempt(attemptFor(order('nope', 1)))).toMatchObject({
      ok: false,
      error: { code: 'unknown_order' },
    });
    expect(ledger.recordOrder(order('o1', 501))).toMatchObject({
      ok: false,
      error: { code: 'order_conflict' },
    });
    expect(ledger.recordOrder(order('o1', 500))).toEqual({ ok: true, value: { inserted: false } });
  });

  it('lists open attempts and searches history', () => {
    const o = order('find-me', 700);
    ledger.recordOrder(o);
    const open = ledger.beginAttempt(attemptFor(o));
    paid('other', 100, 'failed');
    expect(ledger.openAttempts().map((a) => a.id)).toEqual([open.ok && open.value.id]);
    expect(ledger.searchHistory({ text: 'find' }).map((a) => a.orderId)).toEqual(['find-me']);
    expect(ledger.searchHistory({ state: 'failed' }).map((a) => a.orderId)).toEqual(['other']);
    expect(ledger.searchHistory({ text: '%' })).toEqual([]);
  });

  it('refunds only paid payments, and never beyond what was paid', () => {
    const a = paid('o1', 1_000);
    const failed = paid('o2', 1_000, 'failed');
    expect(ledger.beginRefund({ attemptId: failed.id, amount: 1, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_paid' },
    });
    const r1 = ledger.beginRefund({ attemptId: a.id, amount: 600, reason: 'x' });
    expect(r1.ok).toBe(true);
    // A refund still in flight counts: two cashiers cannot both refund the rest.
    expect(ledger.beginRefund({ attemptId: a.id, amount: 401, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'refund_exceeds_paid' },
    });
    ledger.appendRefundEvent(r1.ok ? r1.value.id : '', 'failed', 'refused');
    expect(ledger.beginRefund({ attemptId: a.id, amount: 1_000, reason: 'x' }).ok).toBe(true);
    expect(ledger.beginRefund({ attemptId: a.id, amount: 0, reason: 'x' })).toMatchObject({
      ok: false,
    });
    expect(ledger.openRefunds()).toHaveLength(1);
  });
});

describe('reports', () => {
  it('reports a day by method, platform and shift; refunds count on the day they succeed', () => {
    const a = paid('o1', 1_000);
    paid('o2', 2_500, 'paid', { method: 'face', platform: null });
    paid('o3', 999, 'failed');
    clock = new Date(2026, 10, 20, 23, 0).getTime();
    paid('o4', 300, 'paid', { platform: 'alipay' });
    paid('o5', 400, 'reversed');
    clock = DAY2;
    const r = ledger.beginRefund({ attemptId: a.id, amount: 250, reason: 'damaged' });
    ledger.appendRefundEvent(r.ok ? r.value.id : '', 'succeeded');

    const d1 = ledger.dayReport('2026-11-20')!;
    expect(d1.paid).toEqual({ count: 3, total: 3_800 });
    expect(d1.refunded).toEqual({ count: 0, total: 0 });
    expect(d1).toMatchObject({ net: 3_800, failed: 1, reversed: 1 });
    expect(d1.byMethod).toEqual([
      { key: 'code', count: 2, total: 1_300 },
      { key: 'face', count: 1, total: 2_500 },
    ]);
    expect(d1.byPlatform).toEqual([
      { key: 'alipay', count: 1, total: 300 },
      { key: 'none', count: 1, total: 2_500 },
      { key: 'wechat', count: 1, total: 1_000 },
    ]);
    expect(d1.byShift).toEqual([
      { key: 'S06', count: 2, total: 3_500 },
      { key: 'S22', count: 1, total: 300 },
    ]);
    const d2 = ledger.dayReport('2026-11-21')!;
    expect(d2).toMatchObject({
      paid: { count: 0, total: 0 },
      refunded: { count: 1, total: 250 },
      net: -250,
    });
    expect(ledger.dayReport('2026-02-30')).toBeNull();
  });

  it('exports CSV that survives commas and quotes and defuses spreadsheet formulas', () => {
    paid('=cmd|calc', 1_000);
    paid('o,2', 2_000, 'failed');
    const rows = parseCsv(ledger.exportCsv('2026-11-20')!);
    expect(rows[0]).toContain('attempt_id');
    expect(rows).toHaveLength(3);
    expect(rows[1]![1]).toBe("'=cmd|calc");
    expect(rows[2]![1]).toBe('o,2');
    expect(rows[2]![3]).toBe('failed');
  });

  it('renders a printable HTML day report with escaped text and no scripts', () => {
    paid('o1', 123_456);
    const html = renderDayReportHtml(ledger.dayReport('2026-11-20')!, '<Shop & Co>');
    expect(html).toContain('&#60;Shop &#38; Co&#62;');
    expect(html).toContain('1,234.56');
    expect(html).not.toMatch(/<script/i);
  });

  it('computes shifts and local days', () => {
    expect(shiftOf(new Date(2026, 0, 1, 5, 59).getTime(), [6, 14, 22])).toBe('S22');
    expect(shiftOf(new Date(2026, 0, 1, 14, 0).getTime(), [6, 14, 22])).toBe('S14');
    expect(localDay(DAY2)).toBe('2026-11-21');
  });
});

describe('reconciliation', () => {
  const header = 'type,merchant_order_no,refund_no,payment_id,amount,currency,platform,status,time';
  it('matches a statement that agrees, and names every difference when it does not', () => {
    const a = paid('o1', 1_000);
    const b = paid('o2', 2_000);
    const c = paid('o3', 3_000, 'reversed');
    const r = ledger.beginRefund({ attemptId: a.id, amount: 100, reason: 'x' });
    ledger.appendRefundEvent(r.ok ? r.value.id : '', 'succeeded');
    const refundId = r.ok ? r.value.id : '';
    const good = [
      header,
      `payment,${a.id},,T1,1000,CNY,wechat,paid,t`,
      `payment,${b.id},,T2,2000,CNY,wechat,paid,t`,
      `payment,${c.id},,T3,3000,CNY,wechat,reversed,t`,
      `refund,${a.id},${refundId},T1,100,CNY,wechat,succeeded,t`,
    ].join('\r\n');
    expect(ledger.reconcile('2026-11-20', good)).toMatchObject({
      balanced: true,
      matchedPayments: 3,
      matchedRefunds: 1,
    });

    const bad = [
      header,
      `payment,${a.id},,T1,1001,CNY,wechat,paid,t`,
      `payment,${c.id},,T3,3000,CNY,wechat,paid,t`,
      'payment,PSTRANGER,,T9,50,CNY,wechat,paid,t',
      'payment,broken',
    ].join('\r\n');
    const out = ledger.reconcile('2026-11-20', bad)!;
    expect(out.balanced).toBe(false);
    expect(out.amountDifferences).toEqual([{ id: a.id, ledger: '1000', statement: '1001' }]);
    expect(out.statusDifferences).toEqual([{ id: c.id, ledger: 'reversed', statement: 'paid' }]);
    expect(out.missingInStatement.map((m) => m.id).sort()).toEqual([b.id, refundId].sort());
    expect(out.missingInLedger.map((m) => m.merchant_order_no)).toEqual(['PSTRANGER']);
    expect(out.unreadable).toHaveLength(1);
  });
});
