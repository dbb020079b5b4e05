import { describe, expect, it } from 'vitest';
import { countVerdict } from './count';

describe('the item count a screen prints', () => {
  it.each([
    // quantities read (null: not read), counts printed, verdict
    [['4', '3', '2', '1'], [10], 'all'],
    [['4', '3', '2', null], [10], 'ones'],
    [[null, null, null], [3], 'ones'],
    [[null, null, null], [4], null], // one of them is 2: which one, the count does not say
    [['2', null], [4], null],
    [['4', '3', '2', '1'], [9], null],
    [['4', '3', '2', '1'], [4, 10], 'all'], // "4 kinds, 10 items": either number may be shown
    [['1.5', '1'], [2], null], // a weight is not counted
    [[], [0], null],
  ] as const)('%j with count %j: %s', (quantities, counts, verdict) => {
    expect(countVerdict(quantities, counts)).toBe(verdict);
  });
});
