import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The data directory cannot hold the station's files; the message names it and says why. */
export class DataDirError extends Error {}

const REASONS: Record<string, string> = {
  EROFS: 'is on a read-only file system',
  EACCES: 'is not writable by this user',
  EPERM: 'is not writable by this user',
  ENOTDIR: 'is not a directory',
  EEXIST: 'is not a directory',
};

/**
 * Proves the data directory takes writes before anything starts: the ledger, logs, pairing and
 * checkout state all live there, and a station that said "ready" and then died on its first
 * write left the cashier guessing. Creates the directory when missing.
 */
export function checkDataDir(dir: string): void {
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(probe, 'w');
    try {
      writeSync(fd, 'ok');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    unlinkSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // A full disk is no reason to stay down: the station starts and stops payments itself
    // until there is room, and resolves what is open then.
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      rmSync(probe, { force: true });
      return;
    }
    const why = REASONS[code] ?? `cannot be written (${code || String(error)})`;
    throw new DataDirError(
      `The data directory ${dir} ${why}: the station keeps its ledger, logs and settings there. ` +
        'Make it writable, or start with --data-dir pointing to a writable directory.',
    );
  }
}
