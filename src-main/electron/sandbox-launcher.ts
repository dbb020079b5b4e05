import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { utilityProcess } from 'electron';
import {
  sandboxEnv,
  waitForSandboxReady,
  type SandboxProcess,
} from '../payment-api/sandbox-launch';
import type { SandboxProcessOptions } from '../payments/sandbox-process';

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
      ...sandboxEnv(opts, adminToken),
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
