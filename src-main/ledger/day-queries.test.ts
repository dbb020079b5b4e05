import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '../contract/order';
import { localDay } from '../lib/local-day';
import { itemReport } from './item-report';
import { openLedger, type Ledger } from './open-ledger';

let dir: string;
let clock: number;
let ledger: Ledger;
const START = new Date(2026, 10, 20, 9, 0).getTime();
const HOUR = 3_600_000;

const order = (id: string, lines: [string, string, number][]): Order => {
  const rows = lines.map(([name, quantity, amount], i) => ({
    id: `l${i}`,
    name,
    quantity,
    unitPrice: null,
    amount,
  }));
  return {
    id,
    currency: 'CNY',
    lines: rows,
    adjustments: [],
    total: rows.reduce((s, l) => s + l.amount, 0),
    source: 'manual',
    warnings: [],
  };
};
const begin = (o: Order, amount = o.total) => {
  const a = ledger.recordOrderAndBeginAttempt(o, {
    orderId: o.id,
    amount,
    currency: 'CNY',
    method: 'code',
    platform: 'alipay',
    provider: 'sandbox',
    credentialHint: '…1234',
  });
  if (!a.ok) throw new Error(a.error.message);
  return a.value.id;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-dayq-'));
  clock = START;
  ledger = openLedger(join(dir, 'ledger.sqlite'), { now: () => clock });
});
afterEach(() => {
  ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The figures as the view says them: every attempt's current state, the whole ledger scanned. */
function fromViews(date: string) {
  const db = ledger.db;
  const one = (sql: string) => db.prepare(sql).get(date) as { count: number; total: number };
  return {
    paid: one(`SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS total FROM attempt_current
      WHERE state = 'paid' AND state_day = ?`),
    refunded: one(`SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS total FROM refund_current
      WHERE state = 'succeeded' AND state_day = ?`),
    failed: one(
      `SELECT COUNT(*) AS count, 0 AS total FROM attempt_current WHERE state = 'failed' AND state_day = ?`,
    ).count,
    reversed: one(
      `SELECT COUNT(*) AS count, 0 AS total FROM attempt_current WHERE state = 'reversed' AND state_day = ?`,
    ).count,
    currencies: (
      db
        .prepare('SELECT DISTINCT currency FROM attempt_current WHERE state_day = ? ORDER BY 1')
        .all(date) as {
        currency: string;
      }[]
    ).map((r) => r.currency),
  };
}

describe('day-scoped reports', () => {
  it('say what the whole-ledger views say, day by day, with attempts that span days', () => {
    // Four days: paid, failed, reversed, refunded, and attempts finished a day (or more) later.
    const spanning: string[] = [];
    for (let n = 0; n < 60; n++) {
      clock = START + n * 2 * HOUR;
      const id = begin(order(`O${n}`, [['Tea', '1', 100 + n]]));
      ledger.appendAttemptEvent(id, 'sending');
      if (n % 7 === 3) {
        spanning.push(id);
        continue;
      }
      const state = n % 11 === 0 ? 'failed' : n % 13 === 0 ? 'reversed' : 'paid';
      ledger.appendAttemptEvent(id, state, { providerRef: `T${n}` });
      if (state === 'paid' && n % 5 === 0) {
        const r = ledger.beginRefund({ attemptId: id, amount: 50, reason: 'x' });
        if (r.ok) ledger.appendRefundEvent(r.value.id, n % 10 === 0 ? 'succeeded' : 'failed');
      }
    }
    expect(ledger.openAttempts().map((a) => a.id)).toEqual(spanning);
    clock += 30 * HOUR;
    for (const id of spanning.slice(0, 3)) ledger.appendAttemptEvent(id, 'paid');
    expect(ledger.openAttempts().map((a) => a.id)).toEqual(spanning.slice(3));
    for (let d = -1; d < 7; d++) {
      const date = localDay(START + d * 24 * HOUR);
      const report = ledger.dayReport(date)!;
      const expected = fromViews(date);
      expect({
        paid: report.paid,
        refunded: report.refunded,
        failed: report.failed,
        reversed: report.reversed,
        currencies: report.currencies,
      }).toEqual(expected);
      const csvRows = ledger.exportCsv(date)!.trim().split('\r\n').length - 1;
      const viewRows = (
        ledger.db
          .prepare(
            `SELECT COUNT(*) AS n FROM attempt_current c WHERE c.state_day = ?
             OR (c.created_at >= ? AND c.created_at < ?)`,
          )
          .get(
            date,
            new Date(`${date}T00:00:00`).getTime(),
            new Date(`${date}T00:00:00`).getTime() + 24 * HOUR,
          ) as { n: number }
      ).n;
      expect(csvRows).toBe(viewRows);
    }
  });

  it('the open set is kept by the ledger itself: a final state takes an attempt out', () => {
    const a = begin(order('A', [['Tea', '1', 100]]));
    clock += 1000;
    const b = begin(order('B', [['Tea', '1', 200]]));
    expect(ledger.openAttempts().map((x) => x.id)).toEqual([a, b]);
    ledger.appendAttemptEvent(a, 'failed', { reason: 'declined' });
    expect(ledger.openAttempts().map((x) => x.id)).toEqual([b]);
    // A refused event (after a final one) leaves the set as it was.
    expect(() =>
      ledger.db
        .prepare(
          "INSERT INTO attempt_events (attempt_id, state, at, day) VALUES (?, 'paid', 0, 'x')",
        )
        .run(a),
    ).toThrow(/final/);
    expect(ledger.openAttempts().map((x) => x.id)).toEqual([b]);
  });
});

describe('item report', () => {
  it('sums each item over the orders whose payment completed that day; a split order counts on its last part', () => {
    const day1 = localDay(START);
    const day2 = localDay(START + 24 * HOUR);
    const a = begin(
      order('A', [
        ['苹果', '0.536', 686],
        ['Tea', '2', 400],
      ]),
    );
    ledger.appendAttemptEvent(a, 'paid');
    const b = begin(order('B', [['苹果', '1.5', 1920]]));
    ledger.appendAttemptEvent(b, 'failed', { reason: 'declined' });
    // Order S is paid in two parts, the second the next day.
    const s = order('S', [
      ['Tea', '3', 600],
      ['Cake', '1', 1400],
    ]);
    const p1 = begin(s, 1000);
    ledger.appendAttemptEvent(p1, 'paid');
    clock += 24 * HOUR;
    const p2 = begin(s, 1000);
    ledger.appendAttemptEvent(p2, 'paid');
    expect(itemReport(ledger.db, day1)).toEqual({
      date: day1,
      currencies: ['CNY'],
      orders: 1,
      items: [
        { name: '苹果', quantity: '0.536', amount: 686, orders: 1 },
        { name: 'Tea', quantity: '2', amount: 400, orders: 1 },
      ],
    });
    expect(itemReport(ledger.db, day2)?.items).toEqual([
      { name: 'Cake', quantity: '1', amount: 1400, orders: 1 },
      { name: 'Tea', quantity: '3', amount: 600, orders: 1 },
    ]);
    expect(itemReport(ledger.db, '2026-02-30')).toBeNull();
  });
});

describe('migrating a ledger written before the open set existed', () => {
  it('fills attempt_open from the attempts still open, and the shift tables start empty', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { registerChainFunction } = await import('./chain');
    const { migrations } = await import('./migrations');
    const file = join(dir, 'old.sqlite');
    const old = new Database(file);
    registerChainFunction(old);
    for (const m of migrations.filter((x) => x.version <= 3)) {
      old.exec(m.sql);
      m.run?.(old);
    }
    old.pragma('user_version = 3');
    old.exec(`INSERT INTO orders VALUES ('A', 'CNY', 100, 'manual', 1), ('B', 'CNY', 200, 'manual', 2);
      INSERT INTO attempts VALUES ('PA', 'A', 100, 'CNY', 'code', 'wechat', 'sandbox', '…1', 'S06', 1),
        ('PB', 'B', 200, 'CNY', 'code', 'wechat', 'sandbox', '…1', 'S06', 2);
      INSERT INTO attempt_events (attempt_id, state, reason, provider_ref, at, day) VALUES
        ('PA', 'created', NULL, NULL, 1, '1970-01-01'), ('PB', 'created', NULL, NULL, 2, '1970-01-01'),
        ('PA', 'paid', NULL, 'T1', 3, '1970-01-01');`);
    old.close();
    const migrated = openLedger(file);
    try {
      expect(migrated.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
      expect(migrated.openAttempts().map((a) => a.id)).toEqual(['PB']);
      expect(migrated.verify().ok).toBe(true);
    } finally {
      migrated.close();
    }
  });
});
