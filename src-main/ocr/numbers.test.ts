import { describe, expect, it } from 'vitest';
import {
  isNumericCell,
  looksLikeFormula,
  parseFormula,
  parseMoneyCell,
  parseQuantityCell,
} from './numbers';

describe('number cells', () => {
  it('parses money with symbols, separators and OCR slips', () => {
    expect(parseMoneyCell('¥1,234.50', 'CNY')).toBe(123450);
    expect(parseMoneyCell('-¥2.00', 'CNY')).toBe(-200);
    expect(parseMoneyCell('Y45.79', 'CNY')).toBe(4579);
    expect(parseMoneyCell('19:95', 'CNY')).toBe(1995);
    expect(parseMoneyCell('¥34‘69', 'CNY')).toBe(3469);
    expect(parseMoneyCell('1,23.40', 'CNY')).toBeNull();
    expect(parseMoneyCell('12.345', 'CNY')).toBeNull();
    expect(parseMoneyCell('abc', 'CNY')).toBeNull();
  });
  it('reads the letters a digit classifier puts in numbers, only where a digit must be', () => {
    expect(parseMoneyCell('¥596.7O', 'CNY')).toBe(59670);
    expect(parseMoneyCell('¥l,472.57', 'CNY')).toBe(147257);
    expect(parseMoneyCell('1O.50', 'CNY')).toBe(1050);
    expect(parseMoneyCell('2l.30', 'CNY')).toBe(2130);
    expect(isNumericCell('10l')).toBe(false);
    expect(isNumericCell('Oil')).toBe(false);
    expect(isNumericCell('lO')).toBe(false);
  });
  it('parses quantities, weights included', () => {
    expect(parseQuantityCell('0.536')).toBe('0.536');
    expect(parseQuantityCell('2.500')).toBe('2.5');
    expect(parseQuantityCell('了')).toBe('7');
    expect(parseQuantityCell('0')).toBeNull();
    expect(parseQuantityCell('1.2345')).toBeNull();
  });
  it('knows a number cell from a name', () => {
    expect(isNumericCell('¥12.80')).toBe(true);
    expect(isNumericCell('了')).toBe(true);
    expect(isNumericCell('了解')).toBe(false);
    expect(isNumericCell('500ml')).toBe(false);
  });
  it('reads receipt formulas', () => {
    expect(parseFormula('0.535 x ¥33.94', 'CNY')).toEqual({ quantity: '0.535', unitPrice: 3394 });
    expect(parseFormula('1x%$1,229.80', 'USD')).toEqual({ quantity: '1', unitPrice: 122980 });
    expect(parseFormula('6X ¥7.10', 'CNY')).toEqual({ quantity: '6', unitPrice: 710 });
    expect(parseFormula('Eggs x12', 'CNY')).toBeNull();
  });
  it('reads a × that came out as two letters', () => {
    expect(parseFormula('3 xX ¥83.34', 'CNY')).toEqual({ quantity: '3', unitPrice: 8334 });
    expect(parseFormula('2Xx38.42', 'CNY')).toEqual({ quantity: '2', unitPrice: 3842 });
    expect(parseFormula('2 x X 1.50', 'CNY')).toEqual({ quantity: '2', unitPrice: 150 });
    expect(parseFormula('2 xxx 1.50', 'CNY')).toBeNull();
    expect(looksLikeFormula('3 xX ¥83.34')).toBe(true);
    expect(looksLikeFormula('Eggs x12  0.355  97.71')).toBe(false);
  });
});
