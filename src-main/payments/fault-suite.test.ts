import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultInput } from '../../src-sandbox/faults';
import type { Sandbox } from '../../src-sandbox/server';
import {
  balanceOf,
  codeFor,
  FAST,
  newAccount,
  orderOf,
  stationFor,
  tempDir,
} from './test-support/harness';
import { sandboxIn } from '../../src-sandbox/test-support/sandbox-harness';

const RUNS = 20;
const START_BALANCE = 1_000_000;
const rand = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

let sandbox: Sandbox;
const tmp = tempDir();
let station: ReturnType<typeof stationFor>;

beforeAll(async () => {
  // Above the amounts used here, so only injected faults make a payment wait for a password.
  sandbox = await sandboxIn(tmp.dir, { passwordAbove: 900_000 });
  station = stationFor(sandbox.url, join(tmp.dir, 'ledger.sqlite'));
});
afterAll(async () => {
  station.service.close();
  station.ledger.close();
  await sandbox.stop();
  tmp.cleanup();
});

/** Each kind's random fault for one run; timings straddle the station's timeout and deadline. */
const kinds: Record<string, () => FaultInput[]> = {
  'delay past the timeout': () => [
    { kind: 'delay', ms: rand(FAST.timeoutMs + 10, FAST.deadlineMs + 300) },
  ],
  'charge done but answer lost': () => [{ kind: 'lost_response', ms: rand(0, FAST.timeoutMs * 2) }],
  '5xx': () => [{ kind: 'error_5xx', phase: Math.random() < 0.5 ? 'before' : 'after' }],
  'connection reset': () => [
    { kind: 'connection_reset', phase: Math.random() < 0.5 ? 'before' : 'after' },
  ],
  // Some customers type the password after the deadline: the station has reversed by then.
  'user paying then paid': () => [
    { kind: 'user_paying', outcome: 'paid', ms: rand(0, FAST.deadlineMs + 200) },
  ],
  'user paying then cancelled': () => [
    { kind: 'user_paying', outcome: 'cancelled', ms: rand(0, FAST.deadlineMs - 150) },
  ],
  // Queries and reversals fail too while the payment answer is lost.
  'lost answer, flaky queries and reversals': () => [
    { kind: 'lost_response', ms: rand(0, 50) },
    { kind: 'error_5xx', route: 'query', count: rand(1, 4), phase: 'after' },
    { kind: 'connection_reset', route: 'reverse', count: rand(0, 1) || 1 },
  ],
};

describe('fault suite: every payment ends in one final state, once charged at most', () => {
  for (const [kind, faultsFor] of Object.entries(kinds)) {
    it(`${kind} (${RUNS} runs)`, async () => {
      const runs = await Promise.all(
        Array.from({ length: RUNS }, async () => ({
          account: await newAccount(sandbox, 'wechat', START_BALANCE),
          amount: rand(1, 80_000),
        })),
      );
      const credentials = await Promise.all(runs.map((r) => codeFor(sandbox, r.account)));
      // The runs go in sequence-with-overlap: each injects its fault then pays, a few ms apart.
      const outcomes = await Promise.all(
        runs.map(async (run, i) => {
          await new Promise((r) => setTimeout(r, i * rand(5, 30)));
          sandbox.injectFaults(faultsFor());
          return station.service.pay(orderOf(run.amount), credentials[i]);
        }),
      );
      sandbox.clearFaults();
      // Let late work land (delayed charges, passwords typed too late): it must change nothing.
      await new Promise((r) => setTimeout(r, 350));
      const statuses: Record<string, number> = {};
      for (const [i, out] of outcomes.entries()) {
        const run = runs[i]!;
        statuses[out.status] = (statuses[out.status] ?? 0) + 1;
        expect(['paid', 'failed', 'reversed']).toContain(out.status);
        const attempt = station.ledger.getAttempt(out.attemptId!)!;
        expect(attempt.state).toBe(out.status);
        const finals = station.ledger
          .attemptEvents(attempt.id)
          .filter((e) => ['paid', 'failed', 'reversed'].includes(e.state));
        expect(finals).toHaveLength(1);
        const remote = sandbox.acquirer.getPayment('M100001', attempt.id);
        expect(remote?.status ?? 'absent').toBe(out.status);
        const charged = START_BALANCE - (await balanceOf(sandbox, run.account));
        expect(charged).toBe(out.status === 'paid' ? run.amount : 0);
        if (kind.endsWith('cancelled')) expect(out.status).not.toBe('paid');
      }
      console.log(`${kind}: ${JSON.stringify(statuses)}`);
    });
  }
});
