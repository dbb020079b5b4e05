import type { ReviewWarning } from '../contract/order';
import { parseFormula, parseMoneyCell, parseQuantityCell } from './numbers';
import type { DraftOrder } from './parse-order';
import type { Cell } from './rows';
import { arithmeticWarnings, unpinnedFields } from './validate';

/** Below this word confidence (0–100) a numeric cell needs a confirming second read. */
export const MIN_CONFIDENCE = 70;

/** A numeric cell and what it means, for re-reads and warnings. */
export interface CellUse {
  cell: Cell;
  kind: 'line' | 'adjustment' | 'total';
  id?: string;
  field: 'quantity' | 'unitPrice' | 'amount' | 'total';
}

/** Every numeric cell the draft's values came from. */
export function numericCells(draft: DraftOrder): CellUse[] {
  const uses: CellUse[] = [];
  for (const l of draft.lines) {
    if (l.cells.formula)
      uses.push({ cell: l.cells.formula, kind: 'line', id: l.id, field: 'unitPrice' });
    if (l.cells.quantity)
      uses.push({ cell: l.cells.quantity, kind: 'line', id: l.id, field: 'quantity' });
    if (l.cells.unitPrice)
      uses.push({ cell: l.cells.unitPrice, kind: 'line', id: l.id, field: 'unitPrice' });
    uses.push({ cell: l.cells.amount, kind: 'line', id: l.id, field: 'amount' });
  }
  for (const a of draft.adjustments)
    uses.push({ cell: a.cell, kind: 'adjustment', id: a.id, field: 'amount' });
  if (draft.totalCell) uses.push({ cell: draft.totalCell, kind: 'total', field: 'total' });
  return uses;
}

/** The cells whose first read cannot be trusted alone: unpinned by arithmetic or low confidence. */
export function doubtfulCells(draft: DraftOrder): CellUse[] {
  const all = numericCells(draft);
  const doubt = new Set<Cell>();
  for (const l of draft.lines) {
    for (const f of unpinnedFields(l)) {
      const c = l.cells.formula ?? l.cells[f];
      if (c) doubt.add(c);
    }
  }
  for (const u of all) if (u.cell.confidence < MIN_CONFIDENCE) doubt.add(u.cell);
  return all.filter((u) => doubt.has(u.cell));
}

/** Whether two reads of a cell mean the same number. */
export function sameReading(a: string, b: string, currency: string): boolean {
  const fa = parseFormula(a, currency);
  const fb = parseFormula(b, currency);
  if (fa || fb) return !!fa && !!fb && fa.quantity === fb.quantity && fa.unitPrice === fb.unitPrice;
  const ma = parseMoneyCell(a, currency);
  if (ma !== null && ma === parseMoneyCell(b, currency)) return true;
  const qa = parseQuantityCell(a);
  return qa !== null && qa === parseQuantityCell(b);
}

/**
 * Rebuilds the draft's numbers from re-read texts where they parse, so an order whose first
 * read did not add up can be tried again with the digit-only reading.
 */
export function applyRereads(
  draft: DraftOrder,
  texts: Map<Cell, string>,
  currency: string,
): DraftOrder {
  const text = (c: Cell | undefined) => (c ? (texts.get(c) ?? '') : '');
  const money = (c: Cell, fallback: number) => parseMoneyCell(text(c), currency) ?? fallback;
  return {
    ...draft,
    lines: draft.lines.map((l) => {
      const f = l.cells.formula ? parseFormula(text(l.cells.formula), currency) : null;
      return {
        ...l,
        quantity:
          f?.quantity ??
          (l.cells.quantity
            ? (parseQuantityCell(text(l.cells.quantity)) ?? l.quantity)
            : l.quantity),
        unitPrice:
          f?.unitPrice ??
          (l.cells.unitPrice ? money(l.cells.unitPrice, l.unitPrice ?? 0) : l.unitPrice),
        amount: money(l.cells.amount, l.amount),
      };
    }),
    adjustments: draft.adjustments.map((a) => {
      const v = parseMoneyCell(text(a.cell), currency);
      // Keep the sign decided from the label: the whitelist read may lose a minus sign.
      return v === null ? a : { ...a, amount: Math.sign(a.amount || 1) * Math.abs(v) };
    }),
    total: draft.totalCell ? money(draft.totalCell, draft.total ?? 0) : draft.total,
  };
}

/** Warnings for doubtful cells whose second read disagrees with the first (or saw nothing). */
export function confirmationWarnings(
  doubtful: CellUse[],
  texts: Map<Cell, string>,
  currency: string,
): ReviewWarning[] {
  return doubtful
    .filter((u) => !sameReading(u.cell.text, texts.get(u.cell) ?? '', currency))
    .map((u) => ({
      code: u.cell.confidence < MIN_CONFIDENCE ? 'low_confidence' : 'unconfirmed_cell',
      message: `The ${u.field === 'unitPrice' ? 'unit price' : u.field} "${u.cell.text}" could not be confirmed by a second read ("${texts.get(u.cell) ?? ''}")`,
      cell: { kind: u.kind, ...(u.id ? { id: u.id } : {}), field: u.field },
    }));
}

export { arithmeticWarnings };
