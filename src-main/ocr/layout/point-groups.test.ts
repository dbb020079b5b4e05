import { describe, expect, it } from 'vitest';
import { withCommaDecimals, withPointGroups } from './point-groups';

const boxes = (...texts: string[]) =>
  texts.map((text, i) => ({ text, conf: 0.99, x0: 0, y0: i * 30, x1: 90, y1: i * 30 + 20 }));
const texts = (...t: string[]) => withPointGroups(boxes(...t), 2).map((b) => b.text);

describe('points that group thousands', () => {
  it('a screen of "d.ddd" amounts and no decimal point: the points group thousands', () => {
    expect(texts('Indomie', 'Rp 3.500', '10.500', 'Total Rp 1.020.500')).toEqual([
      'Indomie',
      'Rp 3500',
      '10500',
      'Total Rp 1020500',
    ]);
  });

  it('one number with a decimal point on the screen keeps every point as printed', () => {
    expect(texts('Rp 3.500', 'Total 3.50')).toEqual(['Rp 3.500', 'Total 3.50']);
  });

  it('quantities with a unit, formulas and comma decimals are left alone', () => {
    expect(texts('1.000 Unit(s)', '2.500 kg', '1.000 x 4.000', 'Rp 3.500,00')).toEqual([
      '1.000 Unit(s)',
      '2.500 kg',
      '1.000 x 4000',
      'Rp 3.500,00',
    ]);
  });

  it('a sign glued on with a point, and a misread sign after, still group ("Rp.263.500", "115.020 @")', () => {
    expect(texts('Rp.263.500', '115.020 @', '1.234.567')).toEqual([
      'Rp.263500',
      '115020 @',
      '1234567',
    ]);
  });

  it('a times sign with a number after it is a formula, left as printed', () => {
    expect(texts('2.000 @ 3.500', '1.000 x Rp 4.000')).toEqual(['2.000 @ 3500', '1.000 x Rp 4000']);
  });

  it('a currency with three decimals (KWD) reads "3.500" as three and a half', () => {
    const kept = boxes('3.500', '7.000');
    expect(withPointGroups(kept, 3)).toBe(kept);
  });
});

describe('a decimal comma screen weighs with a decimal comma', () => {
  const commas = (...t: string[]) => withCommaDecimals(boxes(...t)).map((b) => b.text);

  it('"1,250" is one and a quarter where amounts are written 12,50', () => {
    expect(commas('1,250 kg x 22,71', 'R$ 28,39', '0,536', 'Total 1.234,50')).toEqual([
      '1.250 kg x 22,71',
      'R$ 28,39',
      '0.536',
      'Total 1.234,50',
    ]);
  });

  it('one comma read as a point among many commas does not stop it', () => {
    expect(commas('1 x 9.45', '9,45', '16,41', '49,23', '1,882 kg')).toEqual([
      '1 x 9.45',
      '9,45',
      '16,41',
      '49,23',
      '1.882 kg',
    ]);
  });

  it('a screen of decimal points, or with a single comma decimal, keeps "1,250" as printed', () => {
    expect(commas('1,250', '12.50', '3.20', '4,50')).toEqual(['1,250', '12.50', '3.20', '4,50']);
    expect(commas('1,250', '4,50')).toEqual(['1,250', '4,50']);
    expect(commas('1,234,567', '4,50', '3,20')).toEqual(['1,234,567', '4,50', '3,20']);
  });
});
