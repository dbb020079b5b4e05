import { describe, expect, it } from 'vitest';
import type { CheckoutPhase } from '../src-main/contract/checkout';
import type { Order } from '../src-main/contract/order';
import { resultScreenMs, screenFor, type ScreenInput } from './screen-for';

const order: Order = {
  id: 'o',
  currency: 'CNY',
  lines: [],
  adjustments: [],
  total: 100,
  source: 'manual',
  warnings: [],
};
const at = (phase: CheckoutPhase, extra: Partial<ScreenInput> = {}): ScreenInput => ({
  status: 'ready',
  hasInfo: true,
  snapshot: { phase, order, updatedAt: 1_000, deadline: null },
  flagging: false,
  now: 2_000,
  resultSeconds: 8,
  ...extra,
});

describe('customer screen', () => {
  it('shows only the pairing page when unpaired, whatever it knew before', () => {
    expect(screenFor(at('awaiting_confirmation', { status: 'unpaired' }))).toBe('pairing');
  });

  it('waits for the station before showing anything', () => {
    expect(screenFor(at('idle', { hasInfo: false }))).toBe('connecting');
    expect(screenFor(at('idle', { snapshot: null }))).toBe('connecting');
  });

  it('keeps the order hidden while the cashier reviews it', () => {
    expect(screenFor(at('review'))).toBe('idle');
  });

  it('maps each customer-facing phase', () => {
    expect(screenFor(at('awaiting_confirmation'))).toBe('order');
    expect(screenFor(at('awaiting_confirmation', { flagging: true }))).toBe('flagging');
    expect(screenFor(at('disputed'))).toBe('disputed');
    expect(screenFor(at('confirmed'))).toBe('method');
    expect(screenFor(at('choosing_method'))).toBe('method');
    expect(screenFor(at('collecting_credential'))).toBe('collecting');
    expect(screenFor(at('authorizing'))).toBe('authorizing');
  });

  it('returns from a result screen to idle by itself', () => {
    expect(screenFor(at('paid'))).toBe('result');
    expect(screenFor(at('cancelled', { now: 1_000 + resultScreenMs(8) - 1 }))).toBe('result');
    expect(screenFor(at('cancelled', { now: 1_000 + resultScreenMs(8) + 1 }))).toBe('idle');
    expect(screenFor(at('failed', { now: 1_000 + resultScreenMs(8) + 1 }))).toBe('idle');
  });

  it('keeps a decline up while the customer may still pay again', () => {
    const later = 1_000 + resultScreenMs(8) * 10;
    const declined = { phase: 'failed', order, updatedAt: 1_000, deadline: later + 1 } as const;
    expect(screenFor(at('failed', { snapshot: declined, now: later }))).toBe('result');
    // Without an order there is nothing to pay again.
    expect(screenFor(at('failed', { snapshot: { ...declined, order: null }, now: later }))).toBe(
      'idle',
    );
  });
});
