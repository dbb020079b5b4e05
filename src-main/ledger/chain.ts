import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * The tamper-evident journal. Every row written to an append-only table gets a journal entry
 * whose hash is SHA-256 over the previous entry's hash and a canonical encoding of the row, so
 * changing, removing or slipping in a row with the file in hand (triggers dropped) breaks the
 * chain from that row on. Triggers write the entry in the same statement as the row: no code
 * path can forget it, and a connection without the chain function cannot insert at all.
 */
export interface ChainedTable {
  name: string;
  /** Primary key columns: the journal names a row by them (rowids can change on VACUUM). */
  key: readonly string[];
  /**
   * Every column, in encoding order. Fixed here, not read from the schema: a later migration
   * that adds a column must not silently change the encoding of rows already chained.
   */
  columns: readonly string[];
}

/** The tables journaled since migration 2 (payments and refunds). Fixed: migrations 2 and 3 use it. */
export const PAYMENT_TABLES: readonly ChainedTable[] = [
  { name: 'orders', key: ['id'], columns: ['id', 'currency', 'total', 'source', 'recorded_at'] },
  {
    name: 'order_lines',
    key: ['order_id', 'position'],
    columns: ['order_id', 'position', 'line_id', 'name', 'quantity', 'unit_price', 'amount'],
  },
  {
    name: 'order_adjustments',
    key: ['order_id', 'position'],
    columns: ['order_id', 'position', 'adjustment_id', 'label', 'amount'],
  },
  {
    name: 'attempts',
    key: ['id'],
    columns: [
      'id',
      'order_id',
      'amount',
      'currency',
      'method',
      'platform',
      'provider',
      'credential_hint',
      'shift',
      'created_at',
    ],
  },
  {
    name: 'attempt_events',
    key: ['seq'],
    columns: ['seq', 'attempt_id', 'state', 'reason', 'provider_ref', 'at', 'day'],
  },
  { name: 'refunds', key: ['id'], columns: ['id', 'attempt_id', 'amount', 'reason', 'created_at'] },
  {
    name: 'refund_events',
    key: ['seq'],
    columns: ['seq', 'refund_id', 'state', 'reason', 'at', 'day'],
  },
];

/** Cashiers' shifts, journaled since migration 6 (and so sent to HQ). */
export const SHIFT_TABLES: readonly ChainedTable[] = [
  {
    name: 'shifts',
    key: ['id'],
    columns: ['id', 'cashier_id', 'cashier_name', 'opened_at', 'float', 'taken_from', 'day'],
  },
  {
    name: 'shift_closes',
    key: ['shift_id'],
    columns: ['shift_id', 'closed_at', 'counted', 'handed_to', 'note'],
  },
  { name: 'refund_shifts', key: ['refund_id'], columns: ['refund_id', 'shift_id'] },
];

/** Every table whose rows the journal chains, in the order they joined it. */
export const CHAINED_TABLES: readonly ChainedTable[] = [...PAYMENT_TABLES, ...SHIFT_TABLES];

/** The hash before the first entry. */
export const GENESIS = '0'.repeat(64);

/** The one definition of a link: SHA-256(previous hash, newline, row encoding), hex. */
export function chainHash(previous: string | null, encoding: string): string {
  return createHash('sha256')
    .update(`${previous ?? GENESIS}\n${encoding}`)
    .digest('hex');
}

/** SQL for a row's canonical encoding: a JSON array of the table name and every column. */
export function encodingSql(t: ChainedTable, prefix = ''): string {
  return `json_array('${t.name}', ${t.columns.map((c) => prefix + c).join(', ')})`;
}

/** SQL for a row's journal key: a JSON array of its primary key columns. */
export function keySql(t: ChainedTable, prefix = ''): string {
  return `json_array(${t.key.map((c) => prefix + c).join(', ')})`;
}

/**
 * SQL CASE giving the current encoding of the row a journal entry names (`j` is the entry's
 * alias, or NEW in a trigger on the journal); NULL when the row is gone.
 */
export function journaledRowSql(
  j: string,
  column: (t: ChainedTable) => string = encodingSql,
  tables: readonly ChainedTable[] = CHAINED_TABLES,
): string {
  return `CASE ${j}.tbl
${tables
  .map(
    (t) =>
      `  WHEN '${t.name}' THEN (SELECT ${column(t)} FROM ${t.name} WHERE ${t.key
        .map((c, i) => `${c} = json_extract(${j}.row_key, '$[${i}]')`)
        .join(' AND ')})`,
  )
  .join('\n')}
END`;
}

/** Makes `ledger_chain(prev, encoding)` available to the triggers on this connection. */
export function registerChainFunction(db: Database.Database): void {
  db.function('ledger_chain', { deterministic: true }, (previous: unknown, encoding: unknown) =>
    chainHash(typeof previous === 'string' ? previous : null, String(encoding)),
  );
}

/**
 * INSERT OR REPLACE deletes the old row without firing its DELETE trigger (unless the
 * connection set recursive_triggers), so refuse any insert whose key or rowid is taken.
 */
function noReplace(table: string, conflict: string): string {
  return `CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
  WHEN EXISTS (SELECT 1 FROM ${table} WHERE rowid = NEW.rowid OR (${conflict}))
  BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;
}

/** The no-replace guards and the chaining triggers of some tables. */
function chainTriggersSql(tables: readonly ChainedTable[]): string {
  const guards = tables.map((t) =>
    noReplace(t.name, t.key.map((c) => `${c} = NEW.${c}`).join(' AND ')),
  );
  const chains = tables.map(
    (t) => `CREATE TRIGGER ${t.name}_chain AFTER INSERT ON ${t.name} BEGIN
  INSERT INTO journal (tbl, row_key, hash) VALUES ('${t.name}', ${keySql(t, 'NEW.')},
    ledger_chain((SELECT hash FROM journal ORDER BY seq DESC LIMIT 1), ${encodingSql(t, 'NEW.')}));
END;`,
  );
  return `${guards.join('\n')}\n${chains.join('\n')}`;
}

/** Migration 2: the journal, the no-replace guards and the chaining triggers. */
export function chainMigrationSql(): string {
  return `
CREATE TABLE journal (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl TEXT NOT NULL,
  row_key TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (tbl, row_key)
) STRICT;
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
${noReplace('journal', 'seq = NEW.seq OR (tbl = NEW.tbl AND row_key = NEW.row_key)')}
${chainTriggersSql(PAYMENT_TABLES)}`;
}

/** Migration 6 (first half): the shift tables join the journal. */
export function chainShiftTablesSql(): string {
  return chainTriggersSql(SHIFT_TABLES);
}

/**
 * Chains the rows some tables held before they joined the journal, table by table in insertion
 * order, after the journal's head. Runs inside the migration's transaction: either every old
 * row is chained or none is.
 */
export function chainExistingRows(
  db: Database.Database,
  tables: readonly ChainedTable[] = PAYMENT_TABLES,
): void {
  const add = db.prepare('INSERT INTO journal (tbl, row_key, hash) VALUES (?, ?, ?)');
  const head = db.prepare('SELECT hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
    { hash: string } | undefined;
  let previous: string | null = head?.hash ?? null;
  for (const t of tables) {
    const rows = db
      .prepare(`SELECT ${keySql(t)} AS k, ${encodingSql(t)} AS e FROM ${t.name} ORDER BY rowid`)
      .all() as { k: string; e: string }[];
    for (const r of rows) {
      previous = chainHash(previous, r.e);
      add.run(t.name, r.k, previous);
    }
  }
}
