import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  sandboxEnv,
  waitForSandboxReady,
  type SandboxLaunchOptions,
  type SandboxProcess,
} from '../payment-api/sandbox-launch';

export type { SandboxProcess } from '../payment-api/sandbox-launch';

/** The sandbox program's own entry (src-sandbox/), run through tsx when no bundle is given. */
const SANDBOX_MAIN = join(import.meta.dirname, '..', '..', 'src-sandbox', 'sandbox-main.ts');

export interface SandboxProcessOptions extends SandboxLaunchOptions {
  /** A prebuilt JS entry (packaged app); by default the TypeScript entry runs through tsx. */
  entry?: string;
  /** Node (or Electron run as Node) executable; defaults to this process's. */
  execPath?: string;
  startTimeoutMs?: number;
}

/**
 * Spawns the sandbox acquirer as its own process on 127.0.0.1 and resolves once it listens.
 * The child dies with the station (its stdin closes), and stop() ends it with SIGTERM.
 * Rejects with the child's own reason (e.g. the port is taken) when it cannot start.
 */
export function startSandboxProcess(opts: SandboxProcessOptions): Promise<SandboxProcess> {
  const adminToken = randomBytes(16).toString('hex');
  const args = opts.entry ? [opts.entry] : ['--import', 'tsx', SANDBOX_MAIN];
  const child = spawn(opts.execPath ?? process.execPath, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ELECTRON_RUN_AS_NODE: '1',
      COUNTERSIGN_SANDBOX_CHILD: '1',
      ...sandboxEnv(opts, adminToken),
    },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr = (stderr + c).slice(-2000);
  });
  return waitForSandboxReady(
    {
      stdout: child.stdout,
      onExit: (fn) => child.once('exit', (code) => fn(code, stderr.trim())),
      kill: (hard) => child.kill(hard ? 'SIGKILL' : 'SIGTERM'),
      running: () => child.exitCode === null && child.signalCode === null,
    },
    adminToken,
    opts.startTimeoutMs ?? 15_000,
  );
}
