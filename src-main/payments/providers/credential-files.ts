import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Result } from '../../contract/result';

export type FileResult = Result<string, string>;

/**
 * Reads a credential file named in config (relative to the data directory). Secrets (API keys,
 * private keys) must not be readable by group or others: a key other users can read is a key
 * someone else may already hold, so the provider is stopped rather than run with it.
 * Error sentences name the file, never its content.
 */
export function readCredentialFile(
  dataDir: string,
  name: string,
  what: string,
  secret: boolean,
): FileResult {
  const file = isAbsolute(name) ? name : join(dataDir, name);
  let mode: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { ok: false, error: `${what} ${file} is not a file` };
    mode = st.mode;
  } catch {
    return { ok: false, error: `${what} ${file} is missing` };
  }
  // Windows has no POSIX modes to check; its ACLs are the installer's business.
  if (secret && process.platform !== 'win32' && (mode & 0o077) !== 0) {
    return {
      ok: false,
      error: `${what} ${file} can be read by other users (mode ${(mode & 0o777).toString(8)}); run chmod 600 on it`,
    };
  }
  try {
    const text = readFileSync(file, 'utf8').trim();
    return text ? { ok: true, value: text } : { ok: false, error: `${what} ${file} is empty` };
  } catch {
    return { ok: false, error: `${what} ${file} cannot be read` };
  }
}
