import type { TextBox } from './text-box';

// A point between one to three digits and exactly three more, alone: "3.500", "Rp 15.000".
// A point after a sign is no digit's ("Rp.263.500"); a times sign makes a formula only with a
// number after it ("1.000 x 4.000"): a lone trailing "@" is a sign the engine misread (₫).
const GROUPED =
  /(?<![\d,]|\d\.)\d{1,3}(?:\.\d{3})+(?![\d.,]|\s*(?:Unit|unit|[Kk]g\b|g\b|[xX×*@]\s*(?:[^\d\s]{1,4}\s*)?\d|at\b|à\b|件|份|斤))/g;
// A point with one or two decimals after it: "3.50", "12.5".
const POINT_DECIMALS = /(?<![\d.,])\d+\.\d{1,2}(?![\d.,])/;

/**
 * Screens that group thousands with a point (Rp 15.000, 35.000 ₫, $ 12.990 in Chile) print no
 * amount with a decimal point: where a screen shows "d.ddd" numbers and no number like "3.50",
 * and the currency has fewer than three decimals, those points group thousands and are taken
 * out ("15.000" → "15000"). A screen with a decimal point anywhere keeps them: there "15.000"
 * is no amount and stays unread, never guessed. Quantities with a unit ("1.000 Unit(s)") and
 * formulas are left as printed.
 */
export function withPointGroups(boxes: readonly TextBox[], exponent: number): readonly TextBox[] {
  if (exponent >= 3) return boxes;
  if (boxes.some((b) => POINT_DECIMALS.test(b.text))) return boxes;
  if (!boxes.some((b) => b.text.search(GROUPED) >= 0)) return boxes;
  return boxes.map((b) => ({ ...b, text: b.text.replace(GROUPED, (m) => m.replace(/\./g, '')) }));
}

// A decimal comma with cents: "12,50", "1.234,50".
const COMMA_CENTS =
  /(?<![\d.,])\d{1,3}(?:\.\d{3})*,\d{2}(?![\d.,])|(?<![\d.,])\d+,\d{2}(?![\d.,])/g;
const POINTS = new RegExp(POINT_DECIMALS.source, 'g');
// One comma and three digits, alone: "1,250", "0,536".
const COMMA_THOUSANDTHS = /(?<![\d.,])(\d{1,3}),(\d{3})(?![\d.,])/g;

/**
 * Screens that write a decimal comma (12,50 €, R$ 1.234,90) weigh with one too: "1,250 kg" is
 * one and a quarter kilos there, never 1250. Where at least two numbers on the screen have a
 * comma and two decimals, more than twice as many as have a decimal point (the engine reads
 * a comma as a point now and then), "d,ddd" is read as three decimals ("1,250" → "1.250"): a
 * quantity, never money (more decimals than the currency has), so the arithmetic must still
 * prove it (thousands are grouped with a point on such a screen).
 */
export function withCommaDecimals(boxes: readonly TextBox[]): readonly TextBox[] {
  const count = (re: RegExp) => boxes.reduce((n, b) => n + (b.text.match(re)?.length ?? 0), 0);
  const cents = count(COMMA_CENTS);
  if (cents < 2 || cents <= 2 * count(POINTS)) return boxes;
  if (!boxes.some((b) => b.text.search(COMMA_THOUSANDTHS) >= 0)) return boxes;
  return boxes.map((b) => ({ ...b, text: b.text.replace(COMMA_THOUSANDTHS, '$1.$2') }));
}
