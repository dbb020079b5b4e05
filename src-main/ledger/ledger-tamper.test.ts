import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import type { Order } from '../contract/order';
import { CHAINED_TABLES, registerChainFunction } from './chain';
import { localDay } from '../lib/local-day';
import { migrations } from './migrations';
import { openLedger, tryOpenLedger, type Ledger } from './open-ledger';
import { renderDayReportHtml } from '../reports/day-report-html';
import { createShiftStore } from './shift-store';

// Issue 9 part 4: a ledger that cannot be rewritten unnoticed. Real temp files, and the
// attacker is a raw better-sqlite3 connection to the same file.
let dir: string;
let file: string;
const NOW = new Date(2026, 10, 20, 10, 0).getTime();
const DAY = localDay(NOW);

const order = (id: string, total: number): Order => ({
  id,
  currency: 'CNY',
  lines: [{ id: 'l1', name: 'Tea', quantity: '1', unitPrice: total, amount: total }],
  adjustments: [{ id: 'a1', label: 'none', amount: 0 }],
  total,
  source: 'manual',
  warnings: [],
});

/** One paid attempt with a refund: a row in every append-only table. Returns the attempt id. */
function fill(ledger: Ledger, id = 'o1', total = 1_000): string {
  // In a cashier's shift, closed after the refund: shifts, shift_closes and refund_shifts too.
  const shifts = createShiftStore(ledger.db, () => NOW);
  const shift = shifts.open({ cashierId: 'c1', cashierName: 'Wang', float: 10_000 });
  if (!shift.ok) throw new Error(shift.error.message);
  const o = order(id, total);
  const a = ledger.recordOrderAndBeginAttempt(o, {
    orderId: o.id,
    amount: total,
    currency: 'CNY',
    method: 'code',
    platform: 'wechat',
    provider: 'sandbox',
    credentialHint: 'code …1234',
  });
  if (!a.ok) throw new Error(a.error.message);
  ledger.appendAttemptEvent(a.value.id, 'sending');
  ledger.appendAttemptEvent(a.value.id, 'paid', { providerRef: `T-${id}` });
  const r = ledger.beginRefund({ attemptId: a.value.id, amount: 100, reason: 'test' });
  if (!r.ok) throw new Error(r.error.message);
  ledger.appendRefundEvent(r.value.id, 'succeeded');
  shifts.close({ counted: 10_000, handedTo: null });
  return a.value.id;
}

/** A raw connection to the file, as an attacker who read our source would open it. */
function withRaw<T>(fn: (raw: Database.Database) => T): T {
  const raw = new Database(file);
  // Without the chain function SQLite refuses to even prepare an insert; an attacker adds it.
  registerChainFunction(raw);
  try {
    return fn(raw);
  } finally {
    raw.close();
  }
}

async function cli(...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main([...argv, '--data-dir', dir], {
    stdout,
    stderr,
    stdin: new PassThrough(),
  });
  return { code, out, err };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-tamper-'));
  file = join(dir, 'ledger.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('INSERT OR REPLACE', () => {
  const tables = [...CHAINED_TABLES.map((t) => t.name), 'journal'];
  it.each(tables)('is refused on %s from a raw connection', (table) => {
    const ledger = openLedger(file, { now: () => NOW });
    fill(ledger);
    ledger.close();
    withRaw((raw) => {
      const before = raw.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
      expect(() =>
        raw.prepare(`INSERT OR REPLACE INTO ${table} SELECT * FROM ${table} LIMIT 1`).run(),
      ).toThrow(/append-only/);
      expect(raw.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()).toEqual(before);
    });
  });

  it('cannot rewrite a paid amount, by key or by rowid', () => {
    const ledger = openLedger(file, { now: () => NOW });
    const id = fill(ledger);
    ledger.close();
    withRaw((raw) => {
      const cols =
        'id, order_id, amount, currency, method, platform, provider, credential_hint, shift, created_at';
      const copy = `SELECT id, order_id, 1, currency, method, platform, provider, credential_hint, shift, created_at FROM attempts`;
      expect(() => raw.prepare(`INSERT OR REPLACE INTO attempts (${cols}) ${copy}`).run()).toThrow(
        /append-only/,
      );
      expect(() =>
        raw
          .prepare(
            `INSERT OR REPLACE INTO attempts (rowid, ${cols}) SELECT rowid, 'Pforged', order_id, 1, currency, method, platform, provider, credential_hint, shift, created_at FROM attempts`,
          )
          .run(),
      ).toThrow(/append-only/);
      expect(raw.prepare('SELECT id, amount FROM attempts').all()).toEqual([{ id, amount: 1_000 }]);
    });
  });
});

describe('a damaged file', () => {
  it('is refused at open with a message naming the file', () => {
    const ledger = openLedger(file, { now: () => NOW });
    for (let i = 0; i < 40; i++) fill(ledger, `o${i}`, 1_000 + i);
    ledger.close();
    const copy = join(dir, 'copy.sqlite');
    copyFileSync(file, copy);
    const bytes = readFileSync(copy);
    const pageSize = bytes.readUInt16BE(16);
    expect(bytes.length).toBeGreaterThan(4 * pageSize);
    // Scribble over the b-tree headers of pages 3 and 4 (their type and cell pointers).
    for (const page of [2, 3]) for (let i = 0; i < 12; i++) bytes[page * pageSize + i]! ^= 0x5a;
    writeFileSync(copy, bytes);
    const opened = tryOpenLedger(copy);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.code).toBe('ledger_damaged');
    expect(opened.error.message).toContain(copy);
    expect(() => openLedger(copy)).toThrow(/copy\.sqlite is damaged/);
    // The original is untouched and still opens.
    expect(tryOpenLedger(file).ok).toBe(true);
  });

  it('that is not a database at all is refused by name too', () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, Buffer.alloc(8192, 0x41));
    expect(() => openLedger(junk)).toThrow(/junk\.sqlite is damaged/);
  });
});

describe('the tamper-evident journal', () => {
  it('chains every row, verifies, and names the row an attacker changed', async () => {
    const ledger = openLedger(file, { now: () => NOW });
    const id = fill(ledger);
    fill(ledger, 'o2', 2_000);
    const good = ledger.verify();
    expect(good.ok).toBe(true);
    const rows = CHAINED_TABLES.reduce(
      (n, t) =>
        n + (ledger.db.prepare(`SELECT COUNT(*) AS n FROM ${t.name}`).get() as { n: number }).n,
      0,
    );
    expect(good.ok && good.value.lastEntry).toBe(rows);
    expect(ledger.dayReport(DAY)!.paid.total).toBe(3_000);
    ledger.close();
    expect(await cli('ledger', 'verify')).toMatchObject({ code: 0 });

    // The attacker has the file: drops the trigger and changes one amount.
    withRaw((raw) => {
      raw.exec('DROP TRIGGER attempts_no_update');
      raw.prepare('UPDATE attempts SET amount = 1 WHERE id = ?').run(id);
    });
    const reopened = openLedger(file, { now: () => NOW });
    const bad = reopened.verify();
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toMatchObject({
        table: 'attempts',
        key: JSON.stringify([id]),
        problem: 'changed',
      });
      expect(bad.error.message).toContain(id);
    }
    expect(() => reopened.dayReport(DAY)).toThrow(
      /fails verification, so it shows no figures.*attempts row/,
    );
    expect(() => reopened.exportCsv(DAY)).toThrow(/fails verification/);
    expect(() => renderDayReportHtml(reopened.dayReport(DAY)!, 'Shop')).toThrow(
      /fails verification/,
    );
    expect(() => reopened.reconcile(DAY, 'type\r\n')).toThrow(/fails verification/);
    reopened.close();

    const verify = await cli('ledger', 'verify');
    expect(verify.code).toBe(1);
    expect(JSON.parse(verify.out)).toMatchObject({
      ok: false,
      table: 'attempts',
      key: JSON.stringify([id]),
    });
    expect(verify.err).toContain(id);
    const report = await cli('report', '--date', DAY);
    expect(report.code).toBe(1);
    expect(report.err).toMatch(/fails verification/);
    expect(report.out).toBe('');
  });

  it('notices a removed row, a row added behind its back, and an outside write while open', () => {
    const ledger = openLedger(file, { now: () => NOW });
    fill(ledger);
    expect(ledger.verify().ok).toBe(true);
    // The station keeps running while someone edits the file next to it.
    withRaw((raw) => {
      raw.exec('DROP TRIGGER refund_events_no_delete');
      raw.exec('DELETE FROM refund_events');
    });
    expect(ledger.verify()).toMatchObject({
      ok: false,
      error: { table: 'refund_events', problem: 'missing' },
    });
    ledger.close();

    const other = join(dir, 'other.sqlite');
    const second = openLedger(other, { now: () => NOW });
    fill(second);
    second.close();
    const raw = new Database(other);
    // Without the chain function a raw connection cannot even insert; an attacker drops the trigger.
    expect(() => raw.exec("INSERT INTO orders VALUES ('o9', 'CNY', 5, 'manual', 0)")).toThrow(
      /ledger_chain/,
    );
    raw.exec("DROP TRIGGER orders_chain; INSERT INTO orders VALUES ('o9', 'CNY', 5, 'manual', 0)");
    raw.close();
    const reopened = openLedger(other);
    expect(reopened.verify()).toMatchObject({
      ok: false,
      error: { table: 'orders', key: '["o9"]', problem: 'unjournaled', entry: null },
    });
    reopened.close();
  });

  it('chains the rows of a ledger written before the journal existed', () => {
    // A version-1 ledger, as shipped before issue 9, with history in it.
    const raw = new Database(file);
    raw.exec(migrations[0]!.sql);
    raw.pragma('user_version = 1');
    raw.exec(`INSERT INTO orders VALUES ('o1', 'CNY', 500, 'manual', ${NOW});
      INSERT INTO order_lines VALUES ('o1', 0, 'l1', 'Tea', '1', 500, 500);
      INSERT INTO attempts VALUES ('P1', 'o1', 500, 'CNY', 'code', 'wechat', 'sandbox', 'x', '06', ${NOW});
      INSERT INTO attempt_events (attempt_id, state, at, day) VALUES ('P1', 'created', ${NOW}, '${DAY}'),
        ('P1', 'paid', ${NOW}, '${DAY}');`);
    raw.close();
    const ledger = openLedger(file, { now: () => NOW });
    const v = ledger.verify();
    expect(v).toMatchObject({ ok: true, value: { lastEntry: 5 } });
    expect(ledger.dayReport(DAY)!.paid.total).toBe(500);
    fill(ledger, 'o2');
    expect(ledger.verify().ok).toBe(true);
    ledger.close();
  });

  it('encodes every column of every chained table', () => {
    const ledger = openLedger(file);
    for (const t of CHAINED_TABLES) {
      const columns = (ledger.db.pragma(`table_info(${t.name})`) as { name: string }[]).map(
        (c) => c.name,
      );
      expect([...t.columns].sort()).toEqual(columns.sort());
    }
    ledger.close();
  });
});
