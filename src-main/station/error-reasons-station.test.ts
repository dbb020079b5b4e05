import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config';
import { ERROR_REASONS } from '../contract/result';
import { createStation, type Station } from './create-station';

/**
 * Refusals a cashier meets carry a stable reason (and its values) beside the station's English,
 * so the window says them in its own language; and a payment's details can list its items.
 * A real station: ledger on a temp file, the sandbox acquirer as its own process.
 */
describe('station refusals carry reasons; a payment lists its order', () => {
  let dir: string;
  let station: Station;
  const refusal = async (command: string, input: unknown) => {
    const r = await station.dispatch('cashier', command as 'station.info', input as never);
    expect(r.ok, command).toBe(false);
    const error = (r as { error: { reason?: string; params?: object } }).error;
    expect(ERROR_REASONS as readonly string[]).toContain(error.reason);
    return error;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-reasons-'));
    station = await createStation({
      dataDir: dir,
      config: parseConfig({ payments: { sandbox: { port: 0 } }, ocr: { warmUp: false } }),
      logger: pino({ level: 'silent' }),
      parts: { devices: false },
    });
    await station.payments!.ready;
  }, 30_000);

  afterAll(async () => {
    await station?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the reason of each refusal, with its values', async () => {
    expect(await refusal('capture.read', {})).toMatchObject({ reason: 'region_missing' });
    expect(await refusal('payments.history', { date: '2026-02-31' })).toMatchObject({
      reason: 'not_a_date',
      params: { date: '2026-02-31' },
    });
    expect(
      await refusal('payments.refund', { attemptId: 'nope', amount: 100, reason: 'x' }),
    ).toMatchObject({ reason: 'unknown_attempt' });
    expect(await refusal('payments.order', { attemptId: 'nope' })).toMatchObject({
      reason: 'unknown_attempt',
    });
    expect(await refusal('displays.revoke', { id: '0123456789ab' })).toMatchObject({
      reason: 'no_such_display',
    });
    expect(
      await refusal('credential.submit', {
        credential: { kind: 'payment_code', code: '134567890123456789', platform: 'wechat' },
      }),
    ).toMatchObject({ reason: 'no_payment_waiting' });
    // Cashiers and shifts: the first cashier is the manager; a second needs the manager's PIN.
    const added = await station.dispatch('cashier', 'cashiers.add', { name: 'Li', pin: '1234' });
    expect(added.ok).toBe(true);
    const li = (added as { value: { cashiers: { id: string }[] } }).value.cashiers[0]!.id;
    expect(await refusal('cashiers.add', { name: 'Wang', pin: '5678' })).toMatchObject({
      reason: 'manager_pin_needed',
    });
    expect(await refusal('shift.signIn', { cashierId: li, pin: '9999', float: 0 })).toMatchObject({
      reason: 'wrong_pin',
    });
    expect(await refusal('shift.close', { counted: 0 })).toMatchObject({ reason: 'no_shift' });
  });

  it('lists the items of the order a payment was for', async () => {
    const order = {
      id: 'items-1',
      currency: 'CNY',
      lines: [
        { id: 'a', name: 'Rice', quantity: '2', unitPrice: 3270, amount: 6540 },
        { id: 'b', name: 'Pork bun', quantity: '1', unitPrice: null, amount: 900 },
      ],
      adjustments: [{ id: 'd', label: 'Member', amount: -500 }],
      total: 6940,
      source: 'manual' as const,
      warnings: [],
    };
    const recorded = station.payments!.ledger.recordOrderAndBeginAttempt(order, {
      orderId: order.id,
      amount: order.total,
      currency: 'CNY',
      method: 'code',
      platform: 'wechat',
      provider: 'sandbox',
      credentialHint: '****6789',
    });
    expect(recorded.ok).toBe(true);
    const attemptId = (recorded as { value: { id: string } }).value.id;
    const r = await station.dispatch('cashier', 'payments.order', { attemptId });
    expect(r).toEqual({
      ok: true,
      value: {
        orderId: 'items-1',
        currency: 'CNY',
        total: 6940,
        lines: [
          { name: 'Rice', quantity: '2', unitPrice: 3270, amount: 6540 },
          { name: 'Pork bun', quantity: '1', unitPrice: null, amount: 900 },
        ],
        adjustments: [{ label: 'Member', amount: -500 }],
      },
    });
  });
});
