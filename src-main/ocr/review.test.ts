import { describe, expect, it } from 'vitest';
import type { DraftOrder } from './parse-order';
import { confirmationWarnings, doubtfulCells, repairSymbolSlips, sameDigits } from './review';
import { arithmeticWarnings } from './validate';
import type { Cell } from './rows';

const cell = (text: string, confidence = 95): Cell => ({
  text,
  confidence,
  x0: 0,
  x1: 10,
  y0: 0,
  y1: 10,
});

describe('same digits in two reads', () => {
  it.each([
    ['Y42 60', '¥42.60', true],
    ['1.101 x $125.87', '1.101X9125.87', true],
    ['1.101X9125.87', '1.101 x $125.87', true],
    ['42.60', '4.260', true],
    ['42.60', '42.66', false],
    ['42.60', '2.60', false],
    ['$', '', false],
    ['12.80', '', false],
    ['12.80', '912.80', false],
    ['$12.80', '912.80', true],
  ])('%s vs %s → %s', (a, b, same) => {
    expect(sameDigits(a, b)).toBe(same);
  });
});

describe('confirming doubtful cells', () => {
  // 6 × 7.10 = 42.60: every number is fixed by the arithmetic; the amount was read unsurely.
  const amount = cell('Y42 60', 40);
  const quantity = cell('6');
  const price = cell('7.10');
  const draft: DraftOrder = {
    lines: [
      {
        id: 'L1',
        name: 'Cola',
        quantity: '6',
        unitPrice: 710,
        amount: 4260,
        cells: { quantity, unitPrice: price, amount },
      },
    ],
    adjustments: [],
    total: 4260,
    totalCell: cell('42.60'),
    subtotal: null,
    warnings: [],
    unreadRows: [],
  };

  it('takes a pinned low-confidence cell whose second read shows the same digits', () => {
    const doubtful = doubtfulCells(draft);
    expect(doubtful.map((u) => [u.field, u.pinned])).toEqual([['amount', true]]);
    expect(confirmationWarnings(doubtful, new Map([[amount, '¥42.60']]), 'CNY')).toEqual([]);
  });

  it('still refuses a second read with other digits', () => {
    const doubtful = doubtfulCells(draft);
    const warnings = confirmationWarnings(doubtful, new Map([[amount, '¥42.66']]), 'CNY');
    expect(warnings.map((w) => w.code)).toEqual(['low_confidence']);
  });

  it('holds an unpinned cell to the same number, not just the same digits', () => {
    // 0.536 × 1.20 = 0.6432 → 0.64, and so would 0.535 or 0.537: the quantity is not pinned.
    const q = cell('0.536');
    const weighed: DraftOrder = {
      ...draft,
      lines: [
        {
          id: 'L1',
          name: 'Grapes',
          quantity: '0.536',
          unitPrice: 120,
          amount: 64,
          cells: { quantity: q, unitPrice: cell('1.20'), amount: cell('0.64') },
        },
      ],
      total: 64,
    };
    const doubtful = doubtfulCells(weighed).filter((u) => u.cell === q);
    expect(doubtful.map((u) => u.pinned)).toEqual([false]);
    const warnings = confirmationWarnings(doubtful, new Map([[q, '5.36']]), 'CNY');
    expect(warnings.map((w) => w.code)).toEqual(['unconfirmed_cell']);
  });
});

describe('a currency symbol read as a digit', () => {
  const receipt = (formula: string, amount: string, total: number): DraftOrder => {
    const f = parseFormulaCell(formula);
    return {
      lines: [
        {
          id: 'L1',
          name: 'Butter',
          quantity: f.quantity,
          unitPrice: f.unitPrice,
          amount: Math.round(Number(amount.replace('$', '')) * 100),
          cells: { formula: cell(formula), amount: cell(amount) },
        },
      ],
      adjustments: [],
      total,
      totalCell: cell(`$${(total / 100).toFixed(2)}`),
      subtotal: null,
      warnings: [],
      unreadRows: [],
    };
  };
  const parseFormulaCell = (text: string) => {
    const m = /^(\S+)\s*x\s*\$?(\d+\.\d+)$/i.exec(text)!;
    return { quantity: m[1]!, unitPrice: Math.round(Number(m[2]) * 100) };
  };

  it('drops the digit the $ became when the line and the total then add up', () => {
    const draft = receipt('2x932.70', '$65.40', 6540);
    expect(arithmeticWarnings(draft, 'USD')).not.toEqual([]);
    const fixed = repairSymbolSlips(draft, 'USD');
    expect(fixed.lines[0]!.unitPrice).toBe(3270);
    expect(arithmeticWarnings(fixed, 'USD')).toEqual([]);
  });

  it('leaves a line alone when dropping the digit does not make it add up', () => {
    const draft = receipt('2x932.70', '$66.40', 6640);
    expect(repairSymbolSlips(draft, 'USD').lines[0]!.unitPrice).toBe(93270);
  });

  it('does nothing on a screen that shows no currency symbol', () => {
    const draft = receipt('2x932.70', '65.40', 6540);
    draft.totalCell = cell('65.40');
    expect(repairSymbolSlips(draft, 'USD').lines[0]!.unitPrice).toBe(93270);
  });

  it('never repairs a price the arithmetic cannot pin (weighed, cheap)', () => {
    // 0.004 kg × 0.20 rounds to 0.00 whatever the price's last digit: not pinned.
    const draft = receipt('0.004x50.20', '$0.00', 0);
    const fixed = repairSymbolSlips(draft, 'USD');
    expect(fixed.lines[0]!.unitPrice).toBe(5020);
  });
});
