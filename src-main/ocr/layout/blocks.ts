import {
  headerRole,
  isChrome,
  isNameLike,
  summaryKind,
  totalRank,
  type HeaderRole,
  type SummaryKind,
} from './labels';
import { lineHeight, type BoxRow, type TextBox } from './text-box';
import { totalEquation, type TotalEquation } from './equation';
import { fitsAmount, labelledNums, nameText, splitNameFormula, tagOf } from './cells';
import { readCell, type Cell, type Num } from './tokens';

/** A header cell: the column it names and where it sits. */
export interface HeaderColumn {
  role: HeaderRole | null;
  /** The header's words as printed ("VAT (#)"): a line tax is labelled with them. */
  words: string;
  x0: number;
  x1: number;
}

/** A labelled number below or beside the items: total, subtotal, discount, tax … */
export interface SummaryPair {
  kind: SummaryKind;
  label: string;
  rank: number;
  num: Num;
  y: number;
}

/** One order line as laid out: its name and every number printed with it. */
export interface ItemBlock {
  name: string;
  /** Numbers in cells of their own (to be given a column role). */
  nums: Num[];
  formula: Cell['formula'];
  nameQuantity: Num | null;
  /** Numbers a label in the same cell names: "单价:20000", "数量: 2". */
  tagged: Partial<Record<'quantity' | 'unitPrice' | 'amount', Num>>;
  /** The line's own discount, printed with it as a percent ("With a 10% discount"). */
  discount: { num: Num; label: string } | null;
  y0: number;
  y1: number;
}

/** What the rows of a region hold. */
export interface Layout {
  header: HeaderColumn[] | null;
  items: ItemBlock[];
  summary: SummaryPair[];
  /** Rows in the item zone with money that became no line (each is a reason to review). */
  unread: string[];
  lineHeight: number;
}

// Lone digits (a quantity in a stepper) come back from the recogniser with low confidence even
// when right; they are kept, and the reader accepts them only where the arithmetic pins them.
const MIN_NUM_CONF = 0.25;

/**
 * The pairs a total equation gives: its single number as a total, and, where the other side
 * starts from another number (the sum of the lines, 55, in "55*95%+0=52.25"), the difference as
 * an adjustment the arithmetic may take (a surcharge or, negative, a discount). Where that first
 * number is what was given ("5.50 = 10 - 4.50"), the lines add up to the total without it.
 */
function equationPairs(eq: TotalEquation, box: TextBox, y: number): SummaryPair[] {
  const numOf = (text: string) => readCell({ ...box, text }).nums[0];
  const total = numOf(eq.total);
  if (!total) return [];
  const pairs: SummaryPair[] = [
    { kind: 'total', label: `= ${eq.expression}`, rank: 1, num: total, y },
  ];
  const diff = Math.round((Number(eq.total) - Number(eq.first)) * 100) / 100;
  const adjustment = diff !== 0 ? numOf(diff.toFixed(2)) : undefined;
  if (adjustment)
    pairs.push({ kind: 'surcharge', label: eq.expression, rank: 0, num: adjustment, y });
  return pairs;
}

/**
 * The header columns one cell names. A box that holds several header words ("| Unit (#) |
 * Qty |", the engine having read across the table's rules) is cut into its words, each placed
 * where it sits in the box, so each column still finds its word.
 */
function headerWords(c: Cell): HeaderColumn[] {
  // "(#)" or "($)" read as a box of its own belongs to the word before it: no column.
  if (/^\(\s*\S{1,4}\s*\)$/.test(c.text.trim())) return [];
  const role = headerRole(c.words);
  const whole = { role, words: c.words, x0: c.box.x0, x1: c.box.x1 };
  if (role) return [whole];
  const width = (c.box.x1 - c.box.x0) / Math.max(1, c.text.length);
  // A word keeps the "(#)" or "($)" after it: it says the column holds money.
  const words = [...c.text.matchAll(/[^\s|()]+(?:\s*\([^)]*\))?/g)].flatMap((m) => {
    const r = headerRole(m[0]);
    if (!r || r === 'name') return [];
    const x0 = c.box.x0 + m.index * width;
    return [{ role: r, words: m[0], x0, x1: x0 + m[0].length * width }];
  });
  return words.length > 0 ? words : [whole];
}

/**
 * Reads the rows of a region into a header, item blocks and summary pairs. Items may span
 * rows: a name row then a numbers row (receipts, card layouts), a name and amount row then a
 * "qty at price" row (Odoo), a name with its price then a row with quantity and amount.
 */
export function readLayout(rows: readonly BoxRow[]): Layout {
  const lh = lineHeight(rows);
  let header: HeaderColumn[] | null = null;
  const items: ItemBlock[] = [];
  const summary: SummaryPair[] = [];
  const unread: string[] = [];
  let pending: { name: string; y0: number; y1: number } | null = null;
  let summaryStarted = false;
  let pendingLabel: { kind: SummaryKind; label: string; x0: number; x1: number } | null = null;
  let lastWasFieldRow = false;

  for (const row of rows) {
    const cells = row.boxes
      .map(readCell)
      .flatMap(splitNameFormula)
      .filter((c) => !(c.box.conf < MIN_NUM_CONF && c.words.length < 2));
    // A total printed as the arithmetic that made it ("55*95%+0=¥52.25", "5.50 = 10 - 4.50").
    const equation = cells.some((c) => isNameLike(c.words))
      ? null
      : totalEquation(cells.map((c) => c.text).join(' '));
    if (equation && row.boxes[0]) {
      summary.push(...equationPairs(equation, row.boxes[0], row.y0));
      if (items.length > 0) summaryStarted = true;
      continue;
    }
    // A header: two or more header words and no money.
    const heads = cells.flatMap((c) => (c.nums.length === 0 ? headerWords(c) : [null]));
    if (!header && !summaryStarted && heads.filter((h) => h?.role).length >= 2) {
      // What stood above the table's header ("Show 10 entries", a search box) was no line.
      items.length = 0;
      unread.length = 0;
      pending = null;
      // Every cell of the header row is a column, a misread word ("Qy") too, without a hint.
      header = heads.filter((h): h is HeaderColumn => h !== null);
      continue;
    }
    // A card's fields ("数量:1  售价:2", then "金额小计:2") belong to its item, not the summary.
    const tags = cells.flatMap((c) => labelledNums(c).map((p) => tagOf(p.label)));
    const fieldRow: boolean =
      tags.length > 0 &&
      tags.every((t) => t !== null) &&
      (tags.some((t) => t === 'quantity' || t === 'unitPrice') || lastWasFieldRow);
    lastWasFieldRow = fieldRow;
    // Summary pairs: a label and its number in one cell, or a label cell and the next cell's number.
    let isSummary = false;
    for (let i = 0; i < cells.length && !fieldRow; i++) {
      const c = cells[i]!;
      for (const { label, num } of labelledNums(c)) {
        const kind = summaryKind(label);
        if (kind && !num.percent) {
          summary.push({ kind, label, rank: totalRank(label), num, y: row.y0 });
          isSummary = true;
        }
      }
      if (c.nums.every((n) => n.percent)) {
        const kind = summaryKind(c.words);
        // A total's amount is the row's last number ("Total | 101,550.00 VAT | 440,050.00");
        // any other label takes the number right after it.
        const after = cells.slice(i + 1).filter((n) => n.nums.length > 0);
        const next =
          kind === 'total' || kind === 'subtotal' ? after[after.length - 1] : cells[i + 1];
        if (kind && next && next.nums.length > 0 && summaryKind(next.words) === null) {
          summary.push({
            kind,
            label: c.words,
            rank: totalRank(c.words),
            num: next.nums[0]!,
            y: row.y0,
          });
          next.nums = [];
          isSummary = true;
        } else if (kind && cells.length === 1 && c.nums.length === 0) {
          isSummary = true; // a label whose number is on the next row (see below)
          pendingLabel = { kind, label: c.words, x0: c.box.x0, x1: c.box.x1 };
          continue;
        }
      }
    }
    if (pendingLabel && !isSummary) {
      // "Grand Total" on one row and "59.17" under it.
      const under = cells.find(
        (c) =>
          c.nums.length === 1 && c.words === '' && Math.abs(c.box.x0 - pendingLabel!.x0) < lh * 3,
      );
      if (under) {
        summary.push({
          kind: pendingLabel.kind,
          label: pendingLabel.label,
          rank: totalRank(pendingLabel.label),
          num: under.nums[0]!,
          y: row.y0,
        });
        pendingLabel = null;
        continue;
      }
    }
    pendingLabel = isSummary ? pendingLabel : null;
    if (isSummary) {
      // "Show 10 entries", points, a phone number: set aside, but the items may follow.
      const kinds = summary.filter((p) => p.y === row.y0).map((p) => p.kind);
      const sums = (k: SummaryKind) => k !== 'other' && k !== 'count';
      if (kinds.some(sums) || (pendingLabel && sums(pendingLabel.kind))) {
        if (!summaryStarted) joinWrappedName();
        summaryStarted = true;
      }
      continue;
    }
    if (summaryStarted) continue;

    // An item row: the name is the first cell with words that can be a name.
    const nameCell = cells.find(
      (c) =>
        !c.formula &&
        isNameLike(c.words) &&
        !isChrome(c.words) &&
        summaryKind(c.words) === null &&
        !labelledNums(c).some((p) => tagOf(p.label)),
    );
    const numCells = cells.filter((c) => c !== nameCell && (c.nums.length > 0 || c.formula));
    const block = (name: string, y0: number): ItemBlock => ({
      name,
      nums: [],
      formula: null,
      nameQuantity: null,
      tagged: {},
      discount: null,
      y0,
      y1: row.y1,
    });
    const addNumbers = (item: ItemBlock) => {
      for (const c of numCells) {
        if (c.formula && !item.formula) {
          item.formula = c.formula;
          if (c.formula.amount === null && c.nums.length > 2) item.nums.push(...c.nums.slice(2));
          continue;
        }
        // "(1)" wrapped onto its own row under a long name is that name's quantity.
        if (/^\(\s*\d{1,3}\s*\)$/.test(c.text.trim()) && !item.nameQuantity && c.nums[0]) {
          item.nameQuantity = c.nums[0];
          continue;
        }
        const pairs = labelledNums(c);
        for (const { label, num } of pairs) {
          const tag = tagOf(label);
          if (tag) item.tagged[tag] = num;
          else if (num.percent && summaryKind(label) === 'discount')
            item.discount = { num, label: c.text.trim() };
          else if (num.conf >= MIN_NUM_CONF && !num.percent) item.nums.push(num);
        }
      }
      item.y1 = row.y1;
    };
    if (nameCell) {
      const name = nameText(nameCell);
      if (numCells.length === 0 && !nameCell.nameQuantity) {
        // A name alone: the next numbers row's name, or a wrapped name / note of the last item.
        wrapInto(items[items.length - 1]);
        pending = { name, y0: row.y0, y1: row.y1 };
        continue;
      }
      const item = block(name, row.y0);
      item.nameQuantity = nameCell.nameQuantity;
      // Numbers glued to the name cell's end ("Popcorn 1 6.03" read as one box) stay in the name.
      addNumbers(item);
      wrapInto(items[items.length - 1]);
      pending = null;
      items.push(item);
      continue;
    }
    if (numCells.length === 0) continue; // chrome only
    // Numbers without a name: the pending name's line, or more of the last line.
    const prev = items[items.length - 1];
    const formula = numCells.find((c) => c.formula)?.formula ?? null;
    const belongsToPrev =
      prev &&
      (!pending ||
        (formula && prev.nums.length > 0 && !prev.formula && fitsAmount(formula, prev.nums)));
    if (belongsToPrev) {
      wrapInto(prev);
      pending = null;
      const item = prev;
      addNumbers(item);
      continue;
    }
    if (pending) {
      const item = block(pending.name, pending.y0);
      addNumbers(item);
      items.push(item);
      pending = null;
      continue;
    }
    if (numCells.some((c) => c.nums.some((n) => n.symbol || n.decimals > 0)))
      unread.push(cells.map((c) => c.text).join(' '));
  }
  if (!summaryStarted) joinWrappedName();
  return { header, items, summary, unread, lineHeight: lh };

  /** The last item's name wrapped onto a row of its own ("HYDROGEN" / "PEROXIDE"). */
  function joinWrappedName() {
    wrapInto(items[items.length - 1]);
    pending = null;
  }

  /**
   * A name alone on its row right under an item is the rest of that item's name; further
   * away (a card's title, a code input, another panel) it is no part of it.
   */
  function wrapInto(item: ItemBlock | undefined) {
    if (pending && item && pending.y0 - item.y1 < lh * 0.8 && pending.y0 >= item.y0)
      item.name += ` ${pending.name}`;
  }
}
