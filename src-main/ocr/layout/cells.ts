import { isNameLike } from './labels';
import { readCell, type Cell, type Num } from './tokens';

/** A cell's numbers with the label in front of each: "总价:270.0" → [["总价", 270.0]]. */
export function labelledNums(cell: Cell): Array<{ label: string; num: Num }> {
  const out: Array<{ label: string; num: Num }> = [];
  // A comma between fields may come out of the engine as a point ("种类:2.总价:270.0" from a
  // JPEG): a point straight before a Chinese label is a separator, never a decimal point.
  const parts = cell.text.split(
    /(?<=\d[%元]?)\s*(?:[,，;；·•丨|]|[.。](?=\s*[\u3400-\u9fff]))\s*(?=\D)|\s{2,}/,
  );
  if (parts.length > 1) {
    for (const p of parts) {
      const sub = readCell({ ...cell.box, text: p });
      for (const num of sub.nums) out.push({ label: sub.words, num });
    }
    return out;
  }
  for (const num of cell.nums) out.push({ label: cell.words, num });
  return out;
}

const TAG: Array<['quantity' | 'unitPrice' | 'amount', RegExp]> = [
  ['quantity', /^(?:数量|數量|qty|quantity)[:：]?$/i],
  ['unitPrice', /^(?:单价|單價|售价|售價|price|unitprice)[:：]?$/i],
  ['amount', /^(?:金额小计|金额|金額|小计|amount|subtotal)[:：]?$/i],
];

export function tagOf(label: string): 'quantity' | 'unitPrice' | 'amount' | null {
  const t = label.replace(/\s+/g, '');
  for (const [role, re] of TAG) if (re.test(t)) return role;
  return null;
}

/** True when qty × price of a formula equals one of the numbers (the line it explains). */
export function fitsAmount(formula: NonNullable<Cell['formula']>, nums: Num[]): boolean {
  const q = Number(formula.quantity.digits);
  const p = Number(formula.price.digits);
  return nums.some((n) => Math.abs(Number(n.digits) - q * p) < 0.006);
}

/** The name as printed, numbers in it kept ("可口可乐330ml"), a quantity at its end removed. */
export function nameText(cell: Cell | string): string {
  if (typeof cell !== 'string' && cell.nameQuantity) {
    return nameText(cell.text.replace(/\s*(?:\(\s*\d{1,3}\s*\)|[×xX*]\s*\d{1,3})\s*$/, ''));
  }
  const text = typeof cell === 'string' ? cell : cell.text;
  return (
    text
      .replace(/^\s*\d{1,3}[.)]\s+(?=\D)/, '')
      // A barcode or item code read into the name's box ("6910000015838 Eggs x12"): no name
      // begins with eight digits or more.
      .replace(/^\s*\d{8,14}\s+(?=\D)/, '')
      .trim()
  );
}

/**
 * "Coke 330ml 2 x 3.50" read as one box: the name before the formula and the formula become
 * two cells, as if the screen had printed them apart.
 */
export function splitNameFormula(cell: Cell): Cell[] {
  const f = cell.formula;
  if (!f || f.at === 0) return [cell];
  const prefix = cell.text.slice(0, f.at).trim();
  if (!isNameLike(prefix)) return [cell];
  const cut = cell.box.x0 + ((cell.box.x1 - cell.box.x0) * f.at) / Math.max(1, cell.text.length);
  const name = readCell({ ...cell.box, text: prefix, x1: cut });
  const rest = readCell({ ...cell.box, text: cell.text.slice(f.at), x0: cut });
  return [name, rest];
}
