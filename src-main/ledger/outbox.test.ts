import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainHash, GENESIS, registerChainFunction } from './chain';
import { localDay } from '../lib/local-day';
import { migrations } from './migrations';
import { openLedger } from './open-ledger';
import type { OutboxEntry } from './outbox';
import { createShiftStore } from './shift-store';
import { payOnce, teaOrder } from './test-support/pay-once';

let dir: string;
let file: string;
const NOW = new Date(2026, 10, 20, 23, 50).getTime();

/** What HQ does with the entries: each hash must follow from the previous one and the payload. */
function chainHolds(entries: OutboxEntry[], previous = GENESIS): boolean {
  let head = previous;
  for (const e of entries) {
    if (chainHash(head, e.payload) !== e.hash) return false;
    head = e.hash;
  }
  return true;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-outbox-'));
  file = join(dir, 'ledger.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ledger outbox', () => {
  it('queues every journal entry with its payload, in the same transaction as the row', () => {
    const ledger = openLedger(file, { now: () => NOW });
    const attemptId = payOnce(ledger, 'o1', 500);
    const entries = ledger.outbox.read(0, 100);
    expect(entries.map((e) => e.tbl)).toEqual([
      'orders',
      'order_lines',
      'attempts',
      'attempt_events',
      'attempt_events',
      'attempt_events',
    ]);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(chainHolds(entries)).toBe(true);
    expect(entries.every((e) => e.day === localDay(NOW))).toBe(true);
    expect(JSON.parse(entries[2]!.payload)).toEqual([
      'attempts',
      attemptId,
      'o1',
      500,
      'CNY',
      'code',
      'wechat',
      'sandbox',
      'code …1234',
      expect.any(String),
      NOW,
    ]);
    // A refused write (second attempt on a paid order) leaves nothing in the outbox either.
    const refused = ledger.beginAttempt({
      orderId: 'o1',
      amount: 500,
      currency: 'CNY',
      method: 'code',
      platform: 'wechat',
      provider: 'sandbox',
      credentialHint: 'x',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'already_paid' } });
    expect(() =>
      ledger.db.transaction(() => {
        ledger.recordOrder(teaOrder('o2', 500));
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(ledger.outbox.pending()).toEqual({ count: 6, oldestDay: localDay(NOW) });
    ledger.close();
  });

  it('drops what HQ acknowledged and rebuilds it from the journal when asked again', () => {
    const ledger = openLedger(file, { now: () => NOW });
    payOnce(ledger, 'o1', 500);
    payOnce(ledger, 'o2', 500);
    const all = ledger.outbox.read(0, 100);
    ledger.outbox.acknowledge(8);
    expect(ledger.outbox.pending().count).toBe(4);
    expect(ledger.outbox.read(8, 100)).toEqual(all.slice(8));
    // HQ lost entries 4..12 (a restore): the first read is rebuilt, the next continues.
    expect(ledger.outbox.read(3, 100)).toEqual(all.slice(3, 8));
    ledger.outbox.acknowledge(12);
    expect(ledger.outbox.read(0, 5)).toEqual(all.slice(0, 5));
    ledger.close();
  });

  it('queues the history of a ledger written before the outbox existed', () => {
    const raw = new Database(file);
    raw.exec(migrations[0]!.sql);
    raw.pragma('user_version = 1');
    raw.exec(`INSERT INTO orders VALUES ('o1', 'CNY', 500, 'manual', ${NOW});
      INSERT INTO attempts VALUES ('P1', 'o1', 500, 'CNY', 'code', 'wechat', 'sandbox', 'x', '06', ${NOW});`);
    raw.close();
    const ledger = openLedger(file, { now: () => NOW });
    const entries = ledger.outbox.read(0, 100);
    expect(entries.map((e) => [e.seq, e.tbl, e.day])).toEqual([
      [1, 'orders', localDay(NOW)],
      [2, 'attempts', localDay(NOW)],
    ]);
    expect(chainHolds(entries)).toBe(true);
    ledger.close();
  });

  it('journals and queues the shifts a ledger held before shifts were journaled (migration 6)', () => {
    // A version-5 ledger: a payment HQ already holds, then a shift opened and closed.
    const raw = new Database(file);
    registerChainFunction(raw);
    for (const m of migrations.filter((x) => x.version <= 5)) {
      raw.exec(m.sql);
      m.run?.(raw);
    }
    raw.pragma('user_version = 5');
    raw.exec(`INSERT INTO orders VALUES ('o1', 'CNY', 500, 'manual', ${NOW});
      DELETE FROM outbox;
      INSERT INTO shifts VALUES ('S1', 'c1', 'Wang', ${NOW}, 10000, NULL, '${localDay(NOW)}');
      INSERT INTO shift_closes VALUES ('S1', ${NOW + 60_000}, 9000, 'Li', 'short');`);
    raw.close();
    const ledger = openLedger(file, { now: () => NOW });
    expect(ledger.verify()).toMatchObject({ ok: true, value: { lastEntry: 3 } });
    const queued = ledger.outbox.read(1, 100);
    expect(queued.map((e) => [e.seq, e.tbl, e.key, e.day])).toEqual([
      [2, 'shifts', '["S1"]', localDay(NOW)],
      [3, 'shift_closes', '["S1"]', localDay(NOW + 60_000)],
    ]);
    expect(JSON.parse(queued[1]!.payload)).toEqual([
      'shift_closes',
      'S1',
      NOW + 60_000,
      9000,
      'Li',
      'short',
    ]);
    expect(chainHolds(queued, ledger.outbox.read(0, 1)[0]!.hash)).toBe(true);
    // From now on a shift leaves with the statement that records it.
    const shifts = createShiftStore(ledger.db, () => NOW);
    shifts.open({ cashierId: 'c2', cashierName: 'Li', float: 9000 });
    expect(ledger.outbox.read(3, 100).map((e) => e.tbl)).toEqual(['shifts']);
    ledger.close();
  });
});
