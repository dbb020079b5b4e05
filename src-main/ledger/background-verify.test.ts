import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDay } from '../lib/local-day';
import { registerChainFunction } from './chain';
import { openLedger, type Ledger } from './open-ledger';
import { LedgerTamperedError } from './verify-chain';
import { payOnce } from './test-support/pay-once';

// Issue 16 item 6: the journal's full verification runs in slices in the background when the
// station opens its ledger, so the first report no longer walks years of entries. Real files;
// the attacker is a raw better-sqlite3 connection to the same file.
let dir: string;
let file: string;
const NOW = new Date(2026, 10, 20, 10, 0).getTime();
const DAY = localDay(NOW);
const PAYMENTS = 400;
const SLICE = 500;

const journalHead = (ledger: Ledger) =>
  (ledger.db.prepare('SELECT MAX(seq) AS n FROM journal').get() as { n: number }).n;

/** Lets exactly the slices already queued with setImmediate run. */
const tick = () => new Promise<void>((r) => setImmediate(r));

/** A ledger file of PAYMENTS payments (2,400 journal entries), closed. Returns an attempt id. */
function build(): string {
  const ledger = openLedger(file, { now: () => NOW, synchronous: 'NORMAL' });
  let first = '';
  ledger.db.transaction(() => {
    for (let i = 0; i < PAYMENTS; i++) {
      const id = payOnce(ledger, `o${i}`, 100);
      if (i === 150) first = id;
    }
  })();
  ledger.close();
  return first;
}

function withRaw(fn: (raw: Database.Database) => void): void {
  const raw = new Database(file);
  registerChainFunction(raw);
  try {
    fn(raw);
  } finally {
    raw.close();
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-bgverify-'));
  file = join(dir, 'ledger.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('background verification', () => {
  it('walks the journal once in slices; the next report walks only what was appended', async () => {
    build();
    const ledger = openLedger(file, { now: () => NOW });
    const entries = journalHead(ledger);
    expect(entries).toBe(PAYMENTS * 6);
    const pass = ledger.verifyInBackground(SLICE);
    // Payments keep flowing between slices.
    await tick();
    expect(ledger.chainEntriesWalked()).toBe(SLICE);
    payOnce(ledger, 'during', 100);
    const done = await pass;
    expect(done).toEqual({ ok: true, value: { lastEntry: entries + 6, head: expect.any(String) } });
    expect(ledger.chainEntriesWalked()).toBe(entries + 6);

    payOnce(ledger, 'after', 100);
    const report = ledger.dayReport(DAY)!;
    expect(report.paid).toMatchObject({ count: PAYMENTS + 2, total: (PAYMENTS + 2) * 100 });
    expect(ledger.chainEntriesWalked()).toBe(entries + 12);
    // Nothing appended: the next report walks nothing.
    ledger.exportCsv(DAY);
    expect(ledger.chainEntriesWalked()).toBe(entries + 12);
    ledger.close();
  });

  it('a report asked mid-pass is right and continues from the pass, never from entry 0', async () => {
    build();
    const ledger = openLedger(file, { now: () => NOW });
    const entries = journalHead(ledger);
    const pass = ledger.verifyInBackground(SLICE);
    await tick();
    await tick();
    expect(ledger.chainEntriesWalked()).toBe(2 * SLICE);
    expect(ledger.dayReport(DAY)!.paid).toMatchObject({ count: PAYMENTS, total: PAYMENTS * 100 });
    expect(ledger.chainEntriesWalked()).toBe(entries);
    // The pass finds the head already verified and ends without walking again.
    expect(await pass).toMatchObject({ ok: true, value: { lastEntry: entries } });
    expect(ledger.chainEntriesWalked()).toBe(entries);
    ledger.close();
  });

  it('finds a row changed before start: logged by the caller, reports refuse, payments go on', async () => {
    const id = build();
    withRaw((raw) => {
      raw.exec('DROP TRIGGER attempts_no_update');
      raw.prepare('UPDATE attempts SET amount = 1 WHERE id = ?').run(id);
    });
    const ledger = openLedger(file, { now: () => NOW });
    const found = await ledger.verifyInBackground(SLICE);
    expect(found).toMatchObject({
      ok: false,
      error: { table: 'attempts', key: JSON.stringify([id]), problem: 'changed' },
    });
    const walked = ledger.chainEntriesWalked();
    expect(walked).toBeGreaterThan(0);
    let refused: unknown;
    try {
      ledger.dayReport(DAY);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(LedgerTamperedError);
    expect((refused as LedgerTamperedError).chainBreak).toEqual(found && !found.ok && found.error);
    expect(() => ledger.exportCsv(DAY)).toThrow(/fails verification.*attempts row/);
    // Payments behave as before: recorded, and still journaled.
    expect(payOnce(ledger, 'next', 100)).toMatch(/^P/);
    expect(() => ledger.dayReport(DAY)).toThrow(LedgerTamperedError);
    ledger.close();
  });

  it('finds a row added behind the journal: the unjournaled check closes the pass', async () => {
    build();
    withRaw((raw) =>
      raw.exec(
        "DROP TRIGGER orders_chain; INSERT INTO orders VALUES ('o9x', 'CNY', 5, 'manual', 0)",
      ),
    );
    const ledger = openLedger(file, { now: () => NOW });
    expect(await ledger.verifyInBackground(SLICE)).toMatchObject({
      ok: false,
      error: { table: 'orders', key: '["o9x"]', problem: 'unjournaled', entry: null },
    });
    expect(() => ledger.dayReport(DAY)).toThrow(/orders row \["o9x"\] is not in the journal/);
    ledger.close();
  });

  it('a write by another connection mid-pass or after it means a full pass again', async () => {
    build();
    const ledger = openLedger(file, { now: () => NOW });
    const entries = journalHead(ledger);
    const pass = ledger.verifyInBackground(SLICE);
    await tick();
    // Another connection (a second station process on the same file) takes a payment.
    const outside = (id: string) => {
      const other = openLedger(file, { now: () => NOW });
      payOnce(other, id, 100);
      other.close();
    };
    outside('outside-1');
    expect(await pass).toMatchObject({ ok: true, value: { lastEntry: entries + 6 } });
    // The first slice, then a pass from 0 over everything.
    expect(ledger.chainEntriesWalked()).toBe(SLICE + entries + 6);
    outside('outside-2');
    ledger.dayReport(DAY);
    expect(ledger.chainEntriesWalked()).toBe(SLICE + entries + 6 + entries + 12);
    ledger.close();
  });

  it('ends quietly when the ledger is closed mid-pass', async () => {
    build();
    const ledger = openLedger(file, { now: () => NOW });
    const pass = ledger.verifyInBackground(SLICE);
    await tick();
    ledger.close();
    expect(await pass).toBeNull();
  });
});
