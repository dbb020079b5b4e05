import type Database from 'better-sqlite3';
import { toCsv } from '../lib/csv';
import { dayRange } from '../lib/local-day';
import { reconcileRows, type Reconciliation } from './reconcile';
import type { LedgerResult } from './types';
import { LedgerTamperedError, type ChainBreak } from './verify-chain';
import {
  DAY_CSV_SQL,
  DAY_CURRENCIES_SQL,
  FINAL_TOTALS_SQL,
  paidGroupSql,
  REFUNDED_ON_DAY_SQL,
  REFUNDED_TOTALS_SQL,
  SETTLED_ON_DAY_SQL,
} from './day-queries';

/** Count and total (minor units) of one group in a report. */
export interface ReportGroup {
  key: string;
  count: number;
  total: number;
}

/** A day's figures: payments are counted on the day they became paid, refunds when they succeeded. */
export interface DayReport {
  date: string;
  currencies: string[];
  paid: { count: number; total: number };
  refunded: { count: number; total: number };
  net: number;
  failed: number;
  reversed: number;
  byMethod: ReportGroup[];
  byPlatform: ReportGroup[];
  byShift: ReportGroup[];
}

/**
 * Every method first checks the journal and throws LedgerTamperedError when it fails: no
 * figure is ever presented from a ledger that was rewritten.
 */
export interface Reports {
  /** Totals and counts for one local day; null when the date is not YYYY-MM-DD. */
  dayReport(date: string): DayReport | null;
  /** Every attempt created or finished that day, one CSV row each. */
  exportCsv(date: string): string | null;
  /** Compares the day's paid/reversed payments and refunds with a provider's statement CSV. */
  reconcile(date: string, statementCsv: string): Reconciliation | null;
}

/** Report queries over an open, migrated ledger database, guarded by its journal check. */
export function createReports(
  db: Database.Database,
  integrity: { verify: () => LedgerResult<unknown, ChainBreak>; file: string },
): Reports {
  const intact = () => {
    const r = integrity.verify();
    if (!r.ok) throw new LedgerTamperedError(integrity.file, r.error);
  };
  // Every query starts from the day's own rows (docs/ledger.md, "Reports over years").
  const group = (column: 'method' | 'platform' | 'shift', date: string): ReportGroup[] =>
    db.prepare(paidGroupSql(column)).all({ day: date }) as ReportGroup[];
  const totals = (state: string, date: string) =>
    db.prepare(FINAL_TOTALS_SQL).get({ day: date, state }) as { count: number; total: number };

  const dayReport = (date: string): DayReport | null => {
    if (!dayRange(date)) return null;
    intact();
    const paid = totals('paid', date);
    const refunded = db.prepare(REFUNDED_TOTALS_SQL).get({ day: date }) as {
      count: number;
      total: number;
    };
    const countState = (state: string) => totals(state, date).count;
    const currencies = (
      db.prepare(DAY_CURRENCIES_SQL).all({ day: date }) as { currency: string }[]
    ).map((r) => r.currency);
    return {
      date,
      currencies,
      paid,
      refunded,
      net: paid.total - refunded.total,
      failed: countState('failed'),
      reversed: countState('reversed'),
      byMethod: group('method', date),
      byPlatform: group('platform', date),
      byShift: group('shift', date),
    };
  };

  const exportCsv = (date: string): string | null => {
    const range = dayRange(date);
    if (!range) return null;
    intact();
    const rows = db
      .prepare(DAY_CSV_SQL)
      .all({ day: date, from: range.from, to: range.to }) as Record<
      string,
      string | number | null
    >[];
    const header = [
      'attempt_id',
      'order_id',
      'created_at',
      'state',
      'state_at',
      'amount',
      'refunded',
      'currency',
      'method',
      'platform',
      'provider',
      'shift',
      'credential',
      'provider_ref',
      'reason',
    ];
    const iso = (v: string | number | null) =>
      v === null ? null : new Date(Number(v)).toISOString();
    return toCsv(
      header,
      rows.map((r) => [
        r.id ?? null,
        r.order_id ?? null,
        iso(r.created_at ?? null),
        r.state ?? null,
        iso(r.state_at ?? null),
        r.amount ?? null,
        r.refunded ?? null,
        r.currency ?? null,
        r.method ?? null,
        r.platform ?? null,
        r.provider ?? null,
        r.shift ?? null,
        r.credential_hint ?? null,
        r.provider_ref ?? null,
        r.reason ?? null,
      ]),
    );
  };

  return {
    dayReport,
    exportCsv,
    reconcile: (date, statementCsv) => {
      if (!dayRange(date)) return null;
      intact();
      const payments = db.prepare(SETTLED_ON_DAY_SQL).all({ day: date }) as {
        id: string;
        amount: number;
        state: string;
      }[];
      const known = db.prepare('SELECT state, amount FROM attempt_current WHERE id = ?');
      const refunds = db.prepare(REFUNDED_ON_DAY_SQL).all({ day: date }) as {
        id: string;
        attempt_id: string;
        amount: number;
      }[];
      return reconcileRows(
        date,
        payments,
        refunds,
        (id) => known.get(id) as { state: string; amount: number } | undefined,
        statementCsv,
      );
    },
  };
}
