import { lineAmount } from '../../contract/money';
import type { ItemBlock, Layout } from './blocks';
import { columns } from './columns';
import { countVerdict } from './count';
import { settle } from './settle';
import { minorOf, quantityOf, type Num } from './tokens';

/** A line as the arithmetic settled it, with what was read and what was worked out. */
export interface SolvedLine {
  name: string;
  quantity: string;
  unitPrice: number | null;
  amount: number;
  /** Fields not read off the screen but worked out from the others. */
  derived: Array<'quantity' | 'unitPrice' | 'amount'>;
  /** True when quantity, unit price and amount were all read and q × p = amount. */
  verified: boolean;
  /** The rows the line spans on the screen (region pixels). */
  y0: number;
  y1: number;
  /** The quantity was not printed anywhere (no column, no formula): one is taken. */
  implicitQuantity: boolean;
  /** A number read with low confidence that the line's own arithmetic does not pin. */
  doubtful: Array<'quantity' | 'unitPrice' | 'amount'>;
  /** A quantity column is shown but this line's quantity was neither read nor worked out. */
  quantityMissing: boolean;
  /** The screen's item count equals the quantities (those read, and ones where none was). */
  countChecked: boolean;
  /** A discount or tax printed with the line that explains amount − quantity × price. */
  adjustment: { label: string; amount: number } | null;
  ok: boolean;
}

/** The reading of the numbers that makes the order add up, and how sure it is. */
export interface Solution {
  lines: SolvedLine[];
  adjustments: Array<{ label: string; amount: number }>;
  total: number | null;
  totalLabel: string | null;
  subtotal: number | null;
  /** Σ lines + adjustments = total, with a total found. */
  totalOk: boolean;
  /** Another reading adds up too and gives different amounts: money is not guessed. */
  ambiguous: boolean;
  /** Columns of numbers the chosen reading leaves unexplained (not ids, not a named column). */
  unexplained: number;
  /** The chosen reading puts money under a quantity header, or a quantity under a price one. */
  swapped: boolean;
  /**
   * The header names a unit price column, yet no number was read under it: prices worked out
   * from amount ÷ quantity are then not what the screen shows.
   */
  priceUnread: boolean;
}

type Role = 'quantity' | 'unitPrice' | 'amount';

/** Confidence below which a number must be pinned by arithmetic to be taken. */
const SURE = 0.6;

/** Every way to give columns the roles quantity / unit price / amount (each at most once). */
function* hypotheses(k: number): Generator<Array<Role | null>> {
  const roles: Array<Role | null> = ['quantity', 'unitPrice', 'amount'];
  const pick = function* (
    i: number,
    used: Set<Role>,
    acc: Array<Role | null>,
  ): Generator<Array<Role | null>> {
    if (i === k) {
      yield [...acc];
      return;
    }
    for (const r of [null, ...roles]) {
      if (r && used.has(r)) continue;
      acc.push(r);
      if (r) used.add(r);
      yield* pick(i + 1, used, acc);
      if (r) used.delete(r);
      acc.pop();
    }
  };
  yield* pick(0, new Set(), []);
}

function lineFor(
  item: ItemBlock,
  get: (r: Role) => Num | undefined,
  hasQtyColumn: boolean,
  exp: number,
  countedOne = false,
  tax?: { num: Num; label: string },
): SolvedLine {
  const derived: SolvedLine['derived'] = [];
  const f = item.formula;
  const qNum =
    f?.quantity ?? item.tagged.quantity ?? get('quantity') ?? item.nameQuantity ?? undefined;
  const pNum = f?.price ?? item.tagged.unitPrice ?? get('unitPrice');
  let aNum = f?.amount ?? item.tagged.amount ?? get('amount');
  if (!aNum && f) aNum = item.nums[item.nums.length - 1];
  let quantity = qNum ? quantityOf(qNum) : hasQtyColumn ? (countedOne ? '1' : null) : '1';
  if (!qNum && countedOne) derived.push('quantity');
  const price = pNum && !pNum.unit?.match(/件|个/) ? minorOf(pNum, exp) : null;
  let amount = aNum ? minorOf(aNum, exp) : null;
  const bad = (qNum && quantity === null) || (pNum && price === null) || (aNum && amount === null);
  if (amount === null && !aNum && quantity !== null && price !== null) {
    amount = lineAmount(quantity, price);
    derived.push('amount');
  }
  if (
    quantity === null &&
    price &&
    amount !== null &&
    amount % price === 0 &&
    amount / price <= 999
  ) {
    quantity = String(amount / price);
    derived.push('quantity');
  }
  let unitPrice = price;
  if (unitPrice === null && !pNum && quantity !== null && amount !== null) {
    const each = amount / Number(quantity);
    if (Number.isInteger(each)) {
      unitPrice = each;
      derived.push('unitPrice');
    }
  }
  const adjustment =
    aNum && quantity !== null && price !== null && amount !== null
      ? lineAdjustment(lineAmount(quantity, price), amount, item, tax, exp)
      : null;
  const own = adjustment?.amount ?? 0;
  const verified =
    Boolean(qNum && pNum && aNum) &&
    quantity !== null &&
    price !== null &&
    lineAmount(quantity, price) + own === amount;
  const ok =
    !bad &&
    quantity !== null &&
    amount !== null &&
    amount > 0 &&
    (unitPrice === null || lineAmount(quantity, unitPrice) + own === amount) &&
    // A fractional quantity (a weight) is only believed where quantity × price = amount proves
    // it: unchecked, "34.98" may as well be a price read into the quantity's place.
    (verified || Number.isInteger(Number(quantity)));
  const doubtful: SolvedLine['doubtful'] = verified
    ? []
    : (
        [
          ['quantity', qNum],
          ['unitPrice', pNum],
          ['amount', aNum],
        ] as const
      ).flatMap(([field, n]) => (n && n.conf < SURE ? [field] : []));
  return {
    name: item.name,
    y0: item.y0,
    y1: item.y1,
    implicitQuantity: !qNum && !hasQtyColumn,
    quantity: quantity ?? '1',
    unitPrice,
    amount: amount ?? 0,
    derived,
    verified,
    doubtful,
    quantityMissing: hasQtyColumn && !qNum && !derived.includes('quantity'),
    countChecked: false,
    adjustment,
    ok,
  };
}

/**
 * The line's own discount or tax, when one printed with it explains the difference between its
 * amount and quantity × price exactly: a tax column's number, or a percent discount (rounded to
 * the minor unit). Nothing else is ever taken for one: an amount that differs otherwise does
 * not add up.
 */
function lineAdjustment(
  gross: number,
  amount: number,
  item: ItemBlock,
  tax: { num: Num; label: string } | undefined,
  exp: number,
): SolvedLine['adjustment'] {
  const diff = amount - gross;
  if (diff === 0) return null;
  if (tax && diff > 0 && minorOf(tax.num, exp) === diff) return { label: tax.label, amount: diff };
  const pct = item.discount ? Number(item.discount.num.digits) : 0;
  if (pct > 0 && pct < 100 && diff === -Math.round((gross * pct) / 100))
    return { label: item.discount!.label, amount: diff };
  return null;
}

/**
 * Chooses which number of each item is the quantity, the unit price and the amount: every
 * assignment of roles to the item columns is tried, and the one that makes each line and the
 * total check wins, the header's words breaking ties. When two readings both check but charge
 * different amounts, the solution says it is ambiguous.
 */
export function solve(layout: Layout, exp = 2): Solution {
  const { hints, of } = columns(layout);
  const k = hints.length;
  type Scored = {
    lines: SolvedLine[];
    settled: ReturnType<typeof settle>;
    score: number[];
    unexplained: number;
    swapped: boolean;
  };
  const tried: Scored[] = [];
  // A quantity column the header names counts as shown even where its cells were not read.
  const headerQty =
    hints.includes('quantity') || (layout.header ?? []).some((h) => h.role === 'quantity');
  // A tax column the header names ("VAT"): each line's number there may be inside its amount.
  const taxColumn = hints.indexOf('tax');
  const taxWords = (layout.header ?? []).find((c) => c.role === 'tax')?.words ?? 'Tax';
  const taxOf = (item: ItemBlock) => {
    const num = item.nums.find((n) => of.get(n) === taxColumn);
    return taxColumn >= 0 && num ? { num, label: taxWords } : undefined;
  };
  const itemsBottom = Math.max(-Infinity, ...layout.items.map((i) => i.y1));
  const counts = layout.summary
    .filter((p) => p.kind === 'count' && p.num.decimals === 0 && !p.num.negative)
    .map((p) => Number(p.num.digits));
  // A column of a few doubtful numbers (table rules read as "1" or "11" on some rows) is noise,
  // not a column of the order: it gets no role, which also keeps the readings tried few.
  const stray = hints.map((_, i) => {
    const inIt = layout.items.flatMap((item) => item.nums.filter((n) => of.get(n) === i));
    const rows = layout.items.filter((item) => item.nums.some((n) => of.get(n) === i)).length;
    return inIt.every((n) => n.conf < 0.6) && rows * 2 < layout.items.length;
  });
  for (const h of hypotheses(Math.min(k, 8))) {
    // A column the header calls a row number, an id or a code ("#", "No", "SKU") is never a
    // quantity or money, however well its numbers would add up (1, 2, 3 … as quantities).
    if (h.some((r, i) => r !== null && (hints[i] === 'other' || stray[i]))) continue;
    const hasQty = h.includes('quantity') || headerQty;
    const read = (item: ItemBlock, countedOne = false) =>
      lineFor(
        item,
        (r) => item.nums.find((n) => h[of.get(n)!] === r),
        hasQty,
        exp,
        countedOne,
        taxOf(item),
      );
    let lines = layout.items.map((item) => read(item));
    // The screen's item count settles quantities it adds up with: doubts about them go, and
    // lines whose quantity nobody read are ones when the count leaves exactly one for each.
    const verdict = countVerdict(
      lines.map((l) => (l.quantityMissing ? null : l.quantity)),
      counts,
    );
    if (verdict) {
      lines = lines
        .map((l, i) => (verdict === 'ones' && l.quantityMissing ? read(layout.items[i]!, true) : l))
        .map((l) => ({
          ...l,
          doubtful: l.doubtful.filter((f) => f !== 'quantity'),
          countChecked: true,
        }));
    }
    if (lines.length === 0) continue;
    const sum = lines.reduce((s, l) => s + l.amount, 0);
    const settled = settle(sum, layout.summary, exp, itemsBottom);
    const agree = h.filter((r, i) => r !== null && hints[i] === r).length;
    const clash = h.filter((r, i) => r !== null && hints[i] !== null && hints[i] !== r).length;
    const used = h.filter((r) => r !== null).length;
    // Money read where the header says quantity, or a quantity where it says price or amount:
    // "Price" may mean the line's amount, but never how many.
    const swapped = h.some(
      (r, i) =>
        (r === 'quantity' && (hints[i] === 'unitPrice' || hints[i] === 'amount')) ||
        ((r === 'unitPrice' || r === 'amount') && hints[i] === 'quantity'),
    );
    const score = [
      lines.filter((l) => l.ok).length,
      settled.ok ? 1 : 0,
      // Of two readings that both add up, the one that rests on confident numbers.
      -lines.reduce((n, l) => n + l.doubtful.length, 0),
      lines.filter((l) => l.verified).length,
      agree - clash,
      used,
      -lines.reduce((s, l) => s + l.derived.length, 0),
    ];
    // A column of confidently read numbers that no role and no header explains (a price
    // column read as nothing) means the reading is incomplete, however well it adds up.
    // A number in one line of many (table rules read as "11" in one row) is no column.
    const unexplained = h.filter(
      (r, i) =>
        r === null &&
        hints[i] !== 'other' &&
        hints[i] !== 'tax' &&
        layout.items.filter((item) => item.nums.some((n) => of.get(n) === i && n.conf >= 0.6))
          .length *
          2 >=
          Math.max(2, layout.items.length),
    ).length;
    tried.push({ lines, settled, score, unexplained, swapped });
  }
  if (tried.length === 0) {
    const settled = settle(0, layout.summary, exp);
    return {
      lines: [],
      adjustments: [],
      total: settled.total,
      totalLabel: settled.label,
      subtotal: settled.subtotal,
      totalOk: false,
      ambiguous: false,
      unexplained: 0,
      swapped: false,
      priceUnread: false,
    };
  }
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
    return 0;
  };
  tried.sort((a, b) => cmp(a.score, b.score));
  const best = tried[0]!;
  const amounts = (s: Scored) =>
    s.lines.map((l) => `${l.quantity}|${l.unitPrice}|${l.amount}`).join(';');
  const all = best.lines.length;
  // Another reading that checks as well, rests on as many confident and proven numbers and
  // agrees as well with the header, but charges differently: the screen does not say which.
  const ambiguous =
    best.score[0] === all &&
    best.score[1] === 1 &&
    tried.some(
      (t) =>
        t !== best &&
        t.score.slice(0, 5).every((v, i) => v === best.score[i]) &&
        amounts(t) !== amounts(best),
    );
  return {
    lines: best.lines,
    adjustments: best.settled.adjustments,
    total: best.settled.total,
    totalLabel: best.settled.label,
    subtotal: best.settled.subtotal,
    totalOk: best.settled.ok,
    ambiguous,
    unexplained: best.unexplained,
    swapped: best.swapped,
    priceUnread:
      (layout.header ?? []).some((c) => c.role === 'unitPrice') &&
      !hints.includes('unitPrice') &&
      best.lines.some((l) => l.derived.includes('unitPrice')),
  };
}
