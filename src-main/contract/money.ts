import { z } from 'zod';

/** Largest amount the station accepts in one order: 10,000,000.00 in minor units. */
export const MAX_AMOUNT_MINOR = 1_000_000_000;

/** An amount of money in integer minor units (fen, cents); may be negative (discounts). */
export const minorUnitsSchema = z
  .number()
  .int('amounts are whole minor units (fen, cents)')
  .min(-MAX_AMOUNT_MINOR, 'amount is absurdly large')
  .max(MAX_AMOUNT_MINOR, 'amount is absurdly large');

/** A strictly positive amount in minor units: what can be charged. */
export const chargeAmountSchema = minorUnitsSchema.refine(
  (v) => v > 0,
  'amount must be greater than zero',
);

/** A quantity as a decimal string, e.g. "2" or "0.536" (weighed items): never a float. */
export const quantitySchema = z
  .string()
  .regex(/^(?:0|[1-9]\d{0,5})(?:\.\d{1,3})?$/, 'quantity is a decimal such as 2 or 0.536')
  .refine((q) => Number(q) > 0, 'quantity must be greater than zero');

/** ISO 4217 currency code. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY');

/** Digits after the decimal point for a currency (JPY 0, most others 2). */
export function currencyExponent(currency: string): number {
  return ['JPY', 'KRW', 'VND', 'CLP', 'ISK'].includes(currency) ? 0 : 2;
}

/**
 * quantity × unitPrice in minor units, rounded half away from zero, computed in integers so
 * "0.536" × 1999 is exact: quantities carry at most 3 decimals.
 */
export function lineAmount(quantity: string, unitPrice: number): number {
  const [whole = '0', frac = ''] = quantity.split('.');
  const thousandths = Number(whole) * 1000 + Number(frac.padEnd(3, '0'));
  const product = thousandths * unitPrice;
  const rounded = Math.floor((Math.abs(product) + 500) / 1000);
  return product < 0 ? -rounded : rounded;
}

/** Formats minor units for display, e.g. 1280 → "12.80" (symbol-free; the UI adds the symbol). */
export function formatMinor(amount: number, currency = 'CNY'): string {
  const exp = currencyExponent(currency);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (exp === 0) return `${sign}${abs.toLocaleString('en-US')}`;
  const unit = 10 ** exp;
  const whole = Math.floor(abs / unit).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % unit).padStart(exp, '0')}`;
}

/**
 * Parses a typed or printed amount ("12.80", "1,234.5", "¥12.80", "-3") into minor units.
 * Returns null when the text is not an amount, so the caller can say which cell is wrong.
 */
export function parseMinor(text: string, currency = 'CNY'): number | null {
  const exp = currencyExponent(currency);
  const cleaned = text
    .trim()
    .replace(/^[¥$€£￥]|^(?:RMB|CNY|USD)\s*/i, '')
    .replace(/,/g, '');
  const match = /^(-)?(\d{1,10})(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return null;
  const frac = match[3] ?? '';
  if (frac.length > exp) return null;
  const value = Number(match[2]) * 10 ** exp + Number(frac.padEnd(exp, '0') || '0');
  if (!Number.isSafeInteger(value) || value > MAX_AMOUNT_MINOR) return null;
  return match[1] ? -value : value;
}
