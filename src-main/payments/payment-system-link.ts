import { healthAnswerSchema, SANDBOX_SERVICE } from '../payment-api/api-schema';
import type { PaymentsConfig } from './config';
import type { SandboxProcess, SandboxProcessOptions } from './sandbox-process';

/** Whether the station can reach its payment system, and if not, why (for both windows). */
export interface LinkStatus {
  state: 'connecting' | 'available' | 'unavailable';
  message: string;
  since: number;
}

/** What answers at an address: our sandbox, another program, or nothing. */
export type Probe =
  | { kind: 'ours' }
  | { kind: 'other'; detail: string }
  | { kind: 'silent'; detail: string }
  | { kind: 'free' };

/** Asks `url/health` who is there; a short timeout, since a hung listener is an answer too. */
export async function probe(url: string, timeoutMs = 1000): Promise<Probe> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON: certainly not our sandbox.
    }
    const health = healthAnswerSchema.safeParse(json);
    if (res.ok && health.success && health.data.service === SANDBOX_SERVICE)
      return { kind: 'ours' };
    return {
      kind: 'other',
      detail: `HTTP ${res.status} ${text.slice(0, 60).replace(/\s+/g, ' ')}`,
    };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    if (e.cause?.code === 'ECONNREFUSED') return { kind: 'free' };
    if (e.name === 'TimeoutError')
      return { kind: 'silent', detail: `no answer within ${timeoutMs} ms` };
    return { kind: 'silent', detail: e.cause?.code ?? e.message };
  }
}

export interface PaymentSystemLink {
  /** The payment API's base address (known at once unless the sandbox takes any free port). */
  url(): string;
  status(): LinkStatus;
  /** Resolves the first time the payment system answers (never rejects; close() ends waiting). */
  ready: Promise<void>;
  /** The sandbox this station started, if it started one. */
  sandbox(): SandboxProcess | null;
  close(): Promise<void>;
}

export interface LinkOptions {
  sandbox: PaymentsConfig['sandbox'];
  dataDir: string;
  /** Start the sandbox on a free port instead of the configured one (CLI one-shots). */
  anyPort?: boolean;
  startSandbox: (options: SandboxProcessOptions) => Promise<SandboxProcess>;
  onStatus?: (status: LinkStatus) => void;
  /** First retry delay and the ceiling it doubles up to. */
  backoff?: { firstMs: number; maxMs: number };
  now?: () => number;
}

/**
 * Reaches the payment system and keeps reaching it: a configured url is waited for; otherwise
 * the embedded sandbox's port is asked first. Our sandbox answering there (one left from an
 * earlier run, or started by hand) is used; a port held by another program is reported as such
 * and never started on; a free port gets a new sandbox. Every failure is retried with backoff,
 * and a sandbox this station started that dies is started again.
 */
export function linkPaymentSystem(opts: LinkOptions): PaymentSystemLink {
  const sb = opts.sandbox;
  const now = opts.now ?? Date.now;
  const backoff = opts.backoff ?? { firstMs: 250, maxMs: 5000 };
  let url = sb.url ?? `http://127.0.0.1:${sb.port}`;
  let sandbox: SandboxProcess | null = null;
  let closed = false;
  let wake: (() => void) | null = null;
  let status: LinkStatus = {
    state: 'connecting',
    message: 'Connecting to the payment system',
    since: now(),
  };
  const set = (state: LinkStatus['state'], message: string) => {
    if (status.state === state && status.message === message) return;
    status = { state, message, since: now() };
    opts.onStatus?.(status);
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  /** One try; true when the payment system answers. */
  const attempt = async (): Promise<boolean> => {
    if (sb.url || !sb.enabled) {
      const p = await probe(url);
      // Not ours to start: whatever answers there is the payment system.
      if (p.kind === 'ours' || p.kind === 'other') return true;
      set(
        'unavailable',
        `The payment system at ${url} does not answer (${p.kind === 'free' ? 'connection refused' : 'detail' in p ? p.detail : ''})`,
      );
      return false;
    }
    const p: Probe = sb.port !== 0 ? await probe(url) : { kind: 'free' };
    if (p.kind === 'ours') return true;
    // A one-shot CLI command starts its own sandbox on any free port instead of waiting.
    if (!opts.anyPort && p.kind === 'other') {
      set(
        'unavailable',
        `Port ${sb.port} is taken by another program (it answered ${p.detail}), so the sandbox cannot start there; set payments.sandbox.port to a free port`,
      );
      return false;
    }
    if (!opts.anyPort && p.kind === 'silent') {
      set(
        'unavailable',
        `Port ${sb.port} is taken by a program that does not answer (${p.detail})`,
      );
      return false;
    }
    try {
      const started = await opts.startSandbox({
        port: opts.anyPort ? 0 : sb.port,
        dataDir: opts.dataDir,
        passwordAbove: sb.passwordAbove,
        waits: { proxyMs: sb.proxyTimeoutMs, qrMs: sb.qrLifeMs },
        merchantId: sb.merchantId,
        key: sb.key,
      });
      if (closed) {
        await started.stop();
        return false;
      }
      sandbox = started;
      url = started.url;
      return true;
    } catch (error) {
      // Another process may have taken the port between the probe and the start: ask again.
      set(
        'unavailable',
        `The sandbox payment system could not start: ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
  };

  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const run = async () => {
    while (!closed) {
      let delay = backoff.firstMs;
      while (!closed && !(await attempt())) {
        await sleep(delay);
        delay = Math.min(delay * 2, backoff.maxMs);
      }
      if (closed) return;
      set('available', `Payments available at ${url}`);
      markReady();
      const owned = sandbox;
      if (!owned) return;
      await owned.exited;
      if (closed) return;
      sandbox = null;
      set('unavailable', 'The sandbox payment system stopped; starting it again');
    }
  };
  const running = run();

  return {
    url: () => url,
    status: () => status,
    ready,
    sandbox: () => sandbox,
    async close() {
      closed = true;
      wake?.();
      // Stopping the sandbox first lets the loop, which may be waiting on its exit, return.
      await sandbox?.stop();
      await running;
      await sandbox?.stop();
    },
  };
}
