import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { SandboxReadyLine } from './run-sandbox';

export interface SandboxProcessOptions {
  port: number;
  dataDir: string;
  passwordAbove?: number;
  /** How long proxy payers and merchant QRs wait (ms). */
  waits?: { proxyMs: number; qrMs: number };
  merchantId?: string;
  key?: string;
  /** A prebuilt JS entry (packaged app); by default the TypeScript entry runs through tsx. */
  entry?: string;
  /** Node (or Electron run as Node) executable; defaults to this process's. */
  execPath?: string;
  startTimeoutMs?: number;
}

export interface SandboxProcess {
  url: string;
  port: number;
  pid: number;
  adminToken: string;
  /** Settles when the process ends, however it ends (the station restarts a sandbox that died). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Spawns the sandbox acquirer as its own process on 127.0.0.1 and resolves once it listens.
 * The child dies with the station (its stdin closes), and stop() ends it with SIGTERM.
 * Rejects with the child's own reason (e.g. the port is taken) when it cannot start.
 */
export function startSandboxProcess(opts: SandboxProcessOptions): Promise<SandboxProcess> {
  const adminToken = randomBytes(16).toString('hex');
  const args = opts.entry
    ? [opts.entry]
    : ['--import', 'tsx', join(import.meta.dirname, 'sandbox-main.ts')];
  const child = spawn(opts.execPath ?? process.execPath, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ELECTRON_RUN_AS_NODE: '1',
      COUNTERSIGN_SANDBOX_CHILD: '1',
      SANDBOX_PORT: String(opts.port),
      SANDBOX_DATA_DIR: opts.dataDir,
      SANDBOX_ADMIN_TOKEN: adminToken,
      ...(opts.passwordAbove !== undefined
        ? { SANDBOX_PASSWORD_ABOVE: String(opts.passwordAbove) }
        : {}),
      ...(opts.waits ? { SANDBOX_WAITS: `${opts.waits.proxyMs},${opts.waits.qrMs}` } : {}),
      ...(opts.merchantId ? { SANDBOX_MERCHANT_ID: opts.merchantId } : {}),
      ...(opts.key ? { SANDBOX_KEY: opts.key } : {}),
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

/** The process a sandbox runs in, as far as waiting for its ready line goes. */
export interface SandboxChild {
  stdout: NodeJS.ReadableStream;
  onExit(fn: (code: number | null, detail: string) => void): void;
  kill(hard: boolean): void;
  running(): boolean;
}

/**
 * Resolves once the sandbox prints its ready line (see run-sandbox.ts), or rejects with its own
 * reason. Shared by the Node child process and the Electron utility process launchers.
 */
export function waitForSandboxReady(
  child: SandboxChild,
  adminToken: string,
  timeoutMs: number,
): Promise<SandboxProcess> {
  const exited = new Promise<void>((resolve) => child.onExit(() => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill(true);
      reject(new Error(`the sandbox did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.onExit((code, detail) => {
      clearTimeout(timer);
      reject(new Error(`the sandbox exited (${code}) before it was ready: ${detail}`));
    });
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
        pid: line.pid,
        adminToken,
        exited,
        stop: async () => {
          if (child.running()) child.kill(false);
          await exited;
        },
      });
    });
  });
}
