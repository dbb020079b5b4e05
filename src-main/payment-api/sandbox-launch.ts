// How a sandbox acquirer is launched and says it is ready: the one place both sides read. The
// launcher (a Node child or an Electron utility process) writes the options into the child's
// environment (so no secret shows in the process list); the sandbox reads them back and prints
// one JSON ready line on stdout, which the launcher waits for.
import { createInterface } from 'node:readline';

/** The merchant every sandbox knows out of the box (the station's default credentials). */
export const SANDBOX_MERCHANT = {
  merchantId: 'M100001',
  key: 'sandbox-merchant-key-not-secret',
} as const;

/** What a launcher may ask of a sandbox. */
export interface SandboxLaunchOptions {
  port: number;
  dataDir: string;
  passwordAbove?: number;
  /** How long proxy payers and merchant QRs wait (ms). */
  waits?: { proxyMs: number; qrMs: number };
  merchantId?: string;
  key?: string;
}

/** The options as the sandbox runs them (see src-sandbox/run-sandbox.ts). */
export interface SandboxRunOptions {
  port: number;
  dataDir: string;
  passwordAbove?: number;
  merchantId?: string;
  key?: string;
  adminToken?: string;
  proxyTimeoutMs?: number;
  qrLifeMs?: number;
}

/** The environment a launcher gives the sandbox process. */
export function sandboxEnv(opts: SandboxLaunchOptions, adminToken: string): Record<string, string> {
  return {
    SANDBOX_PORT: String(opts.port),
    SANDBOX_DATA_DIR: opts.dataDir,
    SANDBOX_ADMIN_TOKEN: adminToken,
    ...(opts.passwordAbove !== undefined
      ? { SANDBOX_PASSWORD_ABOVE: String(opts.passwordAbove) }
      : {}),
    ...(opts.waits ? { SANDBOX_WAITS: `${opts.waits.proxyMs},${opts.waits.qrMs}` } : {}),
    ...(opts.merchantId ? { SANDBOX_MERCHANT_ID: opts.merchantId } : {}),
    ...(opts.key ? { SANDBOX_KEY: opts.key } : {}),
  };
}

/** The sandbox's side of sandboxEnv: its options read back from its environment. */
export function sandboxOptionsFromEnv(env: NodeJS.ProcessEnv): SandboxRunOptions {
  const [proxyTimeoutMs, qrLifeMs] = (env.SANDBOX_WAITS ?? '').split(',').map(Number);
  return {
    port: Number(env.SANDBOX_PORT ?? 0),
    dataDir: env.SANDBOX_DATA_DIR ?? '.',
    passwordAbove: env.SANDBOX_PASSWORD_ABOVE ? Number(env.SANDBOX_PASSWORD_ABOVE) : undefined,
    merchantId: env.SANDBOX_MERCHANT_ID,
    key: env.SANDBOX_KEY,
    adminToken: env.SANDBOX_ADMIN_TOKEN,
    proxyTimeoutMs: proxyTimeoutMs || undefined,
    qrLifeMs: qrLifeMs || undefined,
  };
}

/** The line a sandbox process prints when it is listening (or could not start). */
export type SandboxReadyLine =
  | { ready: true; url: string; port: number; adminToken: string; pid: number }
  | { ready: false; error: string };

/** A running sandbox process, as its launcher holds it. */
export interface SandboxProcess {
  url: string;
  port: number;
  pid: number;
  adminToken: string;
  /** Settles when the process ends, however it ends (the station restarts a sandbox that died). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/** The process a sandbox runs in, as far as waiting for its ready line goes. */
export interface SandboxChild {
  stdout: NodeJS.ReadableStream;
  onExit(fn: (code: number | null, detail: string) => void): void;
  kill(hard: boolean): void;
  running(): boolean;
}

/**
 * Resolves once the sandbox prints its ready line, or rejects with its own reason. Shared by the
 * Node child process and the Electron utility process launchers.
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
