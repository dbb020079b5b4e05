import { closeSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A payment stopped because the ledger could not record it; resolved once it can. */
export class LedgerUnavailableError extends Error {}

const WRITE_FAILURES =
  /^(SQLITE_FULL|SQLITE_IOERR|SQLITE_READONLY|SQLITE_CANTOPEN|ENOSPC|EROFS|EIO|EDQUOT)/;

/** True for a failure to write the ledger file (full disk, I/O error), not for a wrong call. */
export function isLedgerWriteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && WRITE_FAILURES.test(code);
}

/** Writes, syncs and removes a small file beside the ledger: is there room again? */
function roomFor(file: string, bytes: number): boolean {
  const probe = join(dirname(file), `.ledger-space-${process.pid}`);
  try {
    const fd = openSync(probe, 'w');
    try {
      writeSync(fd, Buffer.alloc(bytes));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
      unlinkSync(probe);
    }
    return true;
  } catch {
    try {
      unlinkSync(probe);
    } catch {
      // It may never have been created.
    }
    return false;
  }
}

export interface LedgerGuard {
  /** Why new payments are stopped, or null while the ledger takes writes. */
  fault(): string | null;
  /** Records a failed ledger write: stops new payments and starts waiting for space. */
  trip(error: unknown): void;
  close(): void;
}

/**
 * Stops new payments when the ledger cannot be written, and once a probe write beside it
 * succeeds again runs `recover` (resolving what was in flight); a recovery that fails on the
 * ledger again keeps payments stopped and waits on. One rule: no payment is started that the
 * ledger could not record first.
 */
export function createLedgerGuard(opts: {
  file: string;
  retryMs: number;
  recover: () => Promise<void>;
  onChange?: (fault: string | null) => void;
}): LedgerGuard {
  let fault: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const check = async () => {
    timer = null;
    if (closed || fault === null) return;
    // Room for a few pages of WAL and journal, not just one byte.
    if (roomFor(opts.file, 256 * 1024)) {
      try {
        await opts.recover();
        fault = null;
        opts.onChange?.(null);
        return;
      } catch {
        // Still failing (the ledger again, or the service closing): stay stopped, look again.
      }
    }
    if (!closed) timer = setTimeout(() => void check(), opts.retryMs);
  };

  return {
    fault: () => fault,
    trip(error) {
      const code = (error as { code?: string }).code ?? 'error';
      const message = error instanceof Error ? error.message : String(error);
      const next = `The ledger ${opts.file} cannot be written (${code}: ${message}). New payments are stopped until it can; payments in flight are resolved then. Free disk space.`;
      const changed = next !== fault;
      fault = next;
      if (changed) opts.onChange?.(fault);
      if (!timer && !closed) timer = setTimeout(() => void check(), opts.retryMs);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
