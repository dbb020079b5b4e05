import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src-sandbox/server';
import type { FaultInput } from '../../src-sandbox/faults';
import {
  admin,
  balanceOf,
  FAST,
  newAccount,
  orderOf,
  stationFor,
  tempDir,
} from './test-support/harness';
import { sandboxIn } from '../../src-sandbox/test-support/sandbox-harness';

// The fault suite's guarantees for the methods that wait on a person (proxy payer, QR scan):
// network faults on the request, and the person answering early, late or never. Bounded: a few
// runs per fault, all in parallel, so it adds about two seconds.

const RUNS = 6;
const START = 1_000_000;
const WAIT_MS = 600;
const rand = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

let sandbox: Sandbox;
const tmp = tempDir('cs-methods-faults-');
let station: ReturnType<typeof stationFor>;
const urls = new Map<string, string>();
beforeAll(async () => {
  sandbox = await sandboxIn(tmp.dir, { proxyTimeoutMs: WAIT_MS, qrLifeMs: WAIT_MS });
  station = stationFor(sandbox.url, join(tmp.dir, 'ledger.sqlite'), FAST, (id, _s, d) => {
    if (d?.action?.url) urls.set(id, d.action.url);
  });
});
afterAll(async () => {
  station.service.close();
  station.ledger.close();
  await sandbox.stop();
  tmp.cleanup();
});

const faults: Record<string, () => FaultInput[]> = {
  'answer lost': () => [{ kind: 'lost_response', ms: rand(0, FAST.timeoutMs * 2) }],
  '5xx after': () => [{ kind: 'error_5xx', phase: 'after' }],
  'reset before': () => [{ kind: 'connection_reset', phase: 'before' }],
  'slow answer, flaky queries': () => [
    { kind: 'delay', ms: rand(FAST.timeoutMs, FAST.timeoutMs * 3) },
    { kind: 'error_5xx', route: 'query', count: rand(1, 3), phase: 'after' },
  ],
};

const post = (url: string, fields: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

/** The person on the phone: after `ms`, confirms the proxy request or pays the QR, if it is still there. */
async function personActs(method: 'proxy' | 'qr', account: string, orderId: string, ms: number) {
  await new Promise((r) => setTimeout(r, ms));
  if (method === 'proxy') {
    const html = await (await fetch(`${sandbox.url}/proxy/${account}`)).text();
    const payment = /name="payment" value="([^"]+)"/.exec(html)?.[1];
    const svg = /alt="verification picture" src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html);
    const code = /Code (\d{6})/.exec(Buffer.from(svg?.[1] ?? '', 'base64').toString())?.[1];
    if (payment && code) await post(`${sandbox.url}/proxy/${account}/answer`, { payment, code });
    return;
  }
  const attempt = station.ledger.attemptsForOrder(orderId)[0];
  const url = attempt && urls.get(attempt.id);
  if (url) await post(url, { wallet: account, password: '123456' });
}

// Concurrent: faults are drawn from one queue, so which payment meets which fault varies; the
// guarantees hold for every one of them whatever it met.
describe.concurrent(
  'fault suite for proxy and merchant QR: one final state, charged at most once',
  () => {
    for (const method of ['proxy', 'qr'] as const) {
      for (const [kind, faultsFor] of Object.entries(faults)) {
        it(`${method}: ${kind} (${RUNS} runs)`, async () => {
          const runs = await Promise.all(
            Array.from({ length: RUNS }, async (_, i) => {
              const account = await newAccount(sandbox, 'wechat', START);
              const proxyId = `7${String(Date.now() % 1e8).padStart(8, '0')}${i}`;
              if (method === 'proxy')
                await admin(sandbox, 'POST', '/admin/proxy-payers', {
                  proxyId,
                  accountId: account,
                  maxAmount: 50_000,
                });
              return { account, proxyId, order: orderOf(rand(1, 40_000)) };
            }),
          );
          const outcomes = await Promise.all(
            runs.map(async (run, i) => {
              await new Promise((r) => setTimeout(r, i * rand(5, 20)));
              sandbox.injectFaults(faultsFor());
              const paying = station.service.pay(
                run.order,
                method === 'proxy'
                  ? { kind: 'proxy', proxyId: run.proxyId }
                  : { kind: 'merchant_qr' },
              );
              // Some answer in time, some after the payment system gave up, one in three never.
              if (i % 3 !== 2)
                void personActs(method, run.account, run.order.id, rand(50, WAIT_MS + 200));
              return paying;
            }),
          );
          await new Promise((r) => setTimeout(r, 300));
          const statuses: Record<string, number> = {};
          for (const [i, out] of outcomes.entries()) {
            statuses[out.status] = (statuses[out.status] ?? 0) + 1;
            expect(['paid', 'failed', 'reversed']).toContain(out.status);
            const attempt = station.ledger.getAttempt(out.attemptId!)!;
            expect(attempt.state).toBe(out.status);
            const finals = station.ledger
              .attemptEvents(attempt.id)
              .filter((e) => ['paid', 'failed', 'reversed'].includes(e.state));
            expect(finals).toHaveLength(1);
            expect(sandbox.acquirer.getPayment('M100001', attempt.id)?.status ?? 'absent').toBe(
              out.status,
            );
            const charged = START - (await balanceOf(sandbox, runs[i]!.account));
            expect(charged).toBe(out.status === 'paid' ? runs[i]!.order.total : 0);
            if (i % 3 === 2) expect(out.status).not.toBe('paid');
          }
          console.log(`${method} ${kind}: ${JSON.stringify(statuses)}`);
        });
      }
    }
  },
);
