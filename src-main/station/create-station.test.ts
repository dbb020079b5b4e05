import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load-config';
import { createStation } from './create-station';

const station = () =>
  createStation({
    dataDir: mkdtempSync(join(tmpdir(), 'cs-station-')),
    config: parseConfig({ methods: ['code', 'face'] }),
    logger: pino({ level: 'silent' }),
    parts: { capture: false, payments: false, devices: false },
  });

describe('station commands', () => {
  it('flags every doubtful cell of a submitted order and will not send it unaccepted', async () => {
    const s = await station();
    const r = await s.dispatch('cashier', 'order.submit', {
      order: {
        lines: [
          { id: 'a', name: 'Rice 5kg', quantity: '1', unitPrice: 4990, amount: 4990 },
          { id: 'b', name: 'Pears', quantity: '0.536', unitPrice: 1290, amount: 700 },
        ],
        adjustments: [{ id: 'd', label: 'Member discount', amount: -500 }],
        total: 5200,
      },
    });
    expect(r).toMatchObject({ ok: true, value: { phase: 'review' } });
    const warnings = s.checkout.snapshot().order!.warnings;
    expect(warnings.map((w) => w.code)).toEqual(['line_arithmetic', 'total_mismatch']);
    expect(warnings[0]!.cell).toEqual({ kind: 'line', id: 'b', field: 'amount' });
    const revision = s.checkout.snapshot().revision;
    expect(await s.dispatch('cashier', 'checkout.send', { revision })).toMatchObject({
      ok: false,
      error: { code: 'needs_review' },
    });
    expect(
      await s.dispatch('cashier', 'checkout.send', { revision, acceptWarnings: true }),
    ).toMatchObject({
      ok: true,
      value: { phase: 'awaiting_confirmation' },
    });
    await s.close();
  });

  it('refuses duplicate row ids and absurd amounts with specific messages', async () => {
    const s = await station();
    const dup = await s.dispatch('cashier', 'order.submit', {
      order: {
        lines: [
          { id: 'a', name: 'X', quantity: '1', unitPrice: 100, amount: 100 },
          { id: 'a', name: 'Y', quantity: '1', unitPrice: 100, amount: 100 },
        ],
        total: 200,
      },
    });
    expect(dup).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining("'a'") },
    });
    const huge = await s.dispatch('cashier', 'order.submit', {
      order: {
        lines: [{ id: 'a', name: 'X', quantity: '1', unitPrice: 1e12, amount: 1e12 }],
        total: 1e12,
      },
    });
    expect(huge).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: expect.arrayContaining([expect.stringContaining('absurdly large')]),
      },
    });
    const frac = await s.dispatch('cashier', 'order.submit', {
      order: {
        lines: [{ id: 'a', name: 'X', quantity: '1', unitPrice: 1.5, amount: 1.5 }],
        total: 1.5,
      },
    });
    expect(frac).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(s.checkout.snapshot().phase).toBe('idle');
    await s.close();
  });

  it('walks the customer through confirm and method choice, pushing a snapshot each time', async () => {
    const s = await station();
    const seen: string[] = [];
    s.subscribe((_e, payload) => seen.push((payload as { phase: string }).phase));
    await s.dispatch('cashier', 'order.submit', {
      order: {
        lines: [{ id: 'a', name: 'Tea', quantity: '1', unitPrice: 300, amount: 300 }],
        total: 300,
      },
    });
    await s.dispatch('cashier', 'checkout.send', { revision: s.checkout.snapshot().revision });
    await s.dispatch('customer', 'checkout.confirm', { revision: s.checkout.snapshot().revision });
    expect(await s.dispatch('customer', 'checkout.chooseMethod', { method: 'qr' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('not offered') },
    });
    await s.dispatch('customer', 'checkout.chooseMethod', { method: 'face' });
    expect(seen).toEqual([
      'review',
      'awaiting_confirmation',
      'confirmed',
      'choosing_method',
      'collecting_credential',
    ]);
    expect(await s.dispatch('customer', 'checkout.activity', {})).toMatchObject({ ok: true });
    await s.close();
  });
});
