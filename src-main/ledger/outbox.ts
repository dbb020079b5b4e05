import type Database from 'better-sqlite3';
import { CHAINED_TABLES, journaledRowSql, PAYMENT_TABLES, type ChainedTable } from './chain';

/**
 * The outbox to headquarters (docs/hq.md). Every journal entry is copied here, with the row's
 * encoding and its local day, by a trigger on the journal: so it is written in the same
 * statement, hence the same transaction, as the ledger row itself, and no payment ever waits on
 * HQ. The sync sends entries oldest first and drops those HQ acknowledged.
 */
export interface OutboxEntry {
  /** The journal entry's sequence number: a station's events are applied in this order. */
  seq: number;
  tbl: string;
  /** The row's primary key as a JSON array. */
  key: string;
  /** The row's canonical encoding, exactly as hashed into the journal. */
  payload: string;
  hash: string;
  /** The local day the row belongs to (YYYY-MM-DD); HQ partitions by it. */
  day: string;
}

export interface Outbox {
  /**
   * Up to `limit` entries after `afterSeq`, oldest first. Entries already dropped (HQ asked for
   * them again, e.g. after a restore) are rebuilt from the journal and the rows themselves.
   */
  read(afterSeq: number, limit: number): OutboxEntry[];
  /** HQ holds every entry up to `seq`: drop them. */
  acknowledge(seq: number): void;
  /** The last entry HQ acknowledged (every entry up to it was dropped). */
  acknowledgedUpTo(): number;
  /** Entries not yet acknowledged, and the day of the oldest. */
  pending(): { count: number; oldestDay: string | null };
}

const localDate = (ms: string) => `date(${ms} / 1000, 'unixepoch', 'localtime')`;

/** Which local day a row belongs to, per table (SQL over the row's columns). */
const DAY_OF: Record<string, string> = {
  orders: localDate('recorded_at'),
  order_lines: `(SELECT ${localDate('o.recorded_at')} FROM orders o WHERE o.id = order_id)`,
  order_adjustments: `(SELECT ${localDate('o.recorded_at')} FROM orders o WHERE o.id = order_id)`,
  attempts: localDate('created_at'),
  attempt_events: 'day',
  refunds: localDate('created_at'),
  refund_events: 'day',
  shifts: 'day',
  shift_closes: localDate('closed_at'),
  refund_shifts: `(SELECT ${localDate('r.created_at')} FROM refunds r WHERE r.id = refund_id)`,
};

const dayOf = (t: ChainedTable): string => {
  const sql = DAY_OF[t.name];
  // A table added to the journal must say which day its rows belong to.
  if (!sql) throw new Error(`outbox: no day rule for ledger table ${t.name}`);
  return sql;
};

/** Columns of an outbox row computed from a journal entry aliased `j`. */
const entrySql = (j: string, tables: readonly ChainedTable[] = CHAINED_TABLES) =>
  `${j}.seq AS seq, ${j}.tbl AS tbl, ${j}.row_key AS row_key,
  ${journaledRowSql(j, undefined, tables)} AS payload,
  ${j}.hash AS hash, ${journaledRowSql(j, dayOf, tables)} AS day`;

/** The trigger that copies every journal entry of these tables into the outbox. */
const outboxTriggerSql = (tables: readonly ChainedTable[]) => `
CREATE TRIGGER journal_outbox AFTER INSERT ON journal BEGIN
  INSERT INTO outbox (seq, tbl, row_key, payload, hash, day) SELECT ${entrySql('NEW', tables)};
END;`;

/**
 * Migration 6 (second half): the outbox trigger also encodes the shift tables, so shifts
 * opened, closed and handed over leave for HQ like payments (chainExistingRows then journals
 * the shifts already recorded, and the trigger queues them).
 */
export function outboxShiftsMigrationSql(): string {
  CHAINED_TABLES.forEach(dayOf);
  return `DROP TRIGGER journal_outbox;${outboxTriggerSql(CHAINED_TABLES)}`;
}

/** Migration 3: the outbox, its trigger on the journal, and every entry already journaled. */
export function outboxMigrationSql(): string {
  PAYMENT_TABLES.forEach(dayOf);
  return `
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_key TEXT NOT NULL,
  payload TEXT NOT NULL,
  hash TEXT NOT NULL,
  day TEXT NOT NULL
) STRICT;${outboxTriggerSql(PAYMENT_TABLES)}
INSERT INTO outbox (seq, tbl, row_key, payload, hash, day)
  SELECT ${entrySql('j', PAYMENT_TABLES)} FROM journal j;`;
}

interface EntryRow {
  seq: number;
  tbl: string;
  row_key: string;
  payload: string | null;
  hash: string;
  day: string | null;
}

/** The outbox over an open, migrated ledger database. */
export function createOutbox(db: Database.Database): Outbox {
  const fromOutbox = db.prepare(
    'SELECT seq, tbl, row_key, payload, hash, day FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const oldest = db.prepare('SELECT MIN(seq) AS seq FROM outbox');
  const fromJournal = db.prepare(
    `SELECT ${entrySql('j')} FROM journal j WHERE j.seq > ? AND j.seq < ? ORDER BY j.seq LIMIT ?`,
  );
  const drop = db.prepare('DELETE FROM outbox WHERE seq <= ?');
  const toEntry = (r: EntryRow): OutboxEntry => ({
    seq: r.seq,
    tbl: r.tbl,
    key: r.row_key,
    // A row gone from its table keeps an empty payload: HQ's chain check names it.
    payload: r.payload ?? '',
    hash: r.hash,
    day: r.day ?? '1970-01-01',
  });
  return {
    read(afterSeq, limit) {
      const first = (oldest.get() as { seq: number | null }).seq;
      if (first === null || first > afterSeq + 1) {
        const upTo = first ?? Number.MAX_SAFE_INTEGER;
        const rebuilt = fromJournal.all(afterSeq, upTo, limit) as EntryRow[];
        if (rebuilt.length > 0) return rebuilt.map(toEntry);
      }
      return (fromOutbox.all(afterSeq, limit) as EntryRow[]).map(toEntry);
    },
    acknowledge(seq) {
      drop.run(seq);
    },
    acknowledgedUpTo() {
      const r = db
        .prepare(
          'SELECT COALESCE((SELECT MIN(seq) FROM outbox) - 1, (SELECT MAX(seq) FROM journal), 0) AS n',
        )
        .get() as { n: number };
      return r.n;
    },
    pending() {
      return db.prepare('SELECT COUNT(*) AS count, MIN(day) AS oldestDay FROM outbox').get() as {
        count: number;
        oldestDay: string | null;
      };
    },
  };
}
