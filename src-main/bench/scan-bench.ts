// Scan → payment request benchmark: `npx tsx src-main/bench/scan-bench.ts`. Needs socat.
// Time from the last byte of a payment code written into a socat serial port to the payment
// request arriving at the payment system, through the whole station (scanner framing, checkout,
// classifier, write-ahead ledger commit, signing, HTTP). A recording proxy in front of the
// sandbox timestamps the request's arrival; the sandbox's own work is not counted.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { parseConfig } from '../config/load-config';
import { socatPair, waitFor } from '../devices/test-support/socat-pair';
import { startSandbox } from '../../src-sandbox/server';
import { createStation } from '../station/create-station';
import { median, writeBenchSection } from './report';

const percentile = (v: number[], p: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((p / 100) * v.length))]!;

/** Forwards every request to `target`, noting when each POST /v1/pay… arrived. */
function recordingProxy(target: string, onPay: (at: number) => void): Promise<Server> {
  const t = new URL(target);
  const server = createServer((req, res) => {
    if (req.method === 'POST' && (req.url ?? '').split('?')[0] === '/v1/payments')
      onPay(performance.now());
    const out = request(
      { host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    req.pipe(out);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

async function main() {
  const runs = 60;
  const dir = mkdtempSync(join(tmpdir(), 'cs-scan-bench-'));
  const pair = socatPair(dir);
  await pair.start();
  const sandbox = await startSandbox({ dbFile: join(dir, 'sandbox.sqlite'), port: 0 });
  let arrived: ((at: number) => void) | null = null;
  const proxy = await recordingProxy(sandbox.url, (at) => arrived?.(at));
  const station = await createStation({
    dataDir: dir,
    config: parseConfig({
      methods: ['code'],
      devices: {
        scanners: [
          { id: 'bench', kind: 'serial', path: pair.device, baudRate: 115200, suffix: 'CR' },
        ],
      },
      payments: { sandbox: { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` } },
    }),
    logger: pino({ level: 'silent' }),
    parts: { capture: false },
  });
  // The scanner opens its port by itself; wait until it reports connected.
  for (let i = 0; i < 100; i++) {
    const health = await station.dispatch('cashier', 'devices.health', {});
    if (health.ok && (health.value as Array<{ connected: boolean }>)[0]?.connected) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const amount = 100 + i;
    const r = await station.dispatch('cashier', 'order.submit', {
      order: {
        lines: [{ id: 'l', name: 'Bench item', quantity: '1', unitPrice: amount, amount }],
        total: amount,
      },
    });
    if (!r.ok) throw new Error(r.error.message);
    await station.dispatch('cashier', 'checkout.send', {
      revision: station.checkout.snapshot().revision,
    });
    await station.dispatch('customer', 'checkout.confirm', {
      revision: station.checkout.snapshot().revision,
    });
    const code = sandbox.acquirer.issueCode('wx-alice')!.code;
    const got = new Promise<number>((resolve) => (arrived = resolve));
    const t0 = performance.now();
    appendFileSync(pair.host, `${code}\r`);
    samples.push((await got) - t0);
    await waitFor(() => station.checkout.snapshot().phase === 'paid', 'paid', 10_000);
    await station.dispatch('cashier', 'checkout.reset', {});
  }
  await station.close();
  await new Promise((r) => proxy.close(r));
  await sandbox.stop();
  await pair.stop();
  rmSync(dir, { recursive: true, force: true });

  const md = `## Scan → payment request

Measured ${new Date().toISOString().slice(0, 16)}Z on this machine by \`npx tsx src-main/bench/scan-bench.ts\`:
from the CR that ends an 18-digit code written into a socat serial port to the pay request
arriving at the payment system (a recording proxy in front of the sandbox), through the whole
station: serial framing, checkout, classifier, write-ahead ledger commit (WAL, synchronous=FULL),
HMAC signing, HTTP. ${runs} payments.

| median ms | p95 ms | max ms |
| --- | --- | --- |
| ${median(samples).toFixed(2)} | ${percentile(samples, 95).toFixed(2)} | ${Math.max(...samples).toFixed(2)} |
`;
  writeBenchSection('scan', md);
  console.log(md);
}

await main();
