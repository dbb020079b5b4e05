import type Database from 'better-sqlite3';
import type { Order } from '../contract/order';
import { newId } from './ids';
import { openLedgerDb, type LedgerOpenError } from './ledger-file';
import { localDay, shiftOf } from '../lib/local-day';
import { ATTEMPT_SELECT, toAttempt, type AttemptRow } from './attempt-rows';
import { createOutbox, type Outbox } from './outbox';
import { openShiftId } from './shift-store';
import { createRefundStore, type RefundStore } from './refund-store';
import { createReports, type Reports } from './reports';
import { createChainCheck, type ChainBreak, type ChainCheck, type ChainHead } from './verify-chain';
import {
  isFinalState,
  type Attempt,
  type AttemptEvent,
  type AttemptState,
  type HistoryQuery,
  type NewAttempt,
  type LedgerResult,
} from './types';

export interface LedgerOptions {
  synchronous?: 'FULL' | 'NORMAL';
  shiftStartHours?: readonly number[];
  /** Injected clock (epoch ms) so tests can place payments on chosen days. */
  now?: () => number;
}

/** The station's ledger: orders, attempts and their events, refunds, reports. */
export interface Ledger extends RefundStore, Reports {
  /** Stores an order once; the same id again must carry the same content. */
  recordOrder(order: Order): LedgerResult<{ inserted: boolean }>;
  /**
   * Write-ahead: commits a new attempt in state 'created' before any request leaves, refusing
   * when the order is already paid or still has an attempt in flight (one order, one charge).
   */
  beginAttempt(input: NewAttempt): LedgerResult<Attempt>;
  /** recordOrder + beginAttempt in one transaction: one durable commit instead of two. */
  recordOrderAndBeginAttempt(order: Order, input: NewAttempt): LedgerResult<Attempt>;
  /** Appends a state change; a final state can never be followed by another. */
  appendAttemptEvent(
    attemptId: string,
    state: AttemptState,
    detail?: { reason?: string; providerRef?: string },
  ): LedgerResult<Attempt>;
  getAttempt(attemptId: string): Attempt | null;
  attemptEvents(attemptId: string): AttemptEvent[];
  attemptsForOrder(orderId: string): Attempt[];
  /** Attempts not yet paid, failed or reversed: what start-up must resolve. */
  openAttempts(): Attempt[];
  /** Searchable history, newest first. */
  searchHistory(query?: HistoryQuery): Attempt[];
  /**
   * Checks the tamper-evident journal (docs/ledger.md): the first row that was changed, removed
   * or added behind the ledger's back, or the journal's head. Reports call it before any figure.
   */
  verify(): LedgerResult<ChainHead, ChainBreak>;
  /**
   * The same check in slices off the report path (the station starts it on opening): reports
   * asked meanwhile continue from where it got to, and after it only check what was appended.
   */
  verifyInBackground: ChainCheck['verifyInBackground'];
  /** Journal entries this connection's check has walked so far. */
  chainEntriesWalked(): number;
  /** Every ledger row, queued for headquarters in the transaction that wrote it. */
  readonly outbox: Outbox;
  /** The file this ledger lives in. */
  readonly file: string;
  /** The underlying handle, for benchmarks and diagnostics. */
  readonly db: Database.Database;
  close(): void;
}

/**
 * Opens (creating and migrating) the ledger file, refusing a damaged one by name (see
 * openLedgerDb). The file's history is not verified here: payments keep working, reports refuse.
 */
export function tryOpenLedger(
  file: string,
  options: LedgerOptions = {},
): LedgerResult<Ledger, LedgerOpenError> {
  const opened = openLedgerDb(file, options.synchronous ?? 'FULL');
  return opened.ok ? { ok: true, value: ledgerOver(opened.value, file, options) } : opened;
}

/** tryOpenLedger for hosts that stop on failure: throws an Error carrying the clear message. */
export function openLedger(file: string, options: LedgerOptions = {}): Ledger {
  const opened = tryOpenLedger(file, options);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

function ledgerOver(db: Database.Database, file: string, options: LedgerOptions): Ledger {
  const now = options.now ?? Date.now;
  const shifts = options.shiftStartHours ?? [6, 14, 22];
  const chain = createChainCheck(db);
  const verify = chain.verify;

  const getAttempt = (id: string): Attempt | null => {
    const row = db.prepare(`${ATTEMPT_SELECT} WHERE c.id = ?`).get(id) as AttemptRow | undefined;
    return row ? toAttempt(row) : null;
  };
  const attemptsForOrder = (orderId: string): Attempt[] =>
    (
      db
        .prepare(`${ATTEMPT_SELECT} WHERE c.order_id = ? ORDER BY c.created_at`)
        .all(orderId) as AttemptRow[]
    ).map(toAttempt);
  const insertEvent = db.prepare(
    'INSERT INTO attempt_events (attempt_id, state, reason, provider_ref, at, day) VALUES (?, ?, ?, ?, ?, ?)',
  );

  const recordOrder = db.transaction((order: Order): LedgerResult<{ inserted: boolean }> => {
    const existing = db.prepare('SELECT total, currency FROM orders WHERE id = ?').get(order.id) as
      { total: number; currency: string } | undefined;
    if (existing) {
      if (existing.total !== order.total || existing.currency !== order.currency) {
        return {
          ok: false,
          error: {
            code: 'order_conflict',
            message: `order ${order.id} is already recorded with total ${existing.total} ${existing.currency}`,
          },
        };
      }
      return { ok: true, value: { inserted: false } };
    }
    db.prepare(
      'INSERT INTO orders (id, currency, total, source, recorded_at) VALUES (?, ?, ?, ?, ?)',
    ).run(order.id, order.currency, order.total, order.source, now());
    const line = db.prepare('INSERT INTO order_lines VALUES (?, ?, ?, ?, ?, ?, ?)');
    order.lines.forEach((l, i) =>
      line.run(order.id, i, l.id, l.name, l.quantity, l.unitPrice, l.amount),
    );
    const adj = db.prepare('INSERT INTO order_adjustments VALUES (?, ?, ?, ?, ?)');
    order.adjustments.forEach((a, i) => adj.run(order.id, i, a.id, a.label, a.amount));
    return { ok: true, value: { inserted: true } };
  });

  const beginAttempt = db.transaction((input: NewAttempt): LedgerResult<Attempt> => {
    const order = db.prepare('SELECT total FROM orders WHERE id = ?').get(input.orderId) as
      { total: number } | undefined;
    if (!order)
      return {
        ok: false,
        error: { code: 'unknown_order', message: `order ${input.orderId} is not recorded` },
      };
    // An order may be paid in parts (split payments): it is paid once its parts cover the total.
    const attempts = attemptsForOrder(input.orderId);
    const paid = attempts.filter((a) => a.state === 'paid');
    const paidSum = paid.reduce((sum, a) => sum + a.amount, 0);
    if (paid.length > 0 && paidSum + input.amount > order.total)
      return {
        ok: false,
        error: {
          code: 'already_paid',
          message:
            paidSum >= order.total
              ? `order ${input.orderId} is paid`
              : `order ${input.orderId} has ${order.total - paidSum} left to pay, not ${input.amount}`,
          attemptId: paid[0]!.id,
        },
      };
    for (const a of attempts) {
      if (!isFinalState(a.state))
        return {
          ok: false,
          error: {
            code: 'attempt_open',
            message: `order ${input.orderId} has an attempt in progress`,
            attemptId: a.id,
          },
        };
    }
    const at = now();
    const id = newId('P', at);
    db.prepare('INSERT INTO attempts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      id,
      input.orderId,
      input.amount,
      input.currency,
      input.method,
      input.platform,
      input.provider,
      input.credentialHint,
      // The cashier's shift when one is open (docs/operations.md), else the clock's bucket.
      openShiftId(db) ?? shiftOf(at, shifts),
      at,
    );
    insertEvent.run(id, 'created', null, null, at, localDay(at));
    return { ok: true, value: getAttempt(id)! };
  });

  const recordOrderAndBeginAttempt = db.transaction(
    (order: Order, input: NewAttempt): LedgerResult<Attempt> => {
      const recorded = recordOrder(order);
      return recorded.ok ? beginAttempt(input) : recorded;
    },
  );

  const appendAttemptEvent: Ledger['appendAttemptEvent'] = (attemptId, state, detail = {}) => {
    const current = getAttempt(attemptId);
    if (!current)
      return {
        ok: false,
        error: { code: 'unknown_attempt', message: `no attempt ${attemptId}` },
      };
    if (isFinalState(current.state))
      return {
        ok: false,
        error: {
          code: 'invalid',
          message: `attempt ${attemptId} is already ${current.state}`,
          attemptId,
        },
      };
    const at = now();
    insertEvent.run(
      attemptId,
      state,
      detail.reason ?? null,
      detail.providerRef ?? null,
      at,
      localDay(at),
    );
    return { ok: true, value: getAttempt(attemptId)! };
  };

  const searchHistory = (q: HistoryQuery = {}): Attempt[] => {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.text) {
      const like = `%${q.text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      where.push(
        "(c.order_id LIKE ? ESCAPE '\\' OR c.id LIKE ? ESCAPE '\\' OR c.provider_ref LIKE ? ESCAPE '\\' OR c.credential_hint LIKE ? ESCAPE '\\')",
      );
      args.push(like, like, like, like);
    }
    if (q.from !== undefined) {
      where.push('c.created_at >= ?');
      args.push(q.from);
    }
    if (q.to !== undefined) {
      where.push('c.created_at < ?');
      args.push(q.to);
    }
    if (q.state) {
      where.push('c.state = ?');
      args.push(q.state);
    }
    const limit = Math.min(Math.max(q.limit ?? 100, 1), 1000);
    const sql = `${ATTEMPT_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.created_at DESC LIMIT ${limit}`;
    return (db.prepare(sql).all(...args) as AttemptRow[]).map(toAttempt);
  };

  return {
    db,
    file,
    verify,
    verifyInBackground: chain.verifyInBackground,
    chainEntriesWalked: chain.entriesWalked,
    outbox: createOutbox(db),
    recordOrder,
    beginAttempt,
    recordOrderAndBeginAttempt,
    appendAttemptEvent,
    getAttempt,
    attemptsForOrder,
    attemptEvents: (attemptId) =>
      (
        db
          .prepare('SELECT * FROM attempt_events WHERE attempt_id = ? ORDER BY seq')
          .all(attemptId) as {
          seq: number;
          attempt_id: string;
          state: AttemptState;
          reason: string | null;
          provider_ref: string | null;
          at: number;
        }[]
      ).map((r) => ({
        seq: r.seq,
        attemptId: r.attempt_id,
        state: r.state,
        reason: r.reason,
        providerRef: r.provider_ref,
        at: r.at,
      })),
    // From the open set the triggers keep (migration 4), not a scan of every attempt.
    openAttempts: () =>
      (
        db
          .prepare(
            `${ATTEMPT_SELECT} WHERE c.id IN (SELECT attempt_id FROM attempt_open) ORDER BY c.created_at`,
          )
          .all() as AttemptRow[]
      ).map(toAttempt),
    searchHistory,
    ...createRefundStore(db, now, getAttempt),
    ...createReports(db, { verify, file }),
    close: () => db.close(),
  };
}
