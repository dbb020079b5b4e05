import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main';
import type { Sandbox } from '../../src-sandbox/server';
import { codeFor, tempDir } from '../payments/test-support/harness';
import { sandboxIn } from '../../src-sandbox/test-support/sandbox-harness';

const tmp = tempDir('cs-cli-');
let sandbox: Sandbox;

/** Runs `countersign …` in-process and returns exit code and output. */
async function cli(...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main([...argv, '--data-dir', tmp.dir], {
    stdout,
    stderr,
    stdin: new PassThrough(),
  });
  return { code, out, err };
}

beforeAll(async () => {
  sandbox = await sandboxIn(tmp.dir, { passwordAbove: 1_000_000 });
  // The station uses the already running sandbox through config, as a store would.
  writeFileSync(
    join(tmp.dir, 'config.json'),
    JSON.stringify({
      payments: {
        sandbox: { url: sandbox.url },
        timeoutMs: 2_000,
        queryIntervalMs: 50,
        deadlineMs: 1_000,
      },
    }),
  );
});
afterAll(async () => {
  await sandbox.stop();
  tmp.cleanup();
});

describe('countersign pay / refund / report / reconcile', () => {
  it('pays, refunds, reports and reconciles against the sandbox statement', async () => {
    const cred = await codeFor(sandbox, 'wx-alice');
    const code = cred.kind === 'payment_code' ? cred.code : '';
    const pay = await cli('pay', '--amount', '12.34', '--code', code, '--order-id', 'cli-1');
    expect(pay.code).toBe(0);
    const outcome = JSON.parse(pay.out) as { status: string; attemptId: string; amount: string };
    // Printed in the unit it was typed in, and saying so.
    expect(outcome).toMatchObject({
      status: 'paid',
      amount: '12.34',
      currency: 'CNY',
      unit: 'major',
    });
    expect(pay.err).toContain('"progress":"sending"');

    // The same order again is not charged again, even with a fresh code.
    const fresh = await codeFor(sandbox, 'wx-alice');
    const again = await cli(
      'pay',
      '--amount',
      '12.34',
      '--code',
      fresh.kind === 'payment_code' ? fresh.code : '',
      '--order-id',
      'cli-1',
    );
    expect(JSON.parse(again.out)).toMatchObject({
      status: 'paid',
      alreadyPaid: true,
      attemptId: outcome.attemptId,
    });

    const refund = await cli(
      'refund',
      '--attempt',
      outcome.attemptId,
      '--amount',
      '2.34',
      '--reason',
      'one item back',
    );
    expect(refund.code).toBe(0);
    expect(JSON.parse(refund.out)).toMatchObject({
      ok: true,
      refund: { amount: '2.34', state: 'succeeded' },
      left: '10.00',
      unit: 'major',
    });
    const over = await cli('refund', '--attempt', outcome.attemptId, '--amount', '10.01');
    expect(over.code).toBe(1);
    expect(JSON.parse(over.out).error).toEqual({
      code: 'refund_exceeds_paid',
      message: 'a refund of 10.01 CNY is more than the 10.00 CNY left of this 12.34 CNY payment',
    });

    const report = await cli('report');
    expect(JSON.parse(report.out)).toMatchObject({
      paid: { count: 1, total: '12.34' },
      refunded: { count: 1, total: '2.34' },
      net: '10.00',
      unit: 'major',
    });
    const csv = await cli('report', '--csv');
    expect(csv.out).toContain(outcome.attemptId);

    const rec = await cli('reconcile');
    expect(rec.code).toBe(0);
    expect(JSON.parse(rec.out)).toMatchObject({
      balanced: true,
      matchedPayments: 1,
      matchedRefunds: 1,
    });
  });

  it('refuses bad amounts and unknown codes with clear messages and exit status 2', async () => {
    for (const [amount, message] of [
      ['0', 'greater than zero'],
      ['-1', 'greater than zero'],
      ['1.234', 'not an amount'],
      ['99999999999', 'not an amount'],
      ['abc', 'not an amount'],
      // A comma could be a decimal or a grouping: refused, never guessed.
      ['12,50', 'with a decimal point and no grouping'],
    ]) {
      const r = await cli('pay', `--amount=${amount}`, '--code', '134567890123456789');
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    }
    const unknown = await cli('pay', '--amount', '1', '--code', '991234567890123456');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no payment platform uses codes starting 99');
    expect((await cli('report', '--date', 'yesterday')).err).toContain('not a date');
  });
});
