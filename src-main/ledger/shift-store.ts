import type Database from 'better-sqlite3';
import { localDay } from '../lib/local-day';
import { newId } from './ids';
import type { LedgerResult } from './types';

/** One shift: who, when, the float it opened with, and its close once closed. */
export interface Shift {
  id: string;
  cashierId: string;
  cashierName: string;
  openedAt: number;
  /** Cash in the drawer at the start, minor units. */
  float: number;
  /** The shift handed over to this one (the previous cashier's), or null. */
  takenFrom: { id: string; cashierName: string } | null;
  closedAt: number | null;
  /** Cash counted at the close, minor units. */
  counted: number | null;
  /** Who the drawer was handed to, as the closing cashier named them. */
  handedTo: string | null;
  note: string;
}

/** Count and total (minor units) of one group. */
export interface ShiftGroup {
  key: string;
  count: number;
  total: number;
}

/** The handover report: a shift's payments, refunds and cash, for the one closing it. */
export interface ShiftReport {
  shift: Shift;
  paid: { count: number; total: number };
  refunded: { count: number; total: number };
  net: number;
  byMethod: ShiftGroup[];
  /** By wallet and the provider that carried it, e.g. "alipay / sandbox". */
  byProvider: ShiftGroup[];
  /**
   * Cash the drawer should hold: the float. Countersign takes no cash itself; cash sales are the
   * legacy POS's, so the count is compared with the float the shift opened with.
   */
  expectedCash: number;
  countedCash: number | null;
  difference: number | null;
}

export type ShiftError = { code: 'shift_open' | 'no_shift' | 'invalid'; message: string };

interface ShiftRow {
  id: string;
  cashier_id: string;
  cashier_name: string;
  opened_at: number;
  float: number;
  taken_from: string | null;
  from_name: string | null;
  closed_at: number | null;
  counted: number | null;
  handed_to: string | null;
  note: string | null;
}

const SHIFT_SELECT = `SELECT s.*, p.cashier_name AS from_name, c.closed_at, c.counted, c.handed_to,
  c.note FROM shifts s LEFT JOIN shifts p ON p.id = s.taken_from
  LEFT JOIN shift_closes c ON c.shift_id = s.id`;

const toShift = (r: ShiftRow): Shift => ({
  id: r.id,
  cashierId: r.cashier_id,
  cashierName: r.cashier_name,
  openedAt: r.opened_at,
  float: r.float,
  takenFrom: r.taken_from ? { id: r.taken_from, cashierName: r.from_name ?? '' } : null,
  closedAt: r.closed_at,
  counted: r.counted,
  handedTo: r.handed_to,
  note: r.note ?? '',
});

/** The id of the open shift, or null: what a new attempt records as its shift. */
export function openShiftId(db: Database.Database): string | null {
  const row = db.prepare('SELECT shift_id FROM shift_open LIMIT 1').get() as
    { shift_id: string } | undefined;
  return row?.shift_id ?? null;
}

/** Shifts over the ledger: open, close, look up, and the handover report. */
export function createShiftStore(db: Database.Database, now: () => number = Date.now) {
  const get = (id: string): Shift | null => {
    const row = db.prepare(`${SHIFT_SELECT} WHERE s.id = ?`).get(id) as ShiftRow | undefined;
    return row ? toShift(row) : null;
  };
  const current = (): Shift | null => {
    const id = openShiftId(db);
    return id ? get(id) : null;
  };
  /** The shift closed last: the one a new shift takes over from. */
  const lastClosed = () =>
    db.prepare('SELECT shift_id FROM shift_closes ORDER BY closed_at DESC LIMIT 1').get() as
      { shift_id: string } | undefined;

  const open = db.transaction(
    (input: {
      cashierId: string;
      cashierName: string;
      float: number;
    }): LedgerResult<Shift, ShiftError> => {
      if (!Number.isSafeInteger(input.float) || input.float < 0)
        return {
          ok: false,
          error: { code: 'invalid', message: 'the float is a whole, non-negative amount' },
        };
      const already = current();
      if (already)
        return {
          ok: false,
          error: {
            code: 'shift_open',
            message: `${already.cashierName}'s shift is still open: close it first`,
          },
        };
      const at = now();
      const id = newId('S', at);
      db.prepare('INSERT INTO shifts VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        id,
        input.cashierId,
        input.cashierName,
        at,
        input.float,
        lastClosed()?.shift_id ?? null,
        localDay(at),
      );
      return { ok: true, value: get(id)! };
    },
  );

  const close = db.transaction(
    (input: {
      counted: number;
      handedTo: string | null;
      note?: string;
    }): LedgerResult<Shift, ShiftError> => {
      if (!Number.isSafeInteger(input.counted) || input.counted < 0)
        return {
          ok: false,
          error: { code: 'invalid', message: 'the count is a whole, non-negative amount' },
        };
      const shift = current();
      if (!shift) return { ok: false, error: { code: 'no_shift', message: 'no shift is open' } };
      db.prepare('INSERT INTO shift_closes VALUES (?, ?, ?, ?, ?)').run(
        shift.id,
        now(),
        input.counted,
        input.handedTo,
        input.note ?? '',
      );
      return { ok: true, value: get(shift.id)! };
    },
  );

  /** The handover report of a shift (open or closed); null for an unknown id. */
  const report = (id: string): ShiftReport | null => {
    const shift = get(id);
    if (!shift) return null;
    const paidRows = `FROM attempts a JOIN attempt_events e ON e.attempt_id = a.id AND e.state = 'paid'
      WHERE a.shift = ?`;
    const paid = db
      .prepare(`SELECT COUNT(*) AS count, COALESCE(SUM(a.amount), 0) AS total ${paidRows}`)
      .get(id) as { count: number; total: number };
    const refunded = db
      .prepare(
        `SELECT COUNT(*) AS count, COALESCE(SUM(r.amount), 0) AS total FROM refund_shifts s
         JOIN refunds r ON r.id = s.refund_id
         JOIN refund_events e ON e.refund_id = r.id AND e.state = 'succeeded' WHERE s.shift_id = ?`,
      )
      .get(id) as { count: number; total: number };
    const group = (key: string) =>
      db
        .prepare(
          `SELECT ${key} AS key, COUNT(*) AS count, SUM(a.amount) AS total ${paidRows} GROUP BY 1 ORDER BY 1`,
        )
        .all(id) as ShiftGroup[];
    return {
      shift,
      paid,
      refunded,
      net: paid.total - refunded.total,
      byMethod: group('a.method'),
      byProvider: group(`COALESCE(a.platform, a.method) || ' / ' || a.provider`),
      expectedCash: shift.float,
      countedCash: shift.counted,
      difference: shift.counted === null ? null : shift.counted - shift.float,
    };
  };

  /** Shifts opened on a day (YYYY-MM-DD), oldest first. */
  const ofDay = (date: string): Shift[] =>
    (
      db.prepare(`${SHIFT_SELECT} WHERE s.day = ? ORDER BY s.opened_at`).all(date) as ShiftRow[]
    ).map(toShift);

  return { open, close, current, get, report, ofDay };
}

export type ShiftStore = ReturnType<typeof createShiftStore>;
