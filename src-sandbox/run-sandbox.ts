import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxReadyLine, SandboxRunOptions } from '../src-main/payment-api/sandbox-launch';
import { startSandbox, type Sandbox } from './server';

/**
 * Starts the sandbox in this process, prints the ready line as JSON, and stops cleanly on
 * SIGTERM/SIGINT. Shared by `countersign sandbox` and the child process the station spawns.
 */
export async function runSandboxUntilSignal(
  opts: SandboxRunOptions,
  out: NodeJS.WritableStream,
): Promise<number> {
  let sandbox: Sandbox;
  try {
    mkdirSync(opts.dataDir, { recursive: true });
    sandbox = await startSandbox({
      port: opts.port,
      dbFile: join(opts.dataDir, 'sandbox.sqlite'),
      passwordAbove: opts.passwordAbove,
      adminToken: opts.adminToken,
      proxyTimeoutMs: opts.proxyTimeoutMs,
      qrLifeMs: opts.qrLifeMs,
      merchants: opts.merchantId && opts.key ? [{ id: opts.merchantId, key: opts.key }] : undefined,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const message =
      e.code === 'EADDRINUSE'
        ? `port ${opts.port} on 127.0.0.1 is already in use (is another sandbox running?)`
        : e.message;
    out.write(`${JSON.stringify({ ready: false, error: message } satisfies SandboxReadyLine)}\n`);
    return 1;
  }
  const line: SandboxReadyLine = {
    ready: true,
    url: sandbox.url,
    port: sandbox.port,
    adminToken: sandbox.adminToken,
    pid: process.pid,
  };
  out.write(`${JSON.stringify(line)}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    // The station closes our stdin when it goes away, even if it is killed: don't outlive it.
    if (process.env.COUNTERSIGN_SANDBOX_CHILD === '1') process.stdin.once('end', stop).resume();
  });
  await sandbox.stop();
  return 0;
}
