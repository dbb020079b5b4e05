import {
  headerRole,
  isDiscountLabel,
  isSubtotalLabel,
  isSurchargeLabel,
  isTotalLabel,
} from './keywords';
import { looksLikeFormula, parseFormula } from './numbers';
import { cellCenter, mergeCells, splitRow, type SplitRow } from './parse-cells';
import { parseItemRow } from './parse-item-row';
import { addAdjustment, money, setPending, unread, type RowParse } from './parse-state';
import type { Row } from './rows';

/**
 * One kind of row: if `row` is of this kind, reads it into the parse and returns true;
 * otherwise changes nothing and returns false.
 */
export type RowKind = (s: RowParse, row: Row, parts: SplitRow) => boolean;

const hasDigit = (s: string) => /\d/.test(s);

/** The table header (two or more column names, no digits): where the columns are. */
const headerRow: RowKind = (s, row) => {
  const roles = row.cells.map((c) => headerRole(c.text));
  if (roles.filter((r) => r !== null).length < 2 || row.cells.some((c) => hasDigit(c.text))) {
    return false;
  }
  s.header = row.cells.flatMap((c, i) =>
    roles[i] ? [{ role: roles[i]!, center: cellCenter(c) }] : [],
  );
  return true;
};

/** A name on its own line: the first line of a two-line receipt item (or a title). */
const nameRow: RowKind = (s, row, { label, labelCells, numbers }) => {
  if (numbers.length > 0 || looksLikeFormula(row.text)) return false;
  if (/[\p{L}]/u.test(label)) {
    setPending(s, { name: label, nameCell: mergeCells(labelCells), amountCell: null });
  }
  return true;
};

/** Receipt second line: "qty x price" with the amount after it (or on the name line). */
const formulaRow: RowKind = (s, row, { labelCells, numbers }) => {
  const formulaCells = numbers.length > 0 ? labelCells : row.cells;
  const formulaText = formulaCells.map((c) => c.text).join(' ');
  const formula =
    parseFormula(formulaText, s.currency) ?? parseFormula(row.cells[0]!.text, s.currency);
  const pending = s.pending;
  if (!formula || !pending) return false;
  const amountCell = numbers.length > 0 ? numbers[numbers.length - 1]! : pending.amountCell;
  const amount = amountCell ? money(s, amountCell) : null;
  if (!amountCell || amount === null) {
    unread(s, row, 'the amount is missing or not a number');
  } else {
    s.order.lines.push({
      id: `L${s.order.lines.length + 1}`,
      name: pending.name,
      ...(pending.nameCell ? { nameCell: pending.nameCell } : {}),
      quantity: formula.quantity,
      unitPrice: formula.unitPrice,
      amount,
      cells: { amount: amountCell, formula: mergeCells(formulaCells) },
    });
  }
  s.pending = null; // its line came: nothing to report
  return true;
};

/** A formula-like row with no item waiting for it and no amount. */
const noAmountRow: RowKind = (s, row, { numbers }) => {
  if (numbers.length > 0) return false;
  unread(s, row, 'no amount found');
  setPending(s, null);
  return true;
};

/** The total: a total label and one amount, or the last amount below the items. */
const totalRow: RowKind = (s, row, { label, numbers }) => {
  if (numbers.length !== 1 || !(isTotalLabel(label) || isLastAmountRow(s, row))) return false;
  const value = money(s, numbers[0]!);
  if (value === null) unread(s, row, 'the total is not a number');
  s.order.total = value;
  s.order.totalCell = numbers[0]!;
  return true;
};

/** The subtotal, kept to check the lines against. */
const subtotalRow: RowKind = (s, row, { label, numbers }) => {
  if (!isSubtotalLabel(label) || numbers.length !== 1) return false;
  const value = money(s, numbers[0]!);
  if (value !== null) s.order.subtotal = { amount: value, cell: numbers[0]! };
  else unread(s, row, 'the subtotal is not a number');
  return true;
};

/** A discount or surcharge by its label. */
const labelledAdjustmentRow: RowKind = (s, row, { label, numbers }) => {
  const discount = isDiscountLabel(label);
  if (!(discount || isSurchargeLabel(label)) || numbers.length !== 1) return false;
  const value = money(s, numbers[0]!);
  if (value === null) unread(s, row, 'the adjustment is not a number');
  // A discount printed without its minus sign is still a reduction.
  else addAdjustment(s, label, discount ? -Math.abs(value) : value, numbers[0]!);
  setPending(s, null);
  return true;
};

/**
 * A label and one amount: a negative amount is an adjustment; otherwise "name   amount" on a
 * receipt whose next line is "qty x price".
 */
const labelAmountRow: RowKind = (s, row, { label, labelCells, numbers }) => {
  if (numbers.length !== 1 || !label) return false;
  const value = money(s, numbers[0]!);
  if (value !== null && value < 0) {
    addAdjustment(s, label, value, numbers[0]!);
    setPending(s, null);
  } else {
    setPending(s, { name: label, nameCell: mergeCells(labelCells), amountCell: numbers[0]! });
  }
  return true;
};

/** A table row: a name, then quantity / unit price / amount (see parseItemRow). */
const itemRow: RowKind = (s, row, { label, numbers }) => {
  if (numbers.length < 2 || !(label || numbers.length >= 3)) return false;
  parseItemRow(s, row, label, numbers);
  setPending(s, null);
  return true;
};

/**
 * The kinds of row `parseRows` understands, tried in this order; a row of none of them is
 * reported. The order matters: e.g. a "qty x price" line belongs to the item waiting for it
 * before it could be read as a row of its own.
 */
export const ROW_KINDS: readonly RowKind[] = [
  headerRow,
  nameRow,
  formulaRow,
  noAmountRow,
  totalRow,
  subtotalRow,
  labelledAdjustmentRow,
  labelAmountRow,
  itemRow,
];

/**
 * The last row with a single amount, below the items, whose label was not recognised (OCR
 * garbled "合计"): taken as the total. Safe because the total must equal Σ lines + adjustments.
 */
function isLastAmountRow(s: RowParse, row: Row): boolean {
  if (s.order.lines.length === 0) return false;
  const after = s.rows.slice(s.rows.indexOf(row) + 1);
  return !after.some((r) => splitRow(r).numbers.length > 0);
}
