import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** Where the station keeps the cashier window's token. */
export const cashierTokenFile = (dataDir: string): string => join(dataDir, 'cashier-token');

/**
 * The cashier page's token, the same across restarts so an open cashier window's reconnect is
 * accepted after the station comes back (a new token locked it out until a reload). Kept in
 * the data directory readable by this user only (0600); a missing or malformed file gets a
 * fresh token, written atomically.
 */
export function loadCashierToken(dataDir: string): string {
  const file = cashierTokenFile(dataDir);
  try {
    const token = readFileSync(file, 'utf8').trim();
    if (TOKEN.test(token)) {
      // Tighten a file someone loosened: the token is the cashier's key.
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      return token;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(24).toString('base64url');
  writeFileSync(`${file}.tmp`, `${token}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return token;
}
