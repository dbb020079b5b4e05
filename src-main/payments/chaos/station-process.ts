import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', 'cli', 'countersign.js');

/** A `countersign serve` process, as a store runs it. */
export interface StationProcess {
  url: string;
  pid: number;
  /** When it printed its listening line (epoch ms): "the station is back". */
  backAt: number;
  exited: Promise<number | null>;
  killHard(): Promise<void>;
  stop(): Promise<void>;
  stderr(): string;
}

/** Starts `countersign serve` and resolves on its listening line, or rejects with its stderr. */
export function startServe(opts: {
  dataDir: string;
  port: number;
  pagesDir: string;
  timeoutMs?: number;
}): Promise<StationProcess> {
  const args = [CLI, 'serve', '--port', String(opts.port), '--data-dir', opts.dataDir];
  args.push('--pages', opts.pagesDir, '--no-pairing');
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, COUNTERSIGN_LOG_LEVEL: 'warn' },
  });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err = (err + c).slice(-20_000)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start in time:\n${err.slice(-3000)}`));
    }, opts.timeoutMs ?? 60_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening:\n${err.slice(-3000)}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      let msg: { event?: string; url?: string } = {};
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        return;
      }
      if (msg.event !== 'listening' || !msg.url) return;
      clearTimeout(timer);
      resolve({
        url: msg.url,
        pid: child.pid!,
        backAt: Date.now(),
        exited,
        stderr: () => err,
        async killHard() {
          child.kill('SIGKILL');
          await exited;
        },
        async stop() {
          child.kill('SIGTERM');
          const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(t);
        },
      });
    });
  });
}
