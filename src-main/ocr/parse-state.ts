import type { ColumnRole } from './keywords';
import { parseMoneyCell } from './numbers';
import type { DraftOrder } from './parse-order';
import type { Cell, Row } from './rows';

/** A numeric column of the table header, where it sits. */
export interface HeaderColumn {
  role: ColumnRole;
  center: number;
}

/** A receipt item whose "qty x price" line has not come yet: its name, maybe its amount. */
export interface PendingItem {
  name: string;
  nameCell?: Cell;
  amountCell: Cell | null;
}

/** Where `parseRows` is: the order so far, the header seen last, the item waiting for its line. */
export interface RowParse {
  readonly rows: readonly Row[];
  readonly currency: string;
  readonly order: DraftOrder;
  header: HeaderColumn[] | null;
  pending: PendingItem | null;
}

/** Reports a row that could not be read (and keeps it for a second look). */
export function unread(s: RowParse, row: Row, why: string): void {
  s.order.unreadRows.push(row);
  s.order.warnings.push({
    code: 'unread_row',
    message: `Could not read the row "${row.text.slice(0, 80)}": ${why}`,
  });
}

/**
 * Sets (or clears) the item waiting for its "qty x price" line. A waiting "name   amount" row
 * that is replaced before its line came is reported, never dropped silently.
 */
export function setPending(s: RowParse, next: PendingItem | null): void {
  if (s.pending?.amountCell) {
    s.order.warnings.push({
      code: 'unread_row',
      message: `"${s.pending.name}" has an amount but no quantity or price line`,
    });
  }
  s.pending = next;
}

/** A cell read as money in the order's currency, or null. */
export const money = (s: RowParse, cell: Cell): number | null =>
  parseMoneyCell(cell.text, s.currency);

/** Adds an adjustment (discount, surcharge) to the order. */
export function addAdjustment(s: RowParse, label: string, amount: number, cell: Cell): void {
  s.order.adjustments.push({ id: `A${s.order.adjustments.length + 1}`, label, amount, cell });
}
