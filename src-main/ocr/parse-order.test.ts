import { describe, expect, it } from 'vitest';
import { parseRows } from './parse-order';
import type { Row } from './rows';
import { arithmeticWarnings, unpinnedFields } from './validate';

/** Builds a row from cell texts laid out left to right, 100 px per column. */
function row(y: number, ...texts: string[]): Row {
  const cells = texts.map((text, i) => ({
    text,
    confidence: 95,
    x0: i * 100,
    x1: i * 100 + 80,
    y0: y,
    y1: y + 20,
  }));
  return { cells, text: texts.join('  '), x0: 0, x1: texts.length * 100, y0: y, y1: y + 20 };
}

describe('parseRows', () => {
  it('reads a grid with a header whose price column comes before quantity', () => {
    const draft = parseRows(
      [
        row(0, 'Description', 'Unit Price', 'Qty', 'Amount'),
        row(30, 'Chicken Breast', '16.64', '0.651', '10.83'),
        row(60, 'Shampoo 400ml', '60.99', '12', '731.88'),
        row(90, 'Discount', '-2.00'),
        row(120, 'Total', '740.71'),
      ],
      'USD',
    );
    expect(draft.lines.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual([
      ['0.651', 1664, 1083],
      ['12', 6099, 73188],
    ]);
    expect(draft.adjustments.map((a) => a.amount)).toEqual([-200]);
    expect(draft.total).toBe(74071);
    expect(arithmeticWarnings(draft, 'USD')).toEqual([]);
  });

  it('reads two-line receipts with currency symbols and thousands separators', () => {
    const draft = parseRows(
      [
        row(0, '五花肉'),
        row(30, '0.535 x ¥33.94', '¥18.16'),
        row(60, 'Eggs Free Range x12'),
        row(90, '10 x ¥1,266.90', '¥12,669.00'),
        row(120, '优惠', '2.00'),
        row(150, '合计', '¥12,685.16'),
      ],
      'CNY',
    );
    expect(draft.lines.map((l) => [l.name, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['五花肉', '0.535', 3394, 1816],
      ['Eggs Free Range x12', '10', 126690, 1266900],
    ]);
    // A discount printed without its minus sign is still a reduction.
    expect(draft.adjustments[0]!.amount).toBe(-200);
    expect(draft.total).toBe(1268516);
    // Where each name was read, for a second look at doubtful names; the screen is Chinese.
    expect(draft.lines.map((l) => [l.nameCell?.text, l.nameCell?.y0])).toEqual([
      ['五花肉', 0],
      ['Eggs Free Range x12', 60],
    ]);
    expect(draft.chinese).toBe(true);
  });

  it('tells quantity from unit price by their print format when there is no header', () => {
    const draft = parseRows(
      [row(0, 'Chips', '2.90', '1', '2.90'), row(30, 'TOTAL DUE', '2.90')],
      'CNY',
    );
    expect(draft.lines[0]).toMatchObject({ quantity: '1', unitPrice: 290, amount: 290 });
  });

  it('flags a row whose price column was lost instead of dropping the price', () => {
    const draft = parseRows(
      [
        row(0, 'Item', 'Qty', 'Price', 'Amount'),
        row(30, 'A', '2', '1.00', '2.00'),
        row(60, 'B', '1', '71.70'),
        row(90, 'Total', '73.70'),
      ],
      'CNY',
    );
    expect(draft.warnings.map((w) => w.code)).toContain('unread_row');
  });

  it('finds the total by position when its label is garbled, and the checks still apply', () => {
    const draft = parseRows([row(0, 'A', '2', '1.00', '2.00'), row(30, '人台计', '3.00')], 'CNY');
    expect(draft.total).toBe(300);
    expect(arithmeticWarnings(draft, 'CNY').map((w) => w.code)).toEqual(['total_mismatch']);
  });

  it('reports no lines and no total for text that is not an order', () => {
    const draft = parseRows([row(0, 'Welcome'), row(30, 'Member: none')], 'CNY');
    expect(arithmeticWarnings(draft, 'CNY').map((w) => w.code)).toEqual([
      'no_lines',
      'total_missing',
    ]);
  });
});

describe('unpinnedFields', () => {
  const line = (quantity: string, unitPrice: number | null, amount: number) => ({
    id: 'L1',
    name: 'x',
    quantity,
    unitPrice,
    amount,
    cells: { amount: { text: '', confidence: 99, x0: 0, x1: 0, y0: 0, y1: 0 } },
  });
  it('pins integer quantities with dear prices', () => {
    expect(unpinnedFields(line('12', 6099, 73188))).toEqual([]);
  });
  it('does not trust a weighed line where one digit off gives the same rounded amount', () => {
    expect(unpinnedFields(line('2.229', 41, 91))).toContain('quantity');
    expect(unpinnedFields(line('0.535', 3394, 1816))).toContain('unitPrice');
  });
  it('never pins the quantity of a line without a unit price', () => {
    expect(unpinnedFields(line('2', null, 900))).toEqual(['quantity']);
  });
});
