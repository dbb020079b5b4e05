import type { ReviewWarning } from '../contract/order';
import { currencyExponent, lineAmount } from '../contract/money';
import {
  headerRole,
  isDiscountLabel,
  isSubtotalLabel,
  isSurchargeLabel,
  isTotalLabel,
  type ColumnRole,
} from './keywords';
import {
  isNumericCell,
  looksLikeFormula,
  parseFormula,
  parseMoneyCell,
  parseQuantityCell,
} from './numbers';
import { CJK, type Cell, type Row } from './rows';

/** A line as read, with the cells each number came from (for re-reads and warnings). */
export interface DraftLine {
  id: string;
  name: string;
  quantity: string;
  unitPrice: number | null;
  amount: number;
  cells: { quantity?: Cell; unitPrice?: Cell; amount: Cell; formula?: Cell };
  /** Where the name was read (its words merged), for a second look at doubtful names. */
  nameCell?: Cell;
}

/** An adjustment as read. */
export interface DraftAdjustment {
  id: string;
  label: string;
  amount: number;
  cell: Cell;
}

/** The order as parsed from rows, before validation. */
export interface DraftOrder {
  lines: DraftLine[];
  adjustments: DraftAdjustment[];
  total: number | null;
  totalCell: Cell | null;
  subtotal: { amount: number; cell: Cell } | null;
  /** Problems found while parsing (rows not understood, cells not numbers). */
  warnings: ReviewWarning[];
  /** The rows behind `unread_row` warnings, for a second look. */
  unreadRows: Row[];
  /** Whether any row read shows a Chinese character (header, names, labels). */
  chinese?: boolean;
}

interface HeaderColumn {
  role: ColumnRole;
  center: number;
}

const center = (c: Cell) => (c.x0 + c.x1) / 2;
const hasDigit = (s: string) => /\d/.test(s);

/** Splits a row into leading label cells and trailing numeric cells. */
function splitRow(row: Row): { label: string; labelCells: Cell[]; numbers: Cell[] } {
  let i = row.cells.length;
  while (i > 0 && isNumericCell(row.cells[i - 1]!.text)) i--;
  const labelCells = row.cells.slice(0, i);
  return {
    labelCells,
    label: labelCells.map((c) => c.text).join(' '),
    numbers: row.cells.slice(i),
  };
}

/** Which of qty/price/amount each of three numeric cells is. */
function assignThree(
  cells: Cell[],
  header: HeaderColumn[] | null,
): [ColumnRole, ColumnRole, ColumnRole] | null {
  const numericHeader = header?.filter((h) => h.role !== 'name') ?? [];
  if (numericHeader.length === 3) {
    const roles = cells.map((c) => {
      let best = numericHeader[0]!;
      for (const h of numericHeader) {
        if (Math.abs(h.center - center(c)) < Math.abs(best.center - center(c))) best = h;
      }
      return best.role;
    });
    if (new Set(roles).size === 3) return roles as [ColumnRole, ColumnRole, ColumnRole];
  }
  return null;
}

/** How a number is printed: money has the currency's decimals (or a symbol); else a quantity. */
function numberKind(text: string, currency: string): 'money' | 'quantity' | 'either' {
  const exp = currencyExponent(currency);
  if (/[¥$€£￥]/.test(text)) return 'money';
  const decimals = /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
  if (exp > 0 && decimals === exp) return 'money';
  if (decimals === 0 && exp > 0) return 'quantity';
  if (decimals > exp) return 'quantity';
  return 'either';
}

/** Whether the cells, read as the given roles, satisfy quantity × price = amount. */
function fits(cells: Cell[], roles: ColumnRole[], currency: string): boolean {
  const get = (r: ColumnRole) => cells[roles.indexOf(r)]!;
  const q = parseQuantityCell(get('quantity').text);
  const p = parseMoneyCell(get('unitPrice').text, currency);
  const a = parseMoneyCell(get('amount').text, currency);
  return q !== null && p !== null && a !== null && lineAmount(q, p) === a;
}

/**
 * Turns rows into a draft order. Understands grid tables and monospace screens (one row per
 * item: name, then quantity / unit price / amount in the header's order), two-line receipts
 * (name, then "qty x price   amount"), adjustment rows (discounts, surcharges) and the total
 * row; rows with digits that fit none of these become warnings, never silently dropped.
 */
export function parseRows(rows: Row[], currency: string): DraftOrder {
  const order: DraftOrder = {
    lines: [],
    adjustments: [],
    total: null,
    totalCell: null,
    subtotal: null,
    warnings: [],
    unreadRows: [],
    chinese: rows.some((r) => CJK.test(r.text)),
  };
  let header: HeaderColumn[] | null = null;
  type Pending = { name: string; nameCell?: Cell; amountCell: Cell | null };
  let pendingSlot = null as Pending | null;
  const unread = (row: Row, why: string) =>
    order.unreadRows.push(row) &&
    order.warnings.push({
      code: 'unread_row',
      message: `Could not read the row "${row.text.slice(0, 80)}": ${why}`,
    });
  // A "name   amount" row waits for its "qty x price" line; if anything else comes first,
  // the row is reported, never dropped silently.
  const setPending = (next: Pending | null) => {
    if (pendingSlot?.amountCell) {
      order.warnings.push({
        code: 'unread_row',
        message: `"${pendingSlot.name}" has an amount but no quantity or price line`,
      });
    }
    pendingSlot = next;
  };
  const money = (cell: Cell) => parseMoneyCell(cell.text, currency);

  for (const row of rows) {
    if (order.totalCell) break; // what follows the total (paid, change) is not the order
    const roles = row.cells.map((c) => headerRole(c.text));
    if (roles.filter((r) => r !== null).length >= 2 && !row.cells.some((c) => hasDigit(c.text))) {
      header = row.cells.flatMap((c, i) =>
        roles[i] ? [{ role: roles[i]!, center: center(c) }] : [],
      );
      continue;
    }
    const { label, labelCells, numbers } = splitRow(row);
    const formulaLike = looksLikeFormula(row.text);
    if (numbers.length === 0 && !formulaLike) {
      // A name on its own line: the first line of a two-line receipt item (or a title).
      if (/[\p{L}]/u.test(label)) {
        setPending({ name: label, nameCell: mergeCells(labelCells), amountCell: null });
      }
      continue;
    }
    // Receipt second line: "qty x price" with the amount after it (or on the name line).
    const formulaText = (numbers.length > 0 ? labelCells : row.cells).map((c) => c.text).join(' ');
    const formula =
      parseFormula(formulaText, currency) ?? parseFormula(row.cells[0]!.text, currency);
    if (formula && pendingSlot) {
      const formulaCell = mergeCells(numbers.length > 0 ? labelCells : row.cells);
      const amountCell = numbers.length > 0 ? numbers[numbers.length - 1]! : pendingSlot.amountCell;
      const amount = amountCell ? money(amountCell) : null;
      if (!amountCell || amount === null) {
        unread(row, 'the amount is missing or not a number');
      } else {
        order.lines.push({
          id: `L${order.lines.length + 1}`,
          name: pendingSlot.name,
          ...(pendingSlot.nameCell ? { nameCell: pendingSlot.nameCell } : {}),
          quantity: formula.quantity,
          unitPrice: formula.unitPrice,
          amount,
          cells: { amount: amountCell, formula: formulaCell },
        });
      }
      pendingSlot = null;
      continue;
    }
    if (numbers.length === 0) {
      unread(row, 'no amount found');
      setPending(null);
      continue;
    }
    const last = numbers[numbers.length - 1]!;
    if (numbers.length === 1 && (isTotalLabel(label) || isLastAmountRow(rows, row, order))) {
      const value = money(last);
      if (value === null) unread(row, 'the total is not a number');
      order.total = value;
      order.totalCell = last;
      continue;
    }
    if (isSubtotalLabel(label) && numbers.length === 1) {
      const value = money(last);
      if (value !== null) order.subtotal = { amount: value, cell: last };
      else unread(row, 'the subtotal is not a number');
      continue;
    }
    const discount = isDiscountLabel(label);
    if ((discount || isSurchargeLabel(label)) && numbers.length === 1) {
      const value = money(last);
      if (value === null) unread(row, 'the adjustment is not a number');
      else {
        order.adjustments.push({
          id: `A${order.adjustments.length + 1}`,
          label,
          // A discount printed without its minus sign is still a reduction.
          amount: discount ? -Math.abs(value) : value,
          cell: last,
        });
      }
      setPending(null);
      continue;
    }
    if (numbers.length === 1 && label) {
      const value = money(last);
      if (value !== null && value < 0) {
        order.adjustments.push({
          id: `A${order.adjustments.length + 1}`,
          label,
          amount: value,
          cell: last,
        });
        setPending(null);
      } else {
        // "name   amount" on a receipt whose next line is "qty x price".
        setPending({ name: label, nameCell: mergeCells(labelCells), amountCell: last });
      }
      continue;
    }
    if (numbers.length >= 2 && (label || numbers.length >= 3)) {
      parseItemRow(row, label, numbers, header, currency, order, unread);
      setPending(null);
      continue;
    }
    unread(row, 'it is neither an item, an adjustment nor the total');
    setPending(null);
  }
  if (order.lines.some((l) => l.cells.unitPrice)) {
    for (const l of order.lines.filter((x) => x.unitPrice === null)) {
      order.warnings.push({
        code: 'missing_cell',
        message: `Line "${l.name}" shows no unit price while other lines do`,
        cell: { kind: 'line', id: l.id, field: 'unitPrice' },
      });
    }
  }
  setPending(null);
  return order;
}

/**
 * The last row with a single amount, below the items, whose label was not recognised (OCR
 * garbled "合计"): taken as the total. Safe because the total must equal Σ lines + adjustments.
 */
function isLastAmountRow(rows: Row[], row: Row, order: DraftOrder): boolean {
  if (order.lines.length === 0) return false;
  const after = rows.slice(rows.indexOf(row) + 1);
  return !after.some((r) => splitRow(r).numbers.length > 0);
}

function parseItemRow(
  row: Row,
  label: string,
  numbers: Cell[],
  header: HeaderColumn[] | null,
  currency: string,
  order: DraftOrder,
  unread: (row: Row, why: string) => void,
): void {
  const id = `L${order.lines.length + 1}`;
  const take = numbers.slice(-3);
  const nameCells = row.cells.slice(0, row.cells.length - take.length);
  const nameCell = nameCells.length > 0 ? { nameCell: mergeCells(nameCells) } : {};
  // Numbers before the last three belong to the name ("Pack 12   2   3.00   6.00").
  const name = [label, ...numbers.slice(0, -3).map((c) => c.text)].filter(Boolean).join(' ');
  if (!name) {
    unread(row, 'the item has no name');
    return;
  }
  if (take.length === 3) {
    let roles = assignThree(take, header);
    if (roles) {
      const kq = numberKind(take[roles.indexOf('quantity')]!.text, currency);
      const kp = numberKind(take[roles.indexOf('unitPrice')]!.text, currency);
      if (kq === 'money' && kp === 'quantity') {
        unread(row, 'the numbers do not match the header (quantity and unit price swapped?)');
        return;
      }
    } else {
      // No header to go by. The amount is the last column on every POS layout; quantity and
      // unit price are told apart by how they are printed (2 decimals = money), because the
      // arithmetic cannot: q × p = p × q.
      const k0 = numberKind(take[0]!.text, currency);
      const k1 = numberKind(take[1]!.text, currency);
      const qpa: [ColumnRole, ColumnRole, ColumnRole] = ['quantity', 'unitPrice', 'amount'];
      const pqa: [ColumnRole, ColumnRole, ColumnRole] = ['unitPrice', 'quantity', 'amount'];
      if (k0 === 'money' && k1 !== 'money') roles = pqa;
      else if (k1 === 'money' && k0 !== 'money') roles = qpa;
      else {
        const a = fits(take, qpa, currency);
        const b = fits(take, pqa, currency);
        const same = take[0]!.text === take[1]!.text;
        if (a && b && !same) {
          unread(row, 'cannot tell the quantity from the unit price');
          return;
        }
        roles = b && !a ? pqa : qpa;
      }
    }
    const cell = (r: ColumnRole) => take[roles.indexOf(r)]!;
    const quantity = parseQuantityCell(cell('quantity').text);
    const unitPrice = parseMoneyCell(cell('unitPrice').text, currency);
    const amount = parseMoneyCell(cell('amount').text, currency);
    if (quantity === null || unitPrice === null || amount === null) {
      unread(row, 'a quantity, price or amount is not a number');
      return;
    }
    order.lines.push({
      id,
      name,
      quantity,
      unitPrice,
      amount,
      cells: { quantity: cell('quantity'), unitPrice: cell('unitPrice'), amount: cell('amount') },
      ...nameCell,
    });
    return;
  }
  // Two numbers: quantity and amount, no unit price shown. If the screen has a price column
  // (header or other rows with three numbers), a cell was lost and the line needs a look.
  if (header?.some((h) => h.role === 'unitPrice') || order.lines.some((l) => l.cells.unitPrice)) {
    unread(row, 'a column is missing (expected quantity, unit price and amount)');
    return;
  }
  const quantity = parseQuantityCell(take[0]!.text);
  const amount = parseMoneyCell(take[1]!.text, currency);
  if (quantity === null || amount === null) {
    unread(row, 'the quantity or amount is not a number');
    return;
  }
  order.lines.push({
    id,
    name,
    quantity,
    unitPrice: null,
    amount,
    cells: { quantity: take[0]!, amount: take[1]! },
    ...nameCell,
  });
}

function mergeCells(cells: Cell[]): Cell {
  return {
    text: cells.map((c) => c.text).join(' '),
    confidence: Math.min(...cells.map((c) => c.confidence)),
    x0: Math.min(...cells.map((c) => c.x0)),
    x1: Math.max(...cells.map((c) => c.x1)),
    y0: Math.min(...cells.map((c) => c.y0)),
    y1: Math.max(...cells.map((c) => c.y1)),
  };
}
