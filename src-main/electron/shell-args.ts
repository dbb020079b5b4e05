import { resolve } from 'node:path';
import type { Result } from '../contract/result';

/** What the Electron shell reads from its command line. */
export interface ShellArgs {
  dataDir: string | null;
  kiosk: boolean | null;
  devTools: boolean;
}

/**
 * Reads our flags from Electron's argv. Chromium and Electron add switches of their own
 * (--no-sandbox, --enable-logging, the app path in development), so unknown arguments are
 * ignored rather than refused, unlike the CLI. Accepts --data-dir DIR, --data-dir=DIR, --kiosk,
 * --no-kiosk and --devtools.
 */
export function parseShellArgs(
  argv: readonly string[],
  cwd = process.cwd(),
): Result<ShellArgs, string> {
  const out: ShellArgs = { dataDir: null, kiosk: null, devTools: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--kiosk') out.kiosk = true;
    else if (arg === '--no-kiosk') out.kiosk = false;
    else if (arg === '--devtools') out.devTools = true;
    else if (arg === '--data-dir' || arg.startsWith('--data-dir=')) {
      const value = arg === '--data-dir' ? argv[++i] : arg.slice('--data-dir='.length);
      if (!value || value.startsWith('--'))
        return { ok: false, error: '--data-dir needs a directory' };
      out.dataDir = resolve(cwd, value);
    }
  }
  return { ok: true, value: out };
}
