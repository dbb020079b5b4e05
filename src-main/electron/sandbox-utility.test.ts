import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

// The packaged app starts the sandbox from the bundled sandbox-utility.cjs in a utility
// process. That bundle is plain Node, so it is run here as a child to prove it starts, listens,
// answers, and stops on SIGTERM.
const outDir = mkdtempSync(join(tmpdir(), 'cs-sandbox-utility-'));
const dataDir = mkdtempSync(join(tmpdir(), 'cs-sandbox-utility-data-'));

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['src-main/electron/build.mjs', '--out-dir', outDir]);
}, 60_000);
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

it('the bundled sandbox entry starts, serves the wallet page and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, [join(outDir, 'main', 'sandbox-utility.cjs')], {
    // Native modules stay outside the bundle; a packaged app finds them in app.asar.unpacked.
    env: {
      ...process.env,
      NODE_PATH: resolve('node_modules'),
      SANDBOX_PORT: '0',
      SANDBOX_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((r) =>
    createInterface({ input: child.stdout! }).once('line', r),
  );
  const ready = JSON.parse(line) as { ready: boolean; url: string };
  expect(ready.ready).toBe(true);
  const wallet = await fetch(`${ready.url}/wallet/wx-alice`);
  expect(wallet.status).toBe(200);
  expect(await wallet.text()).toContain('data-code=');
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 60_000);
