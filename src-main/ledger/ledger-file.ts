import Database from 'better-sqlite3';
import { registerChainFunction } from './chain';
import { migrations } from './migrations';
import type { LedgerResult } from './types';

/** Why a ledger file could not be opened; the message names the file. */
export interface LedgerOpenError {
  code: 'ledger_damaged' | 'ledger_unopenable';
  file: string;
  message: string;
}

/** Applies pending migrations inside one transaction each. */
function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations.filter((x) => x.version > current)) {
    db.transaction(() => {
      db.exec(m.sql);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/**
 * Opens the ledger's SQLite file: WAL, the durability asked for, then PRAGMA quick_check
 * before anything is read or written, so a damaged file is refused by name instead of quietly
 * feeding wrong figures; then the chain function and pending migrations.
 */
export function openLedgerDb(
  file: string,
  synchronous: 'FULL' | 'NORMAL',
): LedgerResult<Database.Database, LedgerOpenError> {
  let db: Database.Database | null = null;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    // Another station process (CLI next to the app) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    const problems = (db.pragma('quick_check(5)') as { quick_check: string }[])
      .map((r) => r.quick_check)
      .filter((p) => p !== 'ok');
    if (problems.length > 0) {
      db.close();
      return {
        ok: false,
        error: {
          code: 'ledger_damaged',
          file,
          message: `the ledger file ${file} is damaged (${problems.join('; ')}); restore it from a backup`,
        },
      };
    }
    registerChainFunction(db);
    migrate(db);
    return { ok: true, value: db };
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string }).code ?? '';
    const damaged = code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
    return {
      ok: false,
      error: {
        code: damaged ? 'ledger_damaged' : 'ledger_unopenable',
        file,
        message: damaged
          ? `the ledger file ${file} is damaged (${reason}); restore it from a backup`
          : `the ledger file ${file} cannot be opened: ${reason}`,
      },
    };
  }
}
