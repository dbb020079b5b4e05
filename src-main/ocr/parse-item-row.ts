import { currencyExponent, lineAmount } from '../contract/money';
import type { ColumnRole } from './keywords';
import { parseMoneyCell, parseQuantityCell } from './numbers';
import { cellCenter, mergeCells } from './parse-cells';
import type { DraftLine } from './parse-order';
import { unread, type HeaderColumn, type RowParse } from './parse-state';
import type { Cell, Row } from './rows';

type Roles = [ColumnRole, ColumnRole, ColumnRole];
/** A line's numbers as read, or why they cannot be read. */
type LineNumbers = Pick<DraftLine, 'quantity' | 'unitPrice' | 'amount' | 'cells'> | string;

const QPA: Roles = ['quantity', 'unitPrice', 'amount'];
const PQA: Roles = ['unitPrice', 'quantity', 'amount'];

/**
 * Reads an item row of a grid or monospace table: a name, then two or three numbers (quantity,
 * unit price, amount in the header's order, or quantity and amount). A row that cannot be read
 * for sure is reported with the reason, never guessed.
 */
export function parseItemRow(s: RowParse, row: Row, label: string, numbers: Cell[]): void {
  const id = `L${s.order.lines.length + 1}`;
  const take = numbers.slice(-3);
  const nameCells = row.cells.slice(0, row.cells.length - take.length);
  const nameCell = nameCells.length > 0 ? { nameCell: mergeCells(nameCells) } : {};
  // Numbers before the last three belong to the name ("Pack 12   2   3.00   6.00").
  const name = [label, ...numbers.slice(0, -3).map((c) => c.text)].filter(Boolean).join(' ');
  if (!name) return unread(s, row, 'the item has no name');
  const line = take.length === 3 ? threeNumbers(s, take) : twoNumbers(s, take);
  if (typeof line === 'string') return unread(s, row, line);
  s.order.lines.push({ id, name, ...line, ...nameCell });
}

/** Quantity, unit price and amount, told apart by the header or by how they are printed. */
function threeNumbers(s: RowParse, take: Cell[]): LineNumbers {
  const roles = rolesOfThree(take, s.header, s.currency);
  if (typeof roles === 'string') return roles;
  const cell = (r: ColumnRole) => take[roles.indexOf(r)]!;
  const quantity = parseQuantityCell(cell('quantity').text);
  const unitPrice = parseMoneyCell(cell('unitPrice').text, s.currency);
  const amount = parseMoneyCell(cell('amount').text, s.currency);
  if (quantity === null || unitPrice === null || amount === null) {
    return 'a quantity, price or amount is not a number';
  }
  return {
    quantity,
    unitPrice,
    amount,
    cells: { quantity: cell('quantity'), unitPrice: cell('unitPrice'), amount: cell('amount') },
  };
}

/**
 * Two numbers: quantity and amount, no unit price shown. If the screen has a price column
 * (header or other rows with three numbers), a cell was lost and the line needs a look.
 */
function twoNumbers(s: RowParse, take: Cell[]): LineNumbers {
  if (
    s.header?.some((h) => h.role === 'unitPrice') ||
    s.order.lines.some((l) => l.cells.unitPrice)
  ) {
    return 'a column is missing (expected quantity, unit price and amount)';
  }
  const quantity = parseQuantityCell(take[0]!.text);
  const amount = parseMoneyCell(take[1]!.text, s.currency);
  if (quantity === null || amount === null) return 'the quantity or amount is not a number';
  return { quantity, unitPrice: null, amount, cells: { quantity: take[0]!, amount: take[1]! } };
}

/** Which of qty/price/amount each of three numeric cells is, or why that cannot be told. */
function rolesOfThree(
  take: Cell[],
  header: HeaderColumn[] | null,
  currency: string,
): Roles | string {
  const roles = assignThree(take, header);
  if (roles) {
    const kq = numberKind(take[roles.indexOf('quantity')]!.text, currency);
    const kp = numberKind(take[roles.indexOf('unitPrice')]!.text, currency);
    if (kq === 'money' && kp === 'quantity') {
      return 'the numbers do not match the header (quantity and unit price swapped?)';
    }
    return roles;
  }
  // No header to go by. The amount is the last column on every POS layout; quantity and
  // unit price are told apart by how they are printed (2 decimals = money), because the
  // arithmetic cannot: q × p = p × q.
  const k0 = numberKind(take[0]!.text, currency);
  const k1 = numberKind(take[1]!.text, currency);
  if (k0 === 'money' && k1 !== 'money') return PQA;
  if (k1 === 'money' && k0 !== 'money') return QPA;
  const a = fits(take, QPA, currency);
  const b = fits(take, PQA, currency);
  const same = take[0]!.text === take[1]!.text;
  if (a && b && !same) return 'cannot tell the quantity from the unit price';
  return b && !a ? PQA : QPA;
}

/** Which of qty/price/amount each of three numeric cells is, by the header's columns. */
function assignThree(cells: Cell[], header: HeaderColumn[] | null): Roles | null {
  const numericHeader = header?.filter((h) => h.role !== 'name') ?? [];
  if (numericHeader.length === 3) {
    const roles = cells.map((c) => {
      let best = numericHeader[0]!;
      for (const h of numericHeader) {
        if (Math.abs(h.center - cellCenter(c)) < Math.abs(best.center - cellCenter(c))) best = h;
      }
      return best.role;
    });
    if (new Set(roles).size === 3) return roles as Roles;
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
