import { describe, expect, it } from 'vitest';
import { minorOf, quantityOf, readCell } from './tokens';

const cell = (text: string) => readCell({ text, conf: 1, x0: 0, y0: 0, x1: 100, y1: 10 });
const nums = (text: string) =>
  cell(text).nums.map((n) => ({
    value: minorOf(n),
    symbol: n.symbol,
    ...(n.percent ? { percent: true } : {}),
    ...(n.unit ? { unit: n.unit } : {}),
  }));

describe('reading the numbers of a cell', () => {
  it.each([
    ['¥12.80', [{ value: 1280, symbol: '¥' }]],
    ['12.80 €', [{ value: 1280, symbol: '€' }]],
    ['$ 1,080.40', [{ value: 108040, symbol: '$' }]],
    ['UGX4,500', [{ value: 450000, symbol: 'UGX' }]],
    ['1.20 CHF', [{ value: 120, symbol: 'CHF' }]],
    ['Php 695.00', [{ value: 69500, symbol: 'Php' }]],
    ['₱1500', [{ value: 150000, symbol: '₱' }]],
    ['90元', [{ value: 9000, symbol: '元' }]],
    ['¥3', [{ value: 300, symbol: '¥' }]],
    ['$35.2', [{ value: 3520, symbol: '$' }]],
    ['-1.00', [{ value: -100, symbol: null }]],
    ['(1.00)', [{ value: -100, symbol: null }]],
    ['-¥2.54', [{ value: -254, symbol: '¥' }]],
    ['40,00', [{ value: 4000, symbol: null }]],
    ['1.234,50', [{ value: 123450, symbol: null }]],
    ['1, 272.72', [{ value: 127272, symbol: null }]],
    ['7800.00 $', [{ value: 780000, symbol: '$' }]],
    ['VAT(10%)', [{ value: 1000, symbol: null, percent: true }]],
    ['10件', [{ value: 1000, symbol: null, unit: '件' }]],
    ['¥10元/份', [{ value: 1000, symbol: '¥', unit: '份' }]],
    ['F20.00', [{ value: 2000, symbol: '?' }]],
    ['Y45.79', [{ value: 4579, symbol: '¥' }]],
    ['2021-05-28 15:36:58', []],
    ['KDV %10', [{ value: 1000, symbol: null, percent: true }]],
    ['KDV (%20)', [{ value: 2000, symbol: null, percent: true }]],
    ['40,36 TL', [{ value: 4036, symbol: 'TL' }]],
    ['Rp.263500', [{ value: 26350000, symbol: 'Rp.' }]],
    ['HTL 5', [{ value: 500, symbol: null }]],
    ['Genel Toplam: t38,38', [{ value: 3838, symbol: '?' }]],
    // Indian grouping: read whole, never as "1,23" (1.23) with the rest left over.
    ['₹1,23,456.00', [{ value: 12345600, symbol: '₹' }]],
    ['Rs. 12,34,567.50', [{ value: 123456750, symbol: 'Rs.' }]],
    ['1,23,456', [{ value: 12345600, symbol: null }]],
    ['1,23,45', []],
    ['v1.2.3', []],
    ['Size M 2.50', [{ value: 250, symbol: null }]],
    [
      '2 x2.50',
      [
        { value: 200, symbol: null },
        { value: 250, symbol: null },
      ],
    ],
  ])('%s', (text, expected) => {
    expect(nums(text)).toEqual(expected);
  });

  it('a thousands comma must group threes: "1,23" is no number of ours', () => {
    expect(nums('1,2345')).toEqual([]);
  });

  it('labels keep their words: "Total: $ 1,080.40", "总价:¥166元。"', () => {
    expect(cell('Total: $ 1,080.40').words).toBe('Total:');
    expect(cell('总价:¥166元。').words).toBe('总价: 。');
  });
});

describe('formulas and quantities', () => {
  it.each([
    ['2 x $3.00', '2', 300, null],
    ['3 @ 1.50', '3', 150, null],
    ['2 * 2.00 = 4.00', '2', 200, 400],
    ['1.000 Unit(s) at 0.83 € / Unit(s)', '1', 83, null],
    ['1.00 Units x $ 750.00 / Units', '1', 75000, null],
    ['1.200 Kg à 1.00 CHF / Kg', '1.2', 100, null],
    ['1x$4', '1', 400, null],
  ])('%s', (text, q, p, a) => {
    const f = cell(text).formula!;
    expect(quantityOf(f.quantity)).toBe(q);
    expect(minorOf(f.price)).toBe(p);
    expect(f.amount ? minorOf(f.amount) : null).toBe(a);
  });

  it('a quantity at the end of a name, but not a pack size', () => {
    expect(cell('Vigan Tapa Burger (1)').nameQuantity?.digits).toBe('1');
    expect(cell('单人套餐×1').nameQuantity?.digits).toBe('1');
    expect(cell('Eggs Free Range x12').nameQuantity).toBeNull();
    expect(cell('beer 0.3 liter').formula).toBeNull();
  });

  it('a price is never a quantity, nor a weight of more than three decimals', () => {
    expect(quantityOf(cell('$3.00').nums[0]!)).toBeNull();
    expect(quantityOf(cell('1.2345').nums[0]!)).toBeNull();
    expect(quantityOf(cell('0.536').nums[0]!)).toBe('0.536');
  });
});

describe('money is never guessed from the decimals', () => {
  it('"15.000" is no amount in a two-decimal currency (thousands in Jakarta, fifteen in Zürich)', () => {
    expect(minorOf(cell('15.000').nums[0]!)).toBeNull();
    expect(minorOf(cell('Rp 15.000').nums[0]!, 2)).toBeNull();
    expect(minorOf(cell('¥1500').nums[0]!, 0)).toBe(1500);
    expect(minorOf(cell('¥15.5').nums[0]!, 0)).toBeNull();
  });
});

describe('a misread sign glued to money after a label', () => {
  it('is taken off the label, so the label is still read', () => {
    expect(cell('Genel Toplam: t38,38').words).toBe('Genel Toplam:');
    expect(cell('Vitamin C500').words).toBe('Vitamin C'); // no decimals: no money, no sign
  });
});
