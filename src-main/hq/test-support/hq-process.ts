import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const CLI = join(import.meta.dirname, '..', '..', 'cli', 'countersign.js');

/** `countersign hq serve` as its own process on a fixed port, to kill -9 and start again. */
export interface HqProcess {
  url: string;
  start(): Promise<void>;
  /** SIGKILL: no shutdown, requests in flight are cut. */
  kill(): Promise<void>;
  running(): boolean;
}

export function hqProcess(dbUrl: string, port: number, adminToken: string): HqProcess {
  let child: ChildProcess | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    running: () => child !== null && child.exitCode === null,
    async start() {
      const c = spawn(
        process.execPath,
        [CLI, 'hq', 'serve', '--db', dbUrl, '--port', String(port), '--host', '127.0.0.1'],
        {
          env: { ...process.env, COUNTERSIGN_HQ_ADMIN_TOKEN: adminToken },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child = c;
      let err = '';
      c.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`HQ did not start:\n${err}`)), 30_000);
        c.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`HQ exited with ${code}:\n${err}`));
        });
        createInterface({ input: c.stdout! }).on('line', (line) => {
          if (line.includes('"listening"')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
    },
    async kill() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    },
  };
}
