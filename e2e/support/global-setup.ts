import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Builds the windows (and HQ's page) when they have not been built, so there are pages to serve. */
export default function globalSetup(): void {
  const built = ['cashier', 'customer', 'hq'].every((w) =>
    existsSync(join(repo, 'out', 'renderer', w, 'index.html')),
  );
  if (built && !process.env.E2E_REBUILD) return;
  execFileSync(
    process.execPath,
    [join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.config.ts'],
    {
      cwd: repo,
      stdio: 'inherit',
    },
  );
}
