/**
 * A total printed as the arithmetic that made it: `55*95%+0=¥52.25` (a member price: the sum,
 * 95% of it, plus nothing) or `5.50 = 10 - 4.50` (the total, what was given, the change). The
 * row must be an equation that holds, one side a single number (the total), the other side
 * with a percent or only additions and subtractions: `2 * 2.00 = 4.00` without a percent is an
 * item's quantity × price, never a total.
 */
export interface TotalEquation {
  /** The single number: what the customer pays. */
  total: string;
  /** The other side's first number (the sum of the lines, or what was given). */
  first: string;
  /** The other side as printed, without currency signs ("55*95%+0"): the adjustment's label. */
  expression: string;
}

const CURRENCY = /[¥￥$€£₹₱₩฿₫₺₽₦]|元|CNY|RMB|USD|EUR/g;
const TERM = String.raw`\d+(?:\.\d+)?%?`;
const EXPRESSION = new RegExp(String.raw`^${TERM}(?:[-+*/]${TERM})*$`);

/** Reads a row's text as a total equation, or null when it is none or does not hold. */
export function totalEquation(text: string): TotalEquation | null {
  const t = text
    .normalize('NFKC')
    .replace(CURRENCY, '')
    .replace(/[×xX]/g, '*')
    .replace(/[−–—]/g, '-')
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/\s+/g, '');
  const sides = t.split('=');
  if (sides.length !== 2 || !sides.every((s) => EXPRESSION.test(s))) return null;
  const single = sides.findIndex((s) => /^\d+(?:\.\d+)?$/.test(s));
  if (single < 0) return null;
  const total = sides[single]!;
  const expression = sides[1 - single]!;
  if (/^\d+(?:\.\d+)?$/.test(expression)) return null;
  if (/[*/]/.test(expression) && !expression.includes('%')) return null;
  const value = evaluate(expression);
  if (value === null || Math.abs(value - Number(total)) >= 0.005) return null;
  return { total, first: /^\d+(?:\.\d+)?/.exec(expression)![0], expression };
}

/** Evaluates +, -, *, / and n% (n / 100) left to right, * and / first. */
function evaluate(expression: string): number | null {
  const tokens = expression.match(/\d+(?:\.\d+)?%?|[-+*/]/g) ?? [];
  const num = (s: string) => (s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s));
  const terms: number[] = [];
  const signs: number[] = [1];
  let current = num(tokens[0]!);
  for (let i = 1; i < tokens.length; i += 2) {
    const op = tokens[i]!;
    const n = num(tokens[i + 1]!);
    if (op === '*') current *= n;
    else if (op === '/') {
      if (n === 0) return null;
      current /= n;
    } else {
      terms.push(current);
      signs.push(op === '+' ? 1 : -1);
      current = n;
    }
  }
  terms.push(current);
  return terms.reduce((s, v, i) => s + signs[i]! * v, 0);
}
