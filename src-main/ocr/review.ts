import type { ReviewWarning } from '../contract/order';
import { lineAmount } from '../contract/money';
import {
  fixYen,
  hasCurrencySymbol,
  parseFormula,
  parseMoneyCell,
  parseQuantityCell,
} from './numbers';
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
  /** Doubtful for its confidence alone: when the order checks, the arithmetic fixes its value. */
  pinned?: boolean;
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
  const unpinned = new Set<Cell>();
  for (const l of draft.lines) {
    for (const f of unpinnedFields(l)) {
      const c = l.cells.formula ?? l.cells[f];
      if (c) unpinned.add(c);
    }
  }
  return all
    .filter((u) => unpinned.has(u.cell) || u.cell.confidence < MIN_CONFIDENCE)
    .map((u) => ({ ...u, pinned: !unpinned.has(u.cell) }));
}

const SYMBOL = /[¥$€£￥]/;

/** Digits and currency symbols of a reading, in order; everything else is punctuation. */
const skeleton = (text: string): string => fixYen(text.trim()).replace(/[^\d¥$€£￥]/g, '');

/** Whether `b`'s digits are `a`'s, where a currency symbol in `a` may have been read as one digit. */
const digitsMatch = (a: string, b: string): boolean => {
  const shape = skeleton(a);
  if (!/\d/.test(shape)) return false;
  const pattern = [...shape].map((ch) => (SYMBOL.test(ch) ? '\\d?' : ch)).join('');
  return new RegExp(`^${pattern}$`).test(skeleton(b).replace(/\D/g, ''));
};

/**
 * Whether two reads of a pinned cell show the same digits: "Y42 60" and "¥42.60", or
 * "1.101 x $125.87" and "1.101X9125.87" (the $ taken for a 9). Only for cells whose value the
 * arithmetic already fixes; there the second read is a check on the digits, not the source.
 */
export function sameDigits(a: string, b: string): boolean {
  return digitsMatch(a, b) || digitsMatch(b, a);
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

/**
 * Undoes one slip the arithmetic can prove: on a screen that prints a currency symbol before
 * its prices, a small font can turn that symbol into a leading digit ("1 x $0.60" read as
 * "1x50.60", "$32.70" as "932.70"). For each line that does not add up and whose price cell
 * shows no symbol, the price without its first digit is tried; it is kept only when the line
 * then adds up and the arithmetic pins the price (no one-digit-off price would also add up).
 * The caller still takes the result only if the whole order, total included, then checks.
 */
export function repairSymbolSlips(draft: DraftOrder, currency: string): DraftOrder {
  const cells = [
    ...draft.lines.flatMap((l) => Object.values(l.cells)),
    ...draft.adjustments.map((a) => a.cell),
    ...(draft.totalCell ? [draft.totalCell] : []),
  ];
  if (!cells.some((c) => hasCurrencySymbol(c.text))) return draft;
  return {
    ...draft,
    lines: draft.lines.map((l) => {
      if (l.unitPrice === null || lineAmount(l.quantity, l.unitPrice) === l.amount) return l;
      const cell = l.cells.formula ?? l.cells.unitPrice;
      if (!cell || hasCurrencySymbol(cell.text)) return l;
      const text = l.cells.formula
        ? cell.text.replace(/([xX×*]\s*)\d(?=\d*[.,]?\d)/, '$1')
        : cell.text.replace(/^\d(?=\d*[.,]?\d)/, '');
      const price = l.cells.formula
        ? parseFormula(text, currency)?.unitPrice
        : parseMoneyCell(text, currency);
      if (price === undefined || price === null || text === cell.text) return l;
      const repaired = { ...l, unitPrice: price };
      if (lineAmount(l.quantity, price) !== l.amount) return l;
      return unpinnedFields(repaired).includes('unitPrice') ? l : repaired;
    }),
  };
}

/** Warnings for doubtful cells whose second read disagrees with the first (or saw nothing). */
export function confirmationWarnings(
  doubtful: CellUse[],
  texts: Map<Cell, string>,
  currency: string,
): ReviewWarning[] {
  return doubtful
    .filter((u) => {
      const again = texts.get(u.cell) ?? '';
      if (sameReading(u.cell.text, again, currency)) return false;
      return !(u.pinned && sameDigits(u.cell.text, again));
    })
    .map((u) => ({
      code: u.cell.confidence < MIN_CONFIDENCE ? 'low_confidence' : 'unconfirmed_cell',
      message: `The ${u.field === 'unitPrice' ? 'unit price' : u.field} "${u.cell.text}" could not be confirmed by a second read ("${texts.get(u.cell) ?? ''}")`,
      cell: { kind: u.kind, ...(u.id ? { id: u.id } : {}), field: u.field },
    }));
}

export { arithmeticWarnings };
