/**
 * The SQL behind a day's figures, written to start from the day's own rows: the (day, state)
 * indexes on the event tables and the created_at index on attempts. Reading `attempt_current`
 * filtered by `state_day` instead computes every attempt's current state first, which is what
 * made a day report cost the whole ledger.
 *
 * A final event (paid, failed, reversed; a refund's succeeded or failed) is the last one its
 * attempt or refund will ever have (the ledger's triggers refuse anything after it), so "current
 * state X on day D" for a final X is simply "an X event on day D".
 */

/** Attempts that reached final state `@state` on day `@day`, with the attempt's columns. */
export const FINAL_ON_DAY = `SELECT a.* FROM attempt_events e JOIN attempts a ON a.id = e.attempt_id
  WHERE e.day = @day AND e.state = @state`;

/** Count and total of attempts that reached final state `@state` on day `@day`. */
export const FINAL_TOTALS_SQL = `SELECT COUNT(*) AS count, COALESCE(SUM(a.amount), 0) AS total
  FROM attempt_events e JOIN attempts a ON a.id = e.attempt_id WHERE e.day = @day AND e.state = @state`;

/**
 * Paid payments of day `@day` grouped by a column of attempts (method, platform, shift). A
 * cashier's shift is named as people know it, "王芳 08:02" (cashier, sign-in time); a payment
 * taken while nobody was signed in keeps the clock's bucket (S06, S14, S22).
 */
export const paidGroupSql = (column: 'method' | 'platform' | 'shift'): string =>
  column === 'shift'
    ? `SELECT COALESCE(s.cashier_name || ' ' || strftime('%H:%M', s.opened_at / 1000, 'unixepoch',
         'localtime'), a.shift) AS key, COUNT(*) AS count, SUM(a.amount) AS total
       FROM attempt_events e JOIN attempts a ON a.id = e.attempt_id
       LEFT JOIN shifts s ON s.id = a.shift
       WHERE e.day = @day AND e.state = 'paid' GROUP BY a.shift ORDER BY MIN(a.created_at)`
    : `SELECT COALESCE(a.${column}, 'none') AS key, COUNT(*) AS count, SUM(a.amount) AS total
       FROM attempt_events e JOIN attempts a ON a.id = e.attempt_id
       WHERE e.day = @day AND e.state = 'paid' GROUP BY 1 ORDER BY 1`;

/** Count and total of refunds that succeeded on day `@day`. */
export const REFUNDED_TOTALS_SQL = `SELECT COUNT(*) AS count, COALESCE(SUM(r.amount), 0) AS total
  FROM refund_events e JOIN refunds r ON r.id = e.refund_id
  WHERE e.day = @day AND e.state = 'succeeded'`;

/** Refunds that succeeded on day `@day`: id, attempt and amount. */
export const REFUNDED_ON_DAY_SQL = `SELECT r.id, r.attempt_id, r.amount
  FROM refund_events e JOIN refunds r ON r.id = e.refund_id
  WHERE e.day = @day AND e.state = 'succeeded'`;

/** Currencies of the attempts whose latest event is on day `@day` (any state). */
export const DAY_CURRENCIES_SQL = `SELECT DISTINCT a.currency FROM attempt_events e
  JOIN attempts a ON a.id = e.attempt_id
  WHERE e.day = @day AND e.seq = (SELECT MAX(seq) FROM attempt_events x WHERE x.attempt_id = e.attempt_id)
  ORDER BY 1`;

/**
 * The CSV's rows: attempts whose latest event is on day `@day` or that were created in
 * [`@from`, `@to`), each with its current state and what was refunded. The candidates come from the
 * day's events and the day's creations; only they are looked up in attempt_current. Ties in
 * time keep the order the attempts were written in.
 */
export const DAY_CSV_SQL = `WITH ids AS (
    SELECT attempt_id AS id FROM attempt_events WHERE day = @day
    UNION SELECT id FROM attempts WHERE created_at >= @from AND created_at < @to)
  SELECT c.*, COALESCE((SELECT SUM(amount) FROM refund_current r WHERE r.attempt_id = c.id
      AND r.state = 'succeeded'), 0) AS refunded
  FROM ids JOIN attempts o ON o.id = ids.id JOIN attempt_current c ON c.id = ids.id
  WHERE c.state_day = @day OR (c.created_at >= @from AND c.created_at < @to)
  ORDER BY c.created_at, o.rowid`;

/** Ids of the attempts not yet final, oldest first (the derived attempt_open set). */
export const OPEN_ATTEMPT_IDS_SQL = `SELECT o.attempt_id AS id FROM attempt_open o
  CROSS JOIN attempts a ON a.id = o.attempt_id ORDER BY a.created_at`;

/** Payments that became paid or reversed on day `@day`: id, amount and that state. */
export const SETTLED_ON_DAY_SQL = `SELECT a.id, a.amount, e.state FROM attempt_events e
  JOIN attempts a ON a.id = e.attempt_id WHERE e.day = @day AND e.state IN ('paid', 'reversed')`;
