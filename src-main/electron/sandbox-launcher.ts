import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { utilityProcess } from 'electron';
import {
  waitForSandboxReady,
  type SandboxProcess,
  type SandboxProcessOptions,
} from '../payments/sandbox/sandbox-process';

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
  if (!child.stdout) {
    child.kill();
    return Promise.reject(new Error('the sandbox utility process has no stdout'));
  }
  let exited = false;
  child.once('exit', () => (exited = true));
  return waitForSandboxReady(
    {
      stdout: child.stdout,
      onExit: (fn) => child.once('exit', (code) => fn(code, '')),
      kill: () => child.kill(),
      running: () => !exited,
    },
    adminToken,
    opts.startTimeoutMs ?? 15_000,
  );
}
