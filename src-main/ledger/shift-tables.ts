/**
 * Migration 5: cashiers' shifts in the ledger. A shift opens with a cash float and closes once
 * with a count and the cashier it is handed to; at most one is open at a time. Refunds record
 * the shift they were made in (a trigger, so no refund path can forget it); payments carry it in
 * attempts.shift, written with the attempt. Append-only like the rest of the history.
 * Journaled (tamper-evident, and so sent to HQ) since migration 6.
 */
export function shiftTablesMigrationSql(): string {
  const appendOnly = (t: string) => `
CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t}
  BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;
CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t}
  BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END;`;
  return `
CREATE TABLE shifts (
  id TEXT PRIMARY KEY,
  cashier_id TEXT NOT NULL,
  cashier_name TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  float INTEGER NOT NULL CHECK (float >= 0),
  taken_from TEXT REFERENCES shifts(id),
  day TEXT NOT NULL
) STRICT;
CREATE INDEX shifts_day ON shifts(day);
CREATE TABLE shift_closes (
  shift_id TEXT PRIMARY KEY REFERENCES shifts(id),
  closed_at INTEGER NOT NULL,
  counted INTEGER NOT NULL CHECK (counted >= 0),
  handed_to TEXT,
  note TEXT NOT NULL
) STRICT;
CREATE TABLE refund_shifts (
  refund_id TEXT PRIMARY KEY REFERENCES refunds(id),
  shift_id TEXT NOT NULL REFERENCES shifts(id)
) STRICT;
CREATE INDEX refund_shifts_shift ON refund_shifts(shift_id);
CREATE INDEX attempts_shift ON attempts(shift);
-- The open shift, kept by triggers (derived, like attempt_open).
CREATE TABLE shift_open (shift_id TEXT PRIMARY KEY REFERENCES shifts(id)) STRICT;
CREATE TRIGGER shifts_one_open BEFORE INSERT ON shifts WHEN EXISTS (SELECT 1 FROM shift_open)
  BEGIN SELECT RAISE(ABORT, 'a shift is already open: close it first'); END;
CREATE TRIGGER shifts_open AFTER INSERT ON shifts
  BEGIN INSERT INTO shift_open (shift_id) VALUES (NEW.id); END;
CREATE TRIGGER shift_closes_only_open BEFORE INSERT ON shift_closes
  WHEN NOT EXISTS (SELECT 1 FROM shift_open WHERE shift_id = NEW.shift_id)
  BEGIN SELECT RAISE(ABORT, 'that shift is not open'); END;
CREATE TRIGGER shift_closes_close AFTER INSERT ON shift_closes
  BEGIN DELETE FROM shift_open WHERE shift_id = NEW.shift_id; END;
CREATE TRIGGER refunds_shift AFTER INSERT ON refunds WHEN EXISTS (SELECT 1 FROM shift_open)
  BEGIN INSERT INTO refund_shifts (refund_id, shift_id)
    VALUES (NEW.id, (SELECT shift_id FROM shift_open LIMIT 1)); END;
${['shifts', 'shift_closes', 'refund_shifts'].map(appendOnly).join('\n')}`;
}
