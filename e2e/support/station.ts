import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A running `countersign serve` with its own temporary data directory. */
export interface Station {
  url: string;
  cashierUrl: string;
  customerUrl: string;
  wsUrl: string;
  dataDir: string;
  /** What the station wrote on stderr so far, for failure messages. */
  stderr(): string;
}

/** The config the e2e station runs with: a named store so the idle screen has something to show. */
export const E2E_CONFIG = {
  currency: 'CNY',
  store: { name: 'Corner Market', message: 'Fresh bread every morning' },
  customer: { language: 'en' },
  // A free port for each station's sandbox acquirer, and a light OCR pool: e2e stations start
  // and stop once per test.
  payments: { sandbox: { port: 0 } },
  ocr: { languages: ['eng'], workers: 1, warmUp: false },
};

/** Where and how to start a station; a restart passes the same data directory and port. */
export interface StartOptions {
  dataDir?: string;
  port?: number;
}

/** Starts the station and resolves once it printed its `listening` line. */
export async function startStation(
  config: object = E2E_CONFIG,
  options: StartOptions = {},
): Promise<{ station: Station; stop(opts?: { keepData?: boolean }): Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'countersign-e2e-'));
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify(config));
  const port = String(options.port ?? 0);
  const child: ChildProcess = spawn(
    process.execPath,
    [join(repo, 'src-main/cli/countersign.js'), 'serve', '--port', port, '--data-dir', dataDir],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`station did not start in 30 s:\n${err}`)),
      30_000,
    );
    child.once('exit', (code) => reject(new Error(`station exited with ${code}:\n${err}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const msg = JSON.parse(line) as { event?: string; url?: string };
        if (msg.event === 'listening' && msg.url) {
          clearTimeout(timer);
          resolve(msg.url);
        }
      } catch {
        // Not every stdout line is ours to read; only the JSON `listening` line matters.
      }
    });
  });
  // A station that dies in the middle of a test takes its reason with it unless it is printed;
  // Playwright shows a failing test's stderr.
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping)
      console.error(`station exited unexpectedly (${code ?? signal}):\n${err.slice(-4000)}`);
  });
  const station: Station = {
    url,
    cashierUrl: `${url}/cashier/`,
    customerUrl: `${url}/customer/`,
    wsUrl: `${url.replace(/^http/, 'ws')}/ws`,
    dataDir,
    stderr: () => err,
  };
  const stop = async (opts: { keepData?: boolean } = {}) => {
    stopping = true;
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
  };
  return { station, stop };
}

/** Playwright test with a fresh station per test; `test.use({ stationConfig })` changes its config. */
export const test = base.extend<{ stationConfig: object; station: Station }>({
  stationConfig: [E2E_CONFIG, { option: true }],
  station: async ({ stationConfig }, use) => {
    const { station, stop } = await startStation(stationConfig);
    await use(station);
    await stop();
  },
});
export { expect } from '@playwright/test';
