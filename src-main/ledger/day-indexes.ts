/**
 * Migration 4: what lets a day's reports and the start-up check cost what the day (or the open
 * set) holds instead of the whole history.
 *
 * - Refund events get the (day, state) index attempt events already had.
 * - `attempt_open` lists the attempts not yet paid, failed or reversed. It is derived data, not
 *   history: kept by triggers in the statement that creates an attempt or finishes it, so no
 *   code path can forget it, and not journaled (the rows it mirrors are).
 */
export function dayIndexesMigrationSql(): string {
  return `
CREATE INDEX refund_events_day ON refund_events(day, state);
CREATE TABLE attempt_open (attempt_id TEXT PRIMARY KEY REFERENCES attempts(id)) STRICT;
INSERT INTO attempt_open SELECT id FROM attempt_current
  WHERE state NOT IN ('paid', 'failed', 'reversed');
CREATE TRIGGER attempts_open AFTER INSERT ON attempts
  BEGIN INSERT INTO attempt_open (attempt_id) VALUES (NEW.id); END;
CREATE TRIGGER attempt_events_close AFTER INSERT ON attempt_events
  WHEN NEW.state IN ('paid', 'failed', 'reversed')
  BEGIN DELETE FROM attempt_open WHERE attempt_id = NEW.attempt_id; END;`;
}
