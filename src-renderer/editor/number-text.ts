import { currencyExponent, MAX_AMOUNT_MINOR } from '../../src-main/contract/money';

/** The separators a locale writes numbers with, e.g. en-US { group: ',', decimal: '.' }. */
export interface NumberStyle {
  group: string;
  decimal: string;
}

/** A typed number read, or why not: 'ambiguous' when it could mean two amounts, never guessed. */
export type NumberRead =
  | { ok: true; value: number }
  | { ok: false; reason: 'ambiguous' | 'not_a_number' | 'too_many_decimals' };

/** The group and decimal separators of a locale, as Intl writes 12,345.6 there. */
export function numberStyle(locale: string): NumberStyle {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const raw = parts.find((p) => p.type === 'group')?.value ?? ',';
  // Narrow and ordinary no-break spaces are typed as a plain space.
  return { decimal, group: /\s/.test(raw) ? ' ' : raw };
}

const SEPARATORS = /[.,'\s\u00a0\u202f]/;

/**
 * Reads a decimal the cashier typed, in the store's number style, as digits before and after the
 * point (not a float). A separator that is not the store's decimal must group thousands exactly
 * (1,250.00): "12,50" in a store that writes 12.50 could be 12.50 or 1,250 and is refused.
 */
export function readDecimal(
  text: string,
  style: NumberStyle,
):
  | { ok: true; negative: boolean; whole: string; frac: string }
  | { ok: false; reason: 'ambiguous' | 'not_a_number' } {
  let t = text.trim().replace(/^[¥$€£￥]\s*|^(?:RMB|CNY|USD|EUR)\s*/i, '');
  const negative = /^[-−]/.test(t);
  if (negative) t = t.slice(1).trim();
  if (!/^\d/.test(t) && !t.startsWith(style.decimal)) return { ok: false, reason: 'not_a_number' };
  const norm = t.replace(/[\u00a0\u202f]/g, ' ');
  if (!/^[\d.,' ]+$/.test(norm)) return { ok: false, reason: 'not_a_number' };
  const d = norm.split(style.decimal);
  if (d.length > 2) return { ok: false, reason: 'ambiguous' };
  const [intPart = '', frac = ''] = d;
  if (SEPARATORS.test(frac)) return { ok: false, reason: 'ambiguous' };
  const foreign = [...new Set(intPart.replace(/\d/g, ''))];
  if (foreign.length === 0) return { ok: true, negative, whole: intPart || '0', frac };
  // Only the store's group separator, in groups of exactly three digits, is a grouping.
  const grouped = new RegExp(`^\\d{1,3}(?:${escape(style.group)}\\d{3})+$`);
  if (foreign.length > 1 || foreign[0] !== style.group || !grouped.test(intPart))
    return { ok: false, reason: 'ambiguous' };
  return { ok: true, negative, whole: intPart.split(style.group).join(''), frac };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An amount typed in the store's style, in minor units; more decimals than the currency has is refused. */
export function readAmount(text: string, currency: string, style: NumberStyle): NumberRead {
  const r = readDecimal(text, style);
  if (!r.ok) return r;
  const exp = currencyExponent(currency);
  if (r.frac.length > exp) return { ok: false, reason: 'too_many_decimals' };
  if (r.whole.length > 10) return { ok: false, reason: 'not_a_number' };
  const value = Number(r.whole) * 10 ** exp + Number(r.frac.padEnd(exp, '0') || '0');
  if (!Number.isSafeInteger(value) || value > MAX_AMOUNT_MINOR)
    return { ok: false, reason: 'not_a_number' };
  return { ok: true, value: r.negative ? -value : value };
}

/** A quantity typed in the store's style, as the contract's decimal string ("0.536"), or null. */
export function readQuantity(text: string, style: NumberStyle): string | null {
  const r = readDecimal(text, style);
  if (!r.ok || r.negative) return null;
  const whole = r.whole.replace(/^0+(?=\d)/, '');
  return r.frac ? `${whole}.${r.frac}` : whole;
}

/** Minor units written in the store's style with grouping, e.g. 186000 → "1,860.00". */
export function writeAmount(minor: number, currency: string, style: NumberStyle): string {
  const exp = currencyExponent(currency);
  const abs = Math.abs(minor);
  const unit = 10 ** exp;
  const whole = String(Math.floor(abs / unit)).replace(/\B(?=(\d{3})+(?!\d))/g, style.group);
  const frac = exp ? `${style.decimal}${String(abs % unit).padStart(exp, '0')}` : '';
  return `${minor < 0 ? '-' : ''}${whole}${frac}`;
}

/** A quantity string ("0.536") in the store's style ("0,536"). */
export function writeQuantity(quantity: string, style: NumberStyle): string {
  return quantity.replace('.', style.decimal);
}
