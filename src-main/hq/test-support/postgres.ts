import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real PostgreSQL for tests: initdb + pg_ctl on a temporary directory and a free port.

/** Where initdb and pg_ctl are (PATH, then Debian's /usr/lib/postgresql/N/bin), or null. */
export function findPostgresBin(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const onPath = which.stdout.trim();
  if (which.status === 0 && onPath) return join(onPath, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions)
    if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  return null;
}

/** Why PostgreSQL tests are skipped on this machine, or null when they can run. */
export const postgresMissing: string | null = findPostgresBin()
  ? null
  : "initdb not found: install Debian's postgresql package (bash .ci/debian-packages) to run the HQ tests";

/** A port nothing listens on now (for a server to start on, and restart on, later). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface TestPostgres {
  url: string;
  /** Stops the server at once (as a crash would) and starts it again on the same port. */
  restart(mode?: 'immediate' | 'fast'): void;
  stop(): void;
}

/**
 * Starts a throwaway PostgreSQL; as root it runs as the `postgres` user, which initdb needs.
 * Tests run it without fsync (nothing to keep); `durable` keeps PostgreSQL's defaults (fsync,
 * synchronous commit), as a production HQ runs, for benchmarks.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresMissing ?? 'no PostgreSQL');
  const dir = mkdtempSync(join(tmpdir(), 'cs-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o777);
  }
  const run = (tool: string, args: string[]) => {
    const cmd = asRoot
      ? (['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] as const)
      : ([join(bin, tool), args] as const);
    execFileSync(cmd[0], [...cmd[1]], { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir });
  };
  run('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  const port = await freePort();
  const fast = options.durable
    ? ''
    : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${fast}`;
  const start = () =>
    run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
  const stop = (mode: string) => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart(mode = 'immediate') {
      stop(mode);
      start();
    },
    stop() {
      try {
        stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
