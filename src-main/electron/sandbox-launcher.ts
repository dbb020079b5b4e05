import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { utilityProcess } from 'electron';
import type { SandboxReadyLine } from '../payments/sandbox/run-sandbox';
import type { SandboxProcess, SandboxProcessOptions } from '../payments/sandbox/sandbox-process';

/**
 * Starts the embedded sandbox acquirer in an Electron utility process: its own OS process, as
 * the design asks, without running the app binary as Node (a fuse forbids that).
 */
export function startSandboxUtility(opts: SandboxProcessOptions): Promise<SandboxProcess> {
  const adminToken = randomBytes(16).toString('hex');
  const child = utilityProcess.fork(opts.entry ?? join(__dirname, 'sandbox-utility.cjs'), [], {
    serviceName: 'Countersign payment sandbox',
    stdio: 'pipe',
    env: {
      ...process.env,
      SANDBOX_PORT: String(opts.port),
      SANDBOX_DATA_DIR: opts.dataDir,
      SANDBOX_ADMIN_TOKEN: adminToken,
      ...(opts.passwordAbove !== undefined
        ? { SANDBOX_PASSWORD_ABOVE: String(opts.passwordAbove) }
        : {}),
      ...(opts.merchantId ? { SANDBOX_MERCHANT_ID: opts.merchantId } : {}),
      ...(opts.key ? { SANDBOX_KEY: opts.key } : {}),
    },
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => ((exited = true), resolve())),
  );
  return new Promise((resolve, reject) => {
    const timeoutMs = opts.startTimeoutMs ?? 15_000;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the sandbox did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited (${code}) before it was ready`));
    });
    if (!child.stdout) return reject(new Error('the sandbox utility process has no stdout'));
    createInterface({ input: child.stdout }).once('line', (text) => {
      clearTimeout(timer);
      let line: SandboxReadyLine;
      try {
        line = JSON.parse(text) as SandboxReadyLine;
      } catch {
        return reject(new Error(`the sandbox printed ${text.slice(0, 200)}`));
      }
      if (!line.ready) return reject(new Error(`the sandbox could not start: ${line.error}`));
      resolve({
        url: line.url,
        port: line.port,
        pid: child.pid ?? line.pid,
        adminToken,
        stop: async () => {
          if (!exited) child.kill();
          await exit;
        },
      });
    });
  });
}
