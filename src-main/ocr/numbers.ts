import { parseMinor } from '../contract/money';

const SYMBOLS = /[¥$€£￥]/g;

/** Tesseract often reads ¥ as Y before digits ("Y45.79"); nothing else starts a number so. */
export function fixYen(text: string): string {
  // Same for a decimal point read as a colon or a quote ("19:95", "34‘69"); the arithmetic
  // checks the result.
  // chi_sim reads a lone 7 as 了; only a cell made of digits and 了 is taken as a number.
  const sevens = /^[\d.,了]*了[\d.,了]*$/.test(text) ? text.replace(/了/g, '7') : text;
  return digitLetters(sevens)
    .replace(/^(-?)[Yy](?=-?\d)/, '$1¥')
    .replace(/(\d)[:‘’'`](\d{2})$/, '$1.$2');
}

/**
 * Letters a printed-digit classifier puts inside numbers: O for 0 ("596.7O", "1O.50"), l or I
 * for 1 ("¥l,472.57", "2l.30"). Only where nothing but a digit can stand: between digits, after
 * a decimal point's digits, right after a currency symbol. "10l" or "Oil" stay as they are.
 */
function digitLetters(text: string): string {
  return text
    .replace(/(?<=\d)[Oo](?=[.,]?\d)|(?<=\.\d*)[Oo]/g, '0')
    .replace(/(?<=[¥$€£￥])[lI](?=[\d.,])|(?<=\d)[lI](?=[.,]?\d)/g, '1');
}

/** Normalises OCR'd number text: unicode minus, currency symbols, spaces inside digits. */
export function normaliseNumber(text: string): string {
  return fixYen(text)
    .replace(/[−–—]/g, '-')
    .replace(SYMBOLS, '')
    .replace(/^(?:RMB|CNY|USD)\s*/i, '')
    .replace(/\s+/g, '');
}

/** True when the text has a currency symbol, the mark of a price cell. */
export function hasCurrencySymbol(text: string): boolean {
  return /[¥$€£￥]/.test(text);
}

/**
 * Parses a money cell ("¥1,234.50", "-2.00", "-¥2.00") into minor units. Thousands
 * separators must sit every three digits, so "1,23.4" is refused rather than guessed.
 */
export function parseMoneyCell(text: string, currency: string): number | null {
  const t = normaliseNumber(text);
  if (!/^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/.test(t)) return null;
  return parseMinor(t, currency);
}

/** Parses a quantity cell ("2", "0.536", "1,000") into the contract's decimal-string form. */
export function parseQuantityCell(text: string): string | null {
  const t = normaliseNumber(text).replace(/,(?=\d{3}\b)/g, '');
  const m = /^(\d{1,6})(?:\.(\d{1,3}))?$/.exec(t);
  if (!m) return null;
  const whole = String(Number(m[1]));
  const frac = (m[2] ?? '').replace(/0+$/, '');
  const q = frac ? `${whole}.${frac}` : whole;
  return Number(q) > 0 ? q : null;
}

/** True when the cell looks like a number of any kind (money or quantity). */
export function isNumericCell(text: string): boolean {
  return /^-?[¥$€£￥]?-?\d[\d,]*(?:\.\d+)?$/.test(
    fixYen(text.replace(/[−–—]/g, '-').replace(/\s+/g, '')),
  );
}

/**
 * The "times" between quantity and unit price. Tesseract sometimes reads one × as two letters
 * ("3 xX ¥83.34", "2Xx38.42"); two x-like marks in a row still mean one multiplication.
 */
export const TIMES = String.raw`(?:[xX×*]\s*){1,2}`;

/** True when the text holds a receipt formula "qty x price" anywhere. */
export function looksLikeFormula(text: string): boolean {
  return new RegExp(String.raw`\d\s*${TIMES}[¥$€£￥]?\d`).test(text);
}

/** "0.535 x ¥33.94", "6X ¥7.10", "2x5.70": quantity and unit price of a receipt's second line. */
export function parseFormula(
  text: string,
  currency: string,
): { quantity: string; unitPrice: number } | null {
  const m = new RegExp(String.raw`^(\d[\d.,]*)\s*${TIMES}(.+)$`).exec(
    text.replace(/\s+/g, ' ').trim(),
  );
  if (!m) return null;
  const quantity = parseQuantityCell(m[1]!);
  // Specks between the x and the price ("1x%$1,229.80") are not part of the price.
  const unitPrice = parseMoneyCell(m[2]!.replace(/^[%#&'"`^~*]+/, ''), currency);
  return quantity !== null && unitPrice !== null ? { quantity, unitPrice } : null;
}
