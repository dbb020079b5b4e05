import { describe, expect, it } from 'vitest';
import type { Order } from '../../src-main/contract/order';
import {
  computedTotalOf,
  editorReducer,
  initialEditor,
  lineAmountOf,
  syncDecision,
  totalOf,
  type EditorState,
} from './editor-state';
import { toOrderDraft } from './to-draft';

const run = (state: EditorState, ...actions: Parameters<typeof editorReducer>[1][]) =>
  actions.reduce(editorReducer, state);

const order: Order = {
  id: 'o-1',
  currency: 'CNY',
  lines: [
    { id: 'a', name: 'Milk', quantity: '2', unitPrice: 650, amount: 1300 },
    { id: 'b', name: 'Apples', quantity: '0.536', unitPrice: 1999, amount: 1000 },
  ],
  adjustments: [{ id: 'd', label: 'Member discount', amount: -200 }],
  total: 2100,
  source: 'ocr',
  warnings: [],
};

describe('order editor reducer', () => {
  it('computes a line amount from quantity × price in minor units until one is typed', () => {
    let s = run(initialEditor(), { type: 'updateLine', id: 'L1', field: 'name', value: 'Tea' });
    s = run(s, { type: 'updateLine', id: 'L1', field: 'quantity', value: '0.536' });
    s = run(s, { type: 'updateLine', id: 'L1', field: 'unitPrice', value: '19.99' });
    expect(lineAmountOf(s.lines[0]!, 'CNY')).toBe(1071);
    s = run(s, { type: 'updateLine', id: 'L1', field: 'amount', value: '10.00' });
    expect(lineAmountOf(s.lines[0]!, 'CNY')).toBe(1000);
    // Clearing a typed amount hands it back to the computation.
    s = run(s, { type: 'updateLine', id: 'L1', field: 'amount', value: ' ' });
    expect(lineAmountOf(s.lines[0]!, 'CNY')).toBe(1071);
    expect(s.dirty).toBe(true);
  });

  it('adds lines and adjustments with fresh ids and removes them', () => {
    const s = run(
      initialEditor(),
      { type: 'addLine' },
      { type: 'addLine' },
      { type: 'addAdjustment' },
    );
    const ids = [...s.lines.map((l) => l.id), ...s.adjustments.map((a) => a.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const removed = run(
      s,
      { type: 'removeLine', id: s.lines[1]!.id },
      { type: 'removeAdjustment', id: s.adjustments[0]!.id },
    );
    expect(removed.lines).toHaveLength(2);
    expect(removed.adjustments).toHaveLength(0);
  });

  it('does not reuse ids of a loaded order for new lines', () => {
    const loaded = run(initialEditor(), {
      type: 'load',
      order: { ...order, lines: [{ ...order.lines[0]!, id: 'L4' }] },
      revision: 3,
      currency: 'CNY',
    });
    const s = run(loaded, { type: 'addLine' }, { type: 'addLine' }, { type: 'addLine' });
    const ids = s.lines.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('loads an order keeping a disagreeing amount as read, and the total', () => {
    const s = run(initialEditor(), { type: 'load', order, revision: 7, currency: 'CNY' });
    expect(s.orderId).toBe('o-1');
    expect(s.loadedRevision).toBe(7);
    expect(s.dirty).toBe(false);
    expect(s.lines[0]).toMatchObject({ unitPrice: '6.50', amount: '13.00', amountTyped: false });
    expect(s.lines[1]).toMatchObject({ amount: '10.00', amountTyped: true });
    expect(computedTotalOf(s, 'CNY')).toBe(2100);
    expect(s.totalTyped).toBe(false);
    expect(totalOf(s, 'CNY')).toBe(2100);
  });

  it("carries a line's own discount through the editor, until its quantity changes", () => {
    const discounted: Order = {
      ...order,
      lines: [
        {
          id: 'h',
          name: 'Headphones',
          quantity: '1',
          unitPrice: 7900,
          amount: 7110,
          adjustment: { label: 'With a 10% discount', amount: -790 },
        },
      ],
      adjustments: [],
      total: 7110,
    };
    const s = run(initialEditor(), {
      type: 'load',
      order: discounted,
      revision: 1,
      currency: 'CNY',
    });
    expect(s.lines[0]).toMatchObject({ amountTyped: false });
    expect(lineAmountOf(s.lines[0]!, 'CNY')).toBe(7110);
    const draft = toOrderDraft(s, 'CNY');
    expect(draft.ok && draft.value.lines[0]!.adjustment).toEqual({
      label: 'With a 10% discount',
      amount: -790,
    });
    // Two of them: the discount read for one no longer describes the line; the amount is the
    // cashier's to confirm, marked as typed, never silently 2 × 79.00 − 7.90.
    const edited = run(s, { type: 'updateLine', id: 'h', field: 'quantity', value: '2' });
    expect(edited.lines[0]).toMatchObject({ amountTyped: true, amount: '71.10' });
    expect(edited.lines[0]!.adjustment).toBeUndefined();
  });

  it('keeps a typed total that disagrees, and a thousands separator does not break reloading', () => {
    const big: Order = {
      ...order,
      lines: [{ id: 'x', name: 'TV', quantity: '1', unitPrice: 123456, amount: 123456 }],
      adjustments: [],
      total: 123400,
    };
    const s = run(initialEditor(), { type: 'load', order: big, revision: 1, currency: 'CNY' });
    expect(s.lines[0]!.unitPrice).toBe('1,234.56');
    expect(s.totalTyped).toBe(true);
    expect(totalOf(s, 'CNY')).toBe(123400);
    expect(computedTotalOf(s, 'CNY')).toBe(123456);
  });
});

describe('toOrderDraft', () => {
  it('builds the draft main accepts, skipping blank lines and keeping the order id', () => {
    const s = run(
      initialEditor(),
      { type: 'load', order, revision: 1, currency: 'CNY' },
      { type: 'addLine' },
    );
    const r = toOrderDraft(s, 'CNY');
    expect(r).toEqual({
      ok: true,
      value: {
        id: 'o-1',
        lines: [
          { id: 'a', name: 'Milk', quantity: '2', unitPrice: 650, amount: 1300 },
          { id: 'b', name: 'Apples', quantity: '0.536', unitPrice: 1999, amount: 1000 },
        ],
        adjustments: [{ id: 'd', kind: 'discount', label: 'Member discount', amount: -200 }],
        total: 2100,
      },
    });
  });

  it('names every unreadable cell', () => {
    let s = initialEditor();
    s = run(
      s,
      { type: 'updateLine', id: 'L1', field: 'unitPrice', value: '12.345' },
      { type: 'updateLine', id: 'L1', field: 'quantity', value: 'two' },
      { type: 'addAdjustment' },
    );
    s = run(
      s,
      { type: 'updateAdjustment', id: s.adjustments[0]!.id, field: 'amount', value: 'abc' },
      { type: 'setTotal', value: '1O.00' },
    );
    const r = toOrderDraft(s, 'CNY');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.kind}.${e.field}`).sort()).toEqual(
      [
        'adjustment.amount',
        'adjustment.label',
        'line.name',
        'line.quantity',
        'line.unitPrice',
        'total.total',
      ].sort(),
    );
    expect(r.errors.find((e) => e.field === 'unitPrice')!.params.text).toBe('12.345');
  });

  it('accepts an amount-only line with a null unit price', () => {
    const s = run(
      initialEditor(),
      { type: 'updateLine', id: 'L1', field: 'name', value: 'Deli' },
      { type: 'updateLine', id: 'L1', field: 'amount', value: '¥8.80' },
    );
    const r = toOrderDraft(s, 'CNY');
    expect(r.ok && r.value.lines[0]).toEqual({
      id: 'L1',
      name: 'Deli',
      quantity: '1',
      unitPrice: null,
      amount: 880,
    });
    expect(r.ok && r.value.total).toBe(880);
  });

  it('refuses an empty order', () => {
    const r = toOrderDraft(initialEditor(), 'CNY');
    expect(r).toEqual({
      ok: false,
      errors: [expect.objectContaining({ key: 'noLines' })],
    });
  });

  it('uses whole units for a zero-exponent currency', () => {
    const s = run(
      initialEditor(),
      { type: 'updateLine', id: 'L1', field: 'name', value: 'Ramen' },
      { type: 'updateLine', id: 'L1', field: 'unitPrice', value: '980' },
    );
    const r = toOrderDraft(s, 'JPY');
    expect(r.ok && r.value.total).toBe(980);
  });
});

describe('syncDecision', () => {
  it('loads another order, reloads an unedited one, keeps typing, clears after reset', () => {
    const empty = initialEditor();
    expect(syncDecision(empty, { revision: 1, order: null })).toBe('keep');
    expect(syncDecision(empty, { revision: 2, order })).toBe('load');
    const loaded = editorReducer(empty, { type: 'load', order, revision: 2, currency: 'CNY' });
    expect(syncDecision(loaded, { revision: 2, order })).toBe('keep');
    expect(syncDecision(loaded, { revision: 3, order })).toBe('load');
    const typed = editorReducer(loaded, {
      type: 'updateLine',
      id: 'a',
      field: 'name',
      value: 'Oat milk',
    });
    expect(syncDecision(typed, { revision: 4, order })).toBe('keep');
    expect(syncDecision(typed, { revision: 4, order: { ...order, id: 'o-2' } })).toBe('load');
    expect(syncDecision(loaded, { revision: 5, order: null })).toBe('clear');
  });
});
