import { describe, expect, it } from 'vitest';
import { parseConfig } from './load-config';
import { createDeferredApply, liveSettingsDiffer } from './live-settings';

describe('settings taken up by a running station', () => {
  it('apply at once between checkouts, else the latest at the next moment between', () => {
    let between = false;
    const applied: number[] = [];
    const live = createDeferredApply<number>({
      between: () => between,
      apply: (v) => applied.push(v),
    });
    expect(live.offer(1)).toBe(false);
    expect(live.offer(2)).toBe(false);
    expect(live.flush()).toBe(false);
    expect(live.waiting()).toBe(true);
    between = true;
    expect(live.flush()).toBe(true);
    expect(applied).toEqual([2]);
    expect(live.flush()).toBe(false);
    expect(live.offer(3)).toBe(true);
    expect(applied).toEqual([2, 3]);
    expect(live.waiting()).toBe(false);
  });

  it('tell a change of the live part (methods, store, customer) from the rest', () => {
    const base = parseConfig({});
    expect(liveSettingsDiffer(base, parseConfig({ store: { name: 'Tea' } }))).toBe(true);
    expect(liveSettingsDiffer(base, parseConfig({ customer: { resultSeconds: 3 } }))).toBe(true);
    expect(liveSettingsDiffer(base, parseConfig({ payments: { timeoutMs: 5000 } }))).toBe(false);
  });
});
