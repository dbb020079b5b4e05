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
