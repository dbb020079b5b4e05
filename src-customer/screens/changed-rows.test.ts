import { describe, expect, it } from 'vitest';
import type { Order } from '../../src-main/contract/order';
import { changedRows } from './changed-rows';

const order: Order = {
  id: 'o',
  currency: 'CNY',
  lines: [
    { id: 'a', name: 'Milk', quantity: '2', unitPrice: 650, amount: 1300 },
    { id: 'b', name: 'Bread', quantity: '1', unitPrice: 800, amount: 800 },
  ],
  adjustments: [],
  total: 2100,
  source: 'manual',
  warnings: [],
};

describe('changedRows', () => {
  it('names new and edited rows of the same order, nothing for another order', () => {
    const after: Order = {
      ...order,
      lines: [{ ...order.lines[0]!, quantity: '1', amount: 650 }, order.lines[1]!],
      adjustments: [{ id: 'd', label: 'Member', amount: -100, kind: 'discount' }],
    };
    expect([...changedRows(order, after)].sort()).toEqual(['a', 'd']);
    expect(changedRows(null, after).size).toBe(0);
    expect(changedRows({ ...order, id: 'other' }, after).size).toBe(0);
  });
});
