import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { paymentsConfigSchema } from './config';
import { linkPaymentSystem, type LinkStatus } from './payment-system-link';
import { startSandboxProcess, type SandboxProcessOptions } from './sandbox-process';
import { tempDir } from './test-support/harness';

const tmp = tempDir('cs-link-');
afterAll(() => tmp.cleanup());
const sandboxConfig = (port: number) => paymentsConfigSchema.parse({ sandbox: { port } }).sandbox;

/** Another program holding a port (answers, but is not our sandbox). */
async function squatter(): Promise<Server> {
  const server = createServer((_req, res) => res.writeHead(404).end('not here'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return server;
}

describe('reaching the payment system', () => {
  it('never starts a sandbox on a port another program holds, says so, and starts one once it is free', async () => {
    const other = await squatter();
    const port = (other.address() as AddressInfo).port;
    const starts: SandboxProcessOptions[] = [];
    const seen: LinkStatus[] = [];
    const link = linkPaymentSystem({
      sandbox: sandboxConfig(port),
      dataDir: tmp.dir,
      backoff: { firstMs: 50, maxMs: 200 },
      onStatus: (s) => seen.push(s),
      startSandbox: (o) => {
        starts.push(o);
        return startSandboxProcess(o);
      },
    });
    try {
      await vi.waitFor(() => expect(link.status().state).toBe('unavailable'));
      expect(link.status().message).toContain(`Port ${port} is taken by another program`);
      await new Promise((r) => setTimeout(r, 400));
      expect(starts).toEqual([]);
      await new Promise<void>((r) => other.close(() => r()));
      await link.ready;
      expect(link.status().state).toBe('available');
      expect(starts.map((s) => s.port)).toEqual([port]);
      expect((await fetch(`${link.url()}/health`)).ok).toBe(true);
      expect(seen.map((s) => s.state)).toEqual(['unavailable', 'available']);
    } finally {
      await link.close();
    }
  }, 30_000);

  it('uses our sandbox already answering on the port instead of starting another', async () => {
    const running = await startSandboxProcess({ port: 0, dataDir: tmp.dir });
    const starts: number[] = [];
    const link = linkPaymentSystem({
      sandbox: sandboxConfig(running.port),
      dataDir: tmp.dir,
      startSandbox: (o) => {
        starts.push(o.port);
        return startSandboxProcess(o);
      },
    });
    try {
      await link.ready;
      expect(starts).toEqual([]);
      expect(link.sandbox()).toBeNull();
      expect(link.url()).toBe(running.url);
    } finally {
      await link.close();
      await running.stop();
    }
  }, 30_000);

  it('starts the sandbox again when the one it started dies', async () => {
    const link = linkPaymentSystem({
      sandbox: sandboxConfig(0),
      dataDir: tmp.dir,
      backoff: { firstMs: 50, maxMs: 200 },
      startSandbox: startSandboxProcess,
    });
    try {
      await link.ready;
      const first = link.sandbox()!;
      process.kill(first.pid, 'SIGKILL');
      await vi.waitFor(
        () => {
          expect(link.status().state).toBe('available');
          expect(link.sandbox()?.pid).not.toBe(first.pid);
        },
        { timeout: 15_000 },
      );
    } finally {
      await link.close();
    }
  }, 30_000);
});
