import { currencyExponent, formatMinor } from '../../contract/money';
import type { ReviewWarning } from '../../contract/order';
import type { ReadOrder } from '../read-result';
import { readLayout } from './blocks';
import { nameWarnings } from './labels';
import { solve } from './solve';
import { currencyOf } from './currency';
import { panelSplits, splitPanels } from './panels';
import { withCommaDecimals, withPointGroups } from './point-groups';
import { groupRows, lineHeight, normaliseText, type BoxRow, type TextBox } from './text-box';
import { minorOf, readCell } from './tokens';
import { nameText } from './cells';

/** An order read from text boxes: the reader's result before timings are added. */
export type LayoutOrder = Omit<ReadOrder, 'timings'>;

// Warnings that say the numbers do not add up, as against numbers read with low confidence.
const BROKEN = new Set([
  'line_unread',
  'total_mismatch',
  'total_missing',
  'total_unlabelled',
  'no_lines',
]);

/**
 * Reads an order from an engine's text boxes by geometry and arithmetic: rows, item blocks,
 * summary labels, then the reading of the numbers that makes every line and the total check.
 * `ok` only when every line was read and checks, every name is text, the total was found by
 * its label and the sum matches it, and no other reading would charge differently.
 */
export function readOrderFromBoxes(
  input: readonly TextBox[],
  configured: string,
): LayoutOrder & { missing: MissingCell[] } {
  const boxes = withCommaDecimals(withPointGroups(input, currencyExponent(configured)));
  const all = groupRows(boxes);
  const normalised = all.flatMap((r) => r.boxes);
  const lh = lineHeight(all);
  // Side-by-side panels are read one after the other, each with its own rows. Where the rows
  // do not tell panels from a table's columns, every split is read too, and the reading that
  // checks (or leaves fewest doubts) is kept: each is held to the same checks.
  const guess = splitPanels(normalised, lh);
  const readings = [guess, ...panelSplits(normalised, lh)].map((panels) =>
    readRows(boxes, panels.length > 1 ? panels.flatMap((p) => groupRows(p)) : all, configured),
  );
  // Checks first, then a reading that found lines and a total, then the one that found more lines
  // with an amount, then the fewest numbers that do not add up (as against doubts of confidence),
  // then the fewest doubts.
  const rank = (r: LayoutOrder) => [
    r.status === 'ok' ? 1 : 0,
    r.lines.length > 0 ? 1 : 0,
    r.total !== null ? 1 : 0,
    r.lines.filter((l) => l.amount > 0).length,
    -r.warnings.filter((w) => BROKEN.has(w.code)).length,
    -r.warnings.length,
  ];
  const better = (a: number[], b: number[]) => {
    const i = a.findIndex((v, k) => v !== b[k]);
    return i >= 0 && a[i]! > b[i]!;
  };
  const best = readings.reduce((b, r) => (better(rank(r), rank(b)) ? r : b));
  // Two ways of cutting the screen that both check but charge differently: not guessed.
  const key = (r: LayoutOrder) =>
    `${r.total}|${r.lines.map((l) => `${l.quantity}x${l.unitPrice}=${l.amount}`).join(';')}`;
  if (best.status === 'ok' && readings.some((r) => r.status === 'ok' && key(r) !== key(best))) {
    return {
      ...best,
      status: 'needs_review',
      warnings: [
        {
          code: 'ambiguous_layout',
          message: 'The screen reads two ways that both add up; check the order',
        },
      ],
    };
  }
  return best;
}

function readRows(
  boxes: readonly TextBox[],
  rows: BoxRow[],
  configured: string,
): LayoutOrder & { missing: MissingCell[] } {
  const layout = readLayout(rows);
  const allNums = [
    ...layout.items.flatMap((i) => [...i.nums, ...(i.formula ? [i.formula.price] : [])]),
    ...layout.summary.map((s) => s.num),
  ];
  const currency = currencyOf(allNums, configured);
  const solution = solve(layout, currencyExponent(currency));
  const warnings: ReviewWarning[] = [];
  const names = withoutRowNumbers(solution.lines.map((l) => l.name));
  const lines = solution.lines.map((l, i) => ({
    id: `l${i + 1}`,
    name: names[i]!,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    amount: l.amount,
    ...(l.adjustment ? { adjustment: l.adjustment } : {}),
  }));
  // Narrow boxes the engine could not read (a stepper's digit, an input box): on a line whose
  // quantity is taken as one, such a box may be the quantity, so the line is not accepted.
  const unreadable = boxes.filter(
    (b) =>
      (b.text.trim() === '' || (b.conf < 0.5 && /^[\dNZlIOoSB|]{1,3}$/.test(b.text.trim()))) &&
      b.x1 - b.x0 <= 2 * (b.y1 - b.y0),
  );
  const doubtfulFields = solution.lines.reduce((n, l) => n + l.doubtful.length, 0);
  solution.lines.forEach((l, i) => {
    const cell = { kind: 'line' as const, id: `l${i + 1}` };
    if (!l.ok) {
      warnings.push({
        code: 'line_unread',
        message: `Line ${i + 1} (${names[i]}): its numbers were not read or do not add up`,
        cell: { ...cell, field: 'amount' },
      });
    } else if (l.derived.includes('quantity') && !l.countChecked) {
      warnings.push({
        code: 'quantity_unread',
        message: `Line ${i + 1} (${names[i]}): the quantity was not read (${l.quantity} from amount ÷ price)`,
        cell: { ...cell, field: 'quantity' },
      });
    }
    // The one doubtful number of the whole order is pinned by the total when it makes the
    // line's amount: the amount itself, or a quantity or price where the amount is q × p.
    const pinnedByTotal =
      doubtfulFields === 1 &&
      solution.totalOk &&
      (l.doubtful[0] === 'amount' || l.derived.includes('amount'));
    if (l.ok && l.doubtful.length > 0 && !pinnedByTotal) {
      warnings.push({
        code: 'low_confidence',
        message: `Line ${i + 1} (${names[i]}): ${l.doubtful.join(', ')} read with low confidence`,
        cell: { ...cell, field: l.doubtful[0]! },
      });
    }
    const mid = (b: TextBox) => (b.y0 + b.y1) / 2;
    if (
      l.ok &&
      l.implicitQuantity &&
      !l.countChecked &&
      unreadable.some((b) => mid(b) >= l.y0 && mid(b) <= l.y1)
    ) {
      warnings.push({
        code: 'quantity_unread',
        message: `Line ${i + 1} (${names[i]}): something beside it could not be read; check the quantity`,
        cell: { ...cell, field: 'quantity' },
      });
    }
  });
  warnings.push(...nameWarnings(lines));
  if (lines.length === 0)
    warnings.push({ code: 'no_lines', message: 'No order lines were found in the region' });
  let total = solution.total;
  if (total === null) {
    // No labelled total: a number printed elsewhere on the screen that equals the sum (a
    // "5.50 = 10 - 4.50" header, a status line) is shown as the total, for the cashier to
    // confirm; it is never accepted on its own, since it was found by being the sum.
    const sum = lines.reduce((s, l) => s + l.amount, 0);
    const seen =
      lines.length > 0 &&
      solution.lines.every((l) => l.ok) &&
      sum > 0 &&
      boxes.some(
        (b) =>
          // Not a number of a line itself: a one-line order's amount is trivially its sum.
          !solution.lines.some((l) => (b.y0 + b.y1) / 2 >= l.y0 && (b.y0 + b.y1) / 2 <= l.y1) &&
          readCell({ ...b, text: normaliseText(b.text) }).nums.some(
            (n) => minorOf(n, currencyExponent(currency)) === sum && !n.negative,
          ),
      );
    if (seen) total = sum;
    warnings.push({
      code: seen ? 'total_unlabelled' : 'total_missing',
      message: seen
        ? 'The total was found without a label (it equals the sum of the lines): check it'
        : 'No total (TOTAL, Amount due, 合计, 应付 …) was found',
      cell: { kind: 'total', field: 'total' },
    });
  } else if (!solution.totalOk && lines.length > 0) {
    const sum =
      lines.reduce((s, l) => s + l.amount, 0) +
      solution.adjustments.reduce((s, a) => s + a.amount, 0);
    warnings.push({
      code: 'total_mismatch',
      message: `Lines and adjustments add up to ${formatMinor(sum, currency)}, but the total reads ${formatMinor(total, currency)}`,
      cell: { kind: 'total', field: 'total' },
    });
  }
  if (solution.subtotal !== null && solution.totalOk) {
    const sum = lines.reduce((s, l) => s + l.amount, 0);
    if (sum !== solution.subtotal) {
      warnings.push({
        code: 'subtotal_mismatch',
        message: 'The lines do not add up to the subtotal shown',
        cell: { kind: 'total', field: 'total' },
      });
    }
  }
  if (solution.ambiguous) {
    warnings.push({
      code: 'ambiguous_columns',
      message: 'Two readings of the columns both add up; check quantities and prices',
    });
  }
  if (solution.swapped) {
    warnings.push({
      code: 'columns_contradict_header',
      message: 'The numbers only add up with quantities and prices swapped against the header',
    });
  }
  if (solution.priceUnread) {
    warnings.push({
      code: 'price_unread',
      message: 'The screen has a unit price column that was not read; check the unit prices',
    });
  }
  if (solution.unexplained > 0) {
    warnings.push({
      code: 'unexplained_numbers',
      message: `${solution.unexplained} column(s) of numbers were not understood; check quantities and prices`,
    });
  }
  for (const text of layout.unread) {
    warnings.push({
      code: 'unread_row',
      message: `A row with money was not understood: "${text}"`,
    });
  }
  // Where a quantity the header promises was not read: places to read again.
  const qty = layout.header?.find((h) => h.role === 'quantity');
  const lh = layout.lineHeight;
  const missing: MissingCell[] = qty
    ? solution.lines
        .filter((l) => !l.ok || l.derived.includes('quantity') || l.doubtful.includes('quantity'))
        .map((l) => quantityCell(qty, l, boxes, lh))
    : [];
  return {
    status: warnings.length === 0 ? 'ok' : 'needs_review',
    currency,
    lines,
    adjustments: solution.adjustments.map((a, i) => ({ id: `a${i + 1}`, ...a })),
    total,
    warnings,
    missing,
  };
}

/**
 * Names that begin with the line's own number, 1, 2, 3 … in order ("1Snickers", "2 Coca
 * Cola"): a row-number column the engine read into the name. The numbers are taken off; a
 * name that only begins with a number ("3 Musketeers" alone) keeps it.
 */
export function withoutRowNumbers(names: readonly string[]): string[] {
  const numbered = names.length >= 2 && names.every((n, i) => rowNumbered(n, i + 1));
  return numbered
    ? names.map((n, i) => nameText(n.slice(String(i + 1).length).replace(/^\s*\./, '')))
    : [...names];
}

const rowNumbered = (name: string, n: number) =>
  name.startsWith(String(n)) && /^(?:\s*\.?\s*\p{L}|\s+\S)/u.test(name.slice(String(n).length));

/**
 * Where a line's quantity should be: under the header's quantity word, widened by a line
 * height for a stepper's digit, but never into the text read beside it (the amount column, the
 * name), which a second look would otherwise read as part of the quantity ("1 18" as "11").
 */
function quantityCell(
  qty: { x0: number; x1: number },
  line: { y0: number; y1: number },
  boxes: readonly TextBox[],
  lh: number,
): MissingCell {
  let x0 = qty.x0 - lh;
  let x1 = qty.x1 + lh;
  for (const b of boxes) {
    const m = (b.y0 + b.y1) / 2;
    if (b.text.trim() === '' || m < line.y0 || m > line.y1) continue;
    // What overlaps the header's word is the cell's own (doubtful) reading: it bounds nothing.
    if (b.x1 <= qty.x0) x0 = Math.max(x0, b.x1 + 1);
    else if (b.x0 >= qty.x1) x1 = Math.min(x1, b.x0 - 1);
  }
  return { x0, x1, y0: line.y0 - lh * 0.2, y1: Math.min(line.y1, line.y0 + lh * 1.4) };
}

/** A place on the screen where a number should be but none was read. */
export interface MissingCell {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
