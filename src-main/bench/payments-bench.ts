// Payments benchmark (`npx tsx src-main/bench/payments-bench.ts`): the station's own time per
// payment with the sandbox's share taken out, and the ledger's durable commits per second with
// WAL synchronous=FULL vs NORMAL. Writes its section of docs/benchmarks.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Order } from '../contract/order';
import { openLedger } from '../ledger/open-ledger';
import type { PaymentGateway } from '../payments/gateway';
import { createProviderRegistry } from '../payments/gateway';
import { createHttpGateway } from '../payments/http-gateway';
import { createPaymentService } from '../payments/payment-service';
import { SANDBOX_MERCHANT } from '../payment-api/sandbox-launch';
import { startSandboxProcess } from '../payments/sandbox-process';
import { median, writeBenchSection } from './report';
import { paymentsConfigSchema } from '../payments/config';

const DEFAULT_ROUTING = paymentsConfigSchema.parse({}).routing;

const PAYMENTS = 200;
const COMMIT_SECONDS = 3;
const dir = mkdtempSync(join(tmpdir(), 'cs-paybench-'));
const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const f = (n: number) => n.toFixed(2);

/** Wraps a gateway so the time spent waiting on the provider is summed per call. */
function timed(g: PaymentGateway, spent: { ms: number }): PaymentGateway {
  const wrap =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A) => {
      const t = performance.now();
      try {
        return await fn(...a);
      } finally {
        spent.ms += performance.now() - t;
      }
    };
  return {
    name: g.name,
    pay: wrap(g.pay),
    query: wrap(g.query),
    reverse: wrap(g.reverse),
    refund: wrap(g.refund),
    statement: wrap(g.statement),
  };
}

async function stationTime(synchronous: 'FULL' | 'NORMAL') {
  // The sandbox runs as its own process, as in the app, so its CPU is not the station's.
  const sandbox = await startSandboxProcess({ port: 0, dataDir: dir, passwordAbove: 1e9 });
  const ledger = openLedger(join(dir, `ledger-${synchronous}.sqlite`), { synchronous });
  const spent = { ms: 0 };
  const gateway = timed(
    createHttpGateway({
      url: sandbox.url,
      merchantId: SANDBOX_MERCHANT.merchantId,
      key: SANDBOX_MERCHANT.key,
      timeoutMs: 10_000,
    }),
    spent,
  );
  const service = createPaymentService({
    ledger,
    providers: createProviderRegistry([gateway]),
    config: {
      // The config's default: every platform to the sandbox.
      routing: DEFAULT_ROUTING,
      queryIntervalMs: 3_000,
      deadlineMs: 45_000,
      reverseRetryMs: 3_000,
    },
  });
  const total: number[] = [];
  const own: number[] = [];
  const provider: number[] = [];
  for (let i = 0; i < PAYMENTS + 20; i++) {
    const res = await fetch(`${sandbox.url}/admin/accounts/wx-alice/codes`, {
      method: 'POST',
      headers: { 'x-cs-admin': sandbox.adminToken },
    });
    const { code } = (await res.json()) as { code: string };
    const order: Order = {
      id: `bench-${i}`,
      currency: 'CNY',
      lines: [{ id: '1', name: 'Item', quantity: '1', unitPrice: 100, amount: 100 }],
      adjustments: [],
      total: 100,
      source: 'manual',
      warnings: [],
    };
    spent.ms = 0;
    const t = performance.now();
    const out = await service.pay(order, { kind: 'payment_code', code, platform: 'wechat' });
    const elapsed = performance.now() - t;
    if (out.status !== 'paid') throw new Error(`payment ${i} ended ${out.status}`);
    if (i < 20) continue; // warm-up: JIT, connection, statement caches
    total.push(elapsed);
    provider.push(spent.ms);
    own.push(elapsed - spent.ms);
  }
  service.close();
  ledger.close();
  await sandbox.stop();
  return { total, own, provider };
}

function commitsPerSecond(synchronous: 'FULL' | 'NORMAL') {
  const ledger = openLedger(join(dir, `commits-${synchronous}.sqlite`), { synchronous });
  const order: Order = {
    id: 'o0',
    currency: 'CNY',
    lines: [],
    adjustments: [],
    total: 100,
    source: 'manual',
    warnings: [],
  };
  let commits = 0;
  const end = performance.now() + COMMIT_SECONDS * 1000;
  const start = performance.now();
  // One payment's worth of commits per loop: order, attempt (write-ahead), sending, final.
  for (let i = 0; performance.now() < end; i++) {
    const a = ledger.recordOrderAndBeginAttempt(
      { ...order, id: `o${i}` },
      {
        orderId: `o${i}`,
        amount: 100,
        currency: 'CNY',
        method: 'code',
        platform: 'wechat',
        provider: 'sandbox',
        credentialHint: 'bench',
      },
    );
    if (!a.ok) throw new Error(a.error.message);
    ledger.appendAttemptEvent(a.value.id, 'sending');
    ledger.appendAttemptEvent(a.value.id, 'failed', { reason: 'bench' });
    commits += 3;
  }
  const seconds = (performance.now() - start) / 1000;
  ledger.close();
  return { commits, perSecond: commits / seconds, paymentsPerSecond: commits / 3 / seconds };
}

const times = await stationTime('FULL');
const timesNormal = await stationTime('NORMAL');
const full = commitsPerSecond('FULL');
const normal = commitsPerSecond('NORMAL');
rmSync(dir, { recursive: true, force: true });

const row = (name: string, v: number[]) =>
  `| ${name} | ${f(median(v))} | ${f(pct(v, 95))} | ${f(Math.max(...v))} |`;
const md = `## Payments

Measured ${new Date().toISOString().slice(0, 16)}Z on this machine (2 shared cores) by
\`npx tsx src-main/bench/payments-bench.ts\`.

### Station's own time per payment

${PAYMENTS} sequential payments (after 20 warm-up) through \`createPaymentService\` → HTTP →
the sandbox running as its own process; provider and total rows are from the FULL run. "Waiting on the
provider" is the time inside gateway calls (HTTP, signing, the sandbox's own work);
"station's own" is the rest: validation, the ledger's write-ahead and state commits,
orchestration.

| ms per payment | median | p95 | max |
| --- | --- | --- | --- |
${row("station's own (ledger FULL)", times.own)}
${row("station's own (ledger NORMAL)", timesNormal.own)}
${row('waiting on the provider', times.provider)}
${row('total', times.total)}

### Ledger durable commits

Each commit is one transaction: per payment the order with its write-ahead attempt, \`sending\`
and the final state; for
${COMMIT_SECONDS} s, WAL mode.

| synchronous | commits/s | payments/s (3 commits each) |
| --- | --- | --- |
| FULL | ${full.perSecond.toFixed(0)} | ${full.paymentsPerSecond.toFixed(0)} |
| NORMAL | ${normal.perSecond.toFixed(0)} | ${normal.paymentsPerSecond.toFixed(0)} |

FULL fsyncs the WAL at every commit, so a payment's state survives power loss; NORMAL survives
a killed process only. The default is FULL (\`ledger.synchronous\`): even at FULL the ledger
commits far faster than a counter takes payments.
`;
console.log(md);
writeBenchSection('payments', md);
