import { describe, expect, it } from 'vitest';
import { totalEquation } from './equation';

describe('a total printed as an equation', () => {
  it.each([
    ['55*95%+0=¥52.25', { total: '52.25', first: '55', expression: '55*95%+0' }],
    ['5.50 = 10 - 4.50', { total: '5.50', first: '10', expression: '10-4.50' }],
    ['5.50 = 10 − 4.50', { total: '5.50', first: '10', expression: '10-4.50' }],
    [
      '¥1,080.40 = 1,100.00 - 19.60',
      { total: '1080.40', first: '1100.00', expression: '1100.00-19.60' },
    ],
  ])('%s', (text, eq) => {
    expect(totalEquation(text)).toEqual(eq);
  });

  it.each([
    '2 * 2.00 = 4.00', // an item's quantity × price
    '55*95%+0=¥52.00', // does not hold
    '5.50 = 10 - 4.00',
    'Total = 5.50',
    '5.50 = 5.50',
    '1 = 2 = 3',
  ])('%s is none', (text) => {
    expect(totalEquation(text)).toBeNull();
  });
});
