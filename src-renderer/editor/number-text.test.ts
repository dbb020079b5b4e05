import { describe, expect, it } from 'vitest';
import type { Order } from '../../src-main/contract/order';
import { computedTotalOf, editorReducer, initialEditor, loadOrder } from './editor-state';
import { numberStyle, readAmount, readQuantity, writeAmount } from './number-text';
import { toOrderDraft } from './to-draft';

const point = numberStyle('zh-CN');
const comma = numberStyle('de-DE');

describe('typed numbers in the store’s style', () => {
  it('reads a decimal point store’s amounts and refuses a comma that could be a decimal', () => {
    expect(readAmount('12.50', 'CNY', point)).toEqual({ ok: true, value: 1250 });
    expect(readAmount('1,250.00', 'CNY', point)).toEqual({ ok: true, value: 125000 });
    expect(readAmount('¥1,860', 'CNY', point)).toEqual({ ok: true, value: 186000 });
    expect(readAmount('12,50', 'CNY', point)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(readAmount('1,2345', 'CNY', point)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(readAmount('1.250,00', 'CNY', point)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(readAmount('9.00Pork bun', 'CNY', point)).toEqual({ ok: false, reason: 'not_a_number' });
    expect(readAmount('12.345', 'CNY', point)).toEqual({ ok: false, reason: 'too_many_decimals' });
  });

  it('reads a decimal comma where the store writes one', () => {
    expect(readAmount('12,50', 'EUR', comma)).toEqual({ ok: true, value: 1250 });
    expect(readAmount('1.250,00', 'EUR', comma)).toEqual({ ok: true, value: 125000 });
    expect(readAmount('12.50', 'EUR', comma)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(readQuantity('0,536', comma)).toBe('0.536');
    // fr-FR groups with a (narrow) no-break space, typed as any space.
    const fr = numberStyle('fr-FR');
    expect(fr).toEqual({ group: ' ', decimal: ',' });
    expect(readAmount('12,50', 'EUR', fr)).toEqual({ ok: true, value: 1250 });
    expect(readAmount('1 250,00', 'EUR', fr)).toEqual({ ok: true, value: 125000 });
    expect(readAmount('1\u202f250,00', 'EUR', fr)).toEqual({ ok: true, value: 125000 });
    expect(readAmount('12.50', 'EUR', fr)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(writeAmount(125000, 'EUR', fr)).toBe('1 250,00');
  });

  it('writes amounts grouped, as the rest of the app shows them', () => {
    expect(writeAmount(186000, 'CNY', point)).toBe('1,860.00');
    expect(writeAmount(1001259_99, 'CNY', point)).toBe('1,001,259.99');
    expect(writeAmount(-500, 'CNY', point)).toBe('-5.00');
    expect(writeAmount(125000, 'EUR', comma)).toBe('1.250,00');
  });
});

describe('adjustments and overrides cannot overcharge', () => {
  it('a discount typed without a minus still lowers the total', () => {
    let s = editorReducer(initialEditor(), {
      type: 'updateLine',
      id: 'L1',
      field: 'name',
      value: 'Tea',
    });
    s = editorReducer(s, { type: 'updateLine', id: 'L1', field: 'unitPrice', value: '65.40' });
    s = editorReducer(s, { type: 'addAdjustment', kind: 'discount' });
    const id = s.adjustments[0]!.id;
    s = editorReducer(s, { type: 'updateAdjustment', id, field: 'label', value: 'Member' });
    s = editorReducer(s, { type: 'updateAdjustment', id, field: 'amount', value: '5.00' });
    expect(computedTotalOf(s, 'CNY', point)).toBe(6040);
    const r = toOrderDraft(s, 'CNY', point);
    expect(r.ok && r.value.adjustments?.[0]).toMatchObject({ kind: 'discount', amount: -500 });
    // A surcharge raises it, and a minus on one is refused rather than guessed.
    s = editorReducer(s, { type: 'updateAdjustment', id, field: 'kind', value: 'surcharge' });
    expect(computedTotalOf(s, 'CNY', point)).toBe(7040);
    s = editorReducer(s, { type: 'updateAdjustment', id, field: 'amount', value: '-5.00' });
    const bad = toOrderDraft(s, 'CNY', point);
    expect(!bad.ok && bad.errors.map((e) => e.key)).toEqual(['surchargeNegative']);
  });

  it('an amount follows qty × price until overridden on purpose, and an override can be undone', () => {
    let s = editorReducer(initialEditor(), {
      type: 'updateLine',
      id: 'L1',
      field: 'name',
      value: 'Bun',
    });
    s = editorReducer(s, { type: 'updateLine', id: 'L1', field: 'quantity', value: '3' });
    s = editorReducer(s, { type: 'updateLine', id: 'L1', field: 'unitPrice', value: '3.00' });
    expect(computedTotalOf(s, 'CNY', point)).toBe(900);
    s = editorReducer(s, { type: 'overrideAmount', id: 'L1', on: true, value: '9.00' });
    s = editorReducer(s, { type: 'updateLine', id: 'L1', field: 'amount', value: '8.00' });
    expect(computedTotalOf(s, 'CNY', point)).toBe(800);
    s = editorReducer(s, { type: 'overrideAmount', id: 'L1', on: false });
    expect(computedTotalOf(s, 'CNY', point)).toBe(900);
  });

  it('a loaded discount shows its size and keeps its kind', () => {
    const order: Order = {
      id: 'o',
      currency: 'CNY',
      lines: [{ id: 'a', name: 'Milk', quantity: '1', unitPrice: 186000, amount: 186000 }],
      adjustments: [{ id: 'd', label: 'Member', amount: -200 }],
      total: 185800,
      source: 'ocr',
      warnings: [],
    };
    const s = loadOrder(order, 1, 'CNY', point);
    expect(s.adjustments[0]).toMatchObject({ kind: 'discount', amount: '2.00' });
    expect(s.lines[0]!.unitPrice).toBe('1,860.00');
    expect(computedTotalOf(s, 'CNY', point)).toBe(185800);
  });
});
