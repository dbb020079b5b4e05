import type { ReviewWarning } from '../contract/order';
import { splitRow } from './parse-cells';
import { ROW_KINDS } from './parse-row-kinds';
import { setPending, unread, type RowParse } from './parse-state';
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

/**
 * Turns rows into a draft order. Understands grid tables and monospace screens (one row per
 * item: name, then quantity / unit price / amount in the header's order), two-line receipts
 * (name, then "qty x price   amount"), adjustment rows (discounts, surcharges) and the total
 * row; rows with digits that fit none of these become warnings, never silently dropped. Each
 * kind of row is read by its own function (see ROW_KINDS in parse-row-kinds.ts).
 */
export function parseRows(rows: Row[], currency: string): DraftOrder {
  const s: RowParse = {
    rows,
    currency,
    order: {
      lines: [],
      adjustments: [],
      total: null,
      totalCell: null,
      subtotal: null,
      warnings: [],
      unreadRows: [],
      chinese: rows.some((r) => CJK.test(r.text)),
    },
    header: null,
    pending: null,
  };
  for (const row of rows) {
    if (s.order.totalCell) break; // what follows the total (paid, change) is not the order
    const parts = splitRow(row);
    if (!ROW_KINDS.some((kind) => kind(s, row, parts))) {
      unread(s, row, 'it is neither an item, an adjustment nor the total');
      setPending(s, null);
    }
  }
  s.order.warnings.push(...missingUnitPrices(s.order.lines));
  setPending(s, null);
  return s.order;
}

/** Lines without a unit price on a screen whose other lines show one: a cell was lost. */
function missingUnitPrices(lines: DraftLine[]): ReviewWarning[] {
  if (!lines.some((l) => l.cells.unitPrice)) return [];
  return lines
    .filter((l) => l.unitPrice === null)
    .map((l): ReviewWarning => ({
      code: 'missing_cell',
      message: `Line "${l.name}" shows no unit price while other lines do`,
      cell: { kind: 'line', id: l.id, field: 'unitPrice' },
    }));
}
