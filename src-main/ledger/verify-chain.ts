import type Database from 'better-sqlite3';
import { CHAINED_TABLES, chainHash, GENESIS, journaledRowSql, keySql } from './chain';
import type { LedgerResult } from './types';

/** A journal that holds: how many rows it chains and the hash at its head. */
export interface ChainHead {
  /** Sequence number of the last journal entry (0: empty). */
  lastEntry: number;
  head: string;
}

/** The first row where the chain breaks. */
export interface ChainBreak {
  code: 'ledger_tampered';
  table: string;
  /** The row's primary key as a JSON array, e.g. `["P20261120…"]`. */
  key: string;
  /** The journal entry, or null for a row the journal never saw. */
  entry: number | null;
  problem: 'changed' | 'missing' | 'unjournaled';
  message: string;
}

const PROBLEM: Record<ChainBreak['problem'], string> = {
  changed: 'does not match its hash: it was changed after it was written',
  missing: 'is in the journal but no longer in the table: it was removed',
  unjournaled: 'is not in the journal: it was added behind the ledger’s back',
};

const breakAt = (
  table: string,
  key: string,
  entry: number | null,
  problem: ChainBreak['problem'],
): { ok: false; error: ChainBreak } => ({
  ok: false,
  error: {
    code: 'ledger_tampered',
    table,
    key,
    entry,
    problem,
    message: `${table} row ${key}${entry === null ? '' : ` (journal entry ${entry})`} ${PROBLEM[problem]}`,
  },
});

/** One pass over the journal: each entry's row, re-encoded now, must hash to what it says. */
const WALK_SQL = `SELECT j.seq, j.tbl, j.row_key, j.hash, ${journaledRowSql('j')}
 AS enc FROM journal j WHERE j.seq > ? ORDER BY j.seq`;

/**
 * Checks the journal from entry `after` (whose hash is `previous`) to its head, then, on a full
 * pass, that every row of every chained table is in the journal. Returns the first break.
 */
export function verifyChain(
  db: Database.Database,
  after = 0,
  previous = GENESIS,
): LedgerResult<ChainHead, ChainBreak> {
  let head = previous;
  let last = after;
  const walk = db.prepare(WALK_SQL).iterate(after) as IterableIterator<{
    seq: number;
    tbl: string;
    row_key: string;
    hash: string;
    enc: string | null;
  }>;
  for (const e of walk) {
    if (e.enc === null) return breakAt(e.tbl, e.row_key, e.seq, 'missing');
    const expected = chainHash(head, e.enc);
    if (expected !== e.hash) return breakAt(e.tbl, e.row_key, e.seq, 'changed');
    head = e.hash;
    last = e.seq;
  }
  if (after === 0) {
    for (const t of CHAINED_TABLES) {
      const stray = db
        .prepare(
          `SELECT ${keySql(t)} AS k FROM ${t.name} WHERE ${keySql(t)} NOT IN
             (SELECT row_key FROM journal WHERE tbl = ?) LIMIT 1`,
        )
        .get(t.name) as { k: string } | undefined;
      if (stray) return breakAt(t.name, stray.k, null, 'unjournaled');
    }
  }
  return { ok: true, value: { lastEntry: last, head } };
}

/**
 * verifyChain for a long-lived connection, without re-reading a year of rows for every report:
 * while no other connection has written (PRAGMA data_version unchanged) only the entries this
 * connection appended since the last pass are checked; any outside write means a full pass.
 */
export function createChainCheck(db: Database.Database): () => LedgerResult<ChainHead, ChainBreak> {
  let verified: { dataVersion: number; seq: number; head: string } | null = null;
  return () => {
    const dataVersion = db.pragma('data_version', { simple: true }) as number;
    const from = verified?.dataVersion === dataVersion ? verified : null;
    const result = verifyChain(db, from?.seq ?? 0, from?.head ?? GENESIS);
    verified = result.ok
      ? { dataVersion, seq: result.value.lastEntry, head: result.value.head }
      : null;
    return result;
  };
}

/**
 * Thrown by reports and reconciliation instead of presenting figures from a ledger whose
 * journal does not verify (their signatures return the figures themselves, so a refusal cannot
 * be a null: that already means "not a date").
 */
export class LedgerTamperedError extends Error {
  constructor(
    readonly file: string,
    readonly chainBreak: ChainBreak,
  ) {
    super(
      `the ledger ${file} fails verification, so it shows no figures: ${chainBreak.message}. ` +
        `Restore the file from a backup (countersign ledger verify names the first bad row)`,
    );
  }
}
