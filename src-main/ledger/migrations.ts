import type Database from 'better-sqlite3';
import { chainExistingRows, chainMigrationSql, chainShiftTablesSql, SHIFT_TABLES } from './chain';
import { outboxMigrationSql, outboxShiftsMigrationSql } from './outbox';
import { dayIndexesMigrationSql } from './day-indexes';
import { shiftTablesMigrationSql } from './shift-tables';

/**
 * Numbered schema migrations, applied in order and recorded in PRAGMA user_version. Never edit
 * a released migration: add the next number. History tables are append-only, enforced by
 * triggers, so a bug elsewhere cannot rewrite what happened.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Data work after the SQL, in the same transaction. */
  run?: (db: Database.Database) => void;
}

const appendOnly = (table: string) => `
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
  BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
  BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'orders, attempts, events, refunds',
    sql: `
CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  currency TEXT NOT NULL,
  total INTEGER NOT NULL,
  source TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;
CREATE TABLE order_lines (
  order_id TEXT NOT NULL REFERENCES orders(id),
  position INTEGER NOT NULL,
  line_id TEXT NOT NULL,
  name TEXT NOT NULL,
  quantity TEXT NOT NULL,
  unit_price INTEGER,
  amount INTEGER NOT NULL,
  PRIMARY KEY (order_id, position)
) STRICT;
CREATE TABLE order_adjustments (
  order_id TEXT NOT NULL REFERENCES orders(id),
  position INTEGER NOT NULL,
  adjustment_id TEXT NOT NULL,
  label TEXT NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (order_id, position)
) STRICT;
CREATE TABLE attempts (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL,
  method TEXT NOT NULL,
  platform TEXT,
  provider TEXT NOT NULL,
  credential_hint TEXT NOT NULL,
  shift TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX attempts_order ON attempts(order_id);
CREATE INDEX attempts_created ON attempts(created_at);
CREATE TABLE attempt_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  attempt_id TEXT NOT NULL REFERENCES attempts(id),
  state TEXT NOT NULL,
  reason TEXT,
  provider_ref TEXT,
  at INTEGER NOT NULL,
  day TEXT NOT NULL
) STRICT;
CREATE INDEX attempt_events_attempt ON attempt_events(attempt_id, seq);
CREATE INDEX attempt_events_day ON attempt_events(day, state);
-- A final state is final: nothing may follow paid, failed or reversed.
CREATE TRIGGER attempt_events_final BEFORE INSERT ON attempt_events
  WHEN (SELECT state FROM attempt_events WHERE attempt_id = NEW.attempt_id
        ORDER BY seq DESC LIMIT 1) IN ('paid', 'failed', 'reversed')
  BEGIN SELECT RAISE(ABORT, 'attempt already reached a final state'); END;
CREATE TABLE refunds (
  id TEXT PRIMARY KEY,
  attempt_id TEXT NOT NULL REFERENCES attempts(id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  reason TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX refunds_attempt ON refunds(attempt_id);
CREATE TABLE refund_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  refund_id TEXT NOT NULL REFERENCES refunds(id),
  state TEXT NOT NULL,
  reason TEXT,
  at INTEGER NOT NULL,
  day TEXT NOT NULL
) STRICT;
CREATE INDEX refund_events_refund ON refund_events(refund_id, seq);
CREATE TRIGGER refund_events_final BEFORE INSERT ON refund_events
  WHEN (SELECT state FROM refund_events WHERE refund_id = NEW.refund_id
        ORDER BY seq DESC LIMIT 1) IN ('succeeded', 'failed')
  BEGIN SELECT RAISE(ABORT, 'refund already reached a final state'); END;
${['orders', 'order_lines', 'order_adjustments', 'attempts', 'attempt_events', 'refunds', 'refund_events'].map(appendOnly).join('\n')}
CREATE VIEW attempt_current AS
  SELECT a.*, e.state AS state, e.reason AS reason, e.at AS state_at, e.day AS state_day,
    (SELECT provider_ref FROM attempt_events p WHERE p.attempt_id = a.id
       AND p.provider_ref IS NOT NULL ORDER BY p.seq DESC LIMIT 1) AS provider_ref
  FROM attempts a JOIN attempt_events e
    ON e.seq = (SELECT MAX(seq) FROM attempt_events WHERE attempt_id = a.id);
CREATE VIEW refund_current AS
  SELECT r.*, e.state AS state, e.reason AS state_reason, e.at AS state_at, e.day AS state_day
  FROM refunds r JOIN refund_events e
    ON e.seq = (SELECT MAX(seq) FROM refund_events WHERE refund_id = r.id);
`,
  },
  {
    version: 2,
    name: 'tamper-evident journal; INSERT OR REPLACE refused',
    sql: chainMigrationSql(),
    run: chainExistingRows,
  },
  {
    version: 3,
    name: 'outbox to headquarters, filled by a trigger on the journal',
    sql: outboxMigrationSql(),
  },
  {
    version: 4,
    name: 'reports by day: refund events by day, the open attempts kept as a set',
    sql: dayIndexesMigrationSql(),
  },
  {
    version: 5,
    name: "cashiers' shifts: float, count, handover; refunds record their shift",
    sql: shiftTablesMigrationSql(),
  },
  {
    version: 6,
    name: 'shifts in the tamper-evident journal, and so in the outbox to HQ',
    sql: `${chainShiftTablesSql()}\n${outboxShiftsMigrationSql()}`,
    run: (db) => chainExistingRows(db, SHIFT_TABLES),
  },
];
