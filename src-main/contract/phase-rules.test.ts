import { describe, expect, it } from 'vitest';
import { checkoutPhaseSchema, FINAL_PHASES } from './checkout';
import {
  allows,
  CANCELLABLE_PHASES,
  EDITABLE_PHASES,
  isAtRest,
  LEGAL_FROM,
  READABLE_PHASES,
  REOPENABLE_PHASES,
} from './phase-rules';

describe('phase rules the windows and the station read', () => {
  it('never offers Cancel while a payment is in flight, nor after the checkout ended', () => {
    expect(CANCELLABLE_PHASES).not.toContain('authorizing');
    for (const phase of FINAL_PHASES) expect(CANCELLABLE_PHASES).not.toContain(phase);
    for (const phase of CANCELLABLE_PHASES) expect(allows('cancelled', phase)).toBe(true);
    expect(CANCELLABLE_PHASES).toEqual([
      'review',
      'awaiting_confirmation',
      'disputed',
      'confirmed',
      'choosing_method',
      'collecting_credential',
    ]);
  });

  it('offers Reopen exactly where the machine reopens', () => {
    expect(REOPENABLE_PHASES).toEqual(LEGAL_FROM.reopened);
    expect([...REOPENABLE_PHASES].sort()).toEqual(['cancelled', 'failed']);
  });

  it('lets the cashier edit a new order and one that may be sent, nothing else', () => {
    expect([...EDITABLE_PHASES].sort()).toEqual(['disputed', 'idle', 'review']);
    for (const phase of EDITABLE_PHASES) expect(allows('order_submitted', phase)).toBe(true);
  });

  it('lets a screen read replace an order except while the customer looks at one', () => {
    expect(READABLE_PHASES).not.toContain('awaiting_confirmation');
    expect([...READABLE_PHASES].sort()).toEqual(
      ['cancelled', 'disputed', 'failed', 'idle', 'paid', 'review'].sort(),
    );
  });

  it('is at rest only before a checkout and after it ended', () => {
    const atRest = checkoutPhaseSchema.options.filter(isAtRest);
    expect(atRest.sort()).toEqual(['cancelled', 'failed', 'idle', 'paid']);
  });
});
