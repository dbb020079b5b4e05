import type { OrderDraft } from '../../src-main/contract/commands';
import { parseMinor, quantitySchema } from '../../src-main/contract/money';
import { isBlankLine, lineAmountOf, totalOf, type EditorState } from './editor-state';

/** A cell the cashier must fix before the order can be submitted. */
export interface CellError {
  kind: 'line' | 'adjustment' | 'total';
  id?: string;
  field: string;
  message: string;
}

export type DraftResult = { ok: true; value: OrderDraft } | { ok: false; errors: CellError[] };

/**
 * Turns the typed cells into the order draft main accepts, or lists every unreadable cell so the
 * editor can point at each one. Blank lines (no name, no price, no amount) are skipped.
 */
export function toOrderDraft(state: EditorState, currency: string): DraftResult {
  const errors: CellError[] = [];
  const lines: OrderDraft['lines'] = [];
  state.lines.forEach((l, i) => {
    if (isBlankLine(l)) return;
    const where = `Line ${i + 1}`;
    if (!l.name.trim())
      errors.push({
        kind: 'line',
        id: l.id,
        field: 'name',
        message: `${where}: the name is empty`,
      });
    const quantity = l.quantity.trim();
    if (!quantitySchema.safeParse(quantity).success)
      errors.push({
        kind: 'line',
        id: l.id,
        field: 'quantity',
        message: `${where}: quantity "${l.quantity}" is not a number like 2 or 0.536`,
      });
    let unitPrice: number | null = null;
    if (l.unitPrice.trim()) {
      unitPrice = parseMinor(l.unitPrice, currency);
      if (unitPrice === null)
        errors.push({
          kind: 'line',
          id: l.id,
          field: 'unitPrice',
          message: `${where}: price "${l.unitPrice}" is not an amount`,
        });
    } else if (!l.amountTyped) {
      errors.push({
        kind: 'line',
        id: l.id,
        field: 'unitPrice',
        message: `${where}: type a unit price or an amount`,
      });
    }
    const amount = lineAmountOf(l, currency);
    if (amount === null && l.amountTyped)
      errors.push({
        kind: 'line',
        id: l.id,
        field: 'amount',
        message: `${where}: amount "${l.amount}" is not an amount`,
      });
    if (amount !== null) lines.push({ id: l.id, name: l.name.trim(), quantity, unitPrice, amount });
  });
  const adjustments: OrderDraft['adjustments'] = [];
  state.adjustments.forEach((a, i) => {
    if (!a.label.trim() && !a.amount.trim()) return;
    const where = `Adjustment ${i + 1}`;
    if (!a.label.trim())
      errors.push({
        kind: 'adjustment',
        id: a.id,
        field: 'label',
        message: `${where}: the label is empty`,
      });
    const amount = parseMinor(a.amount, currency);
    if (amount === null)
      errors.push({
        kind: 'adjustment',
        id: a.id,
        field: 'amount',
        message: `${where}: amount "${a.amount}" is not an amount`,
      });
    else adjustments.push({ id: a.id, label: a.label.trim(), amount });
  });
  if (lines.length === 0 && errors.length === 0)
    errors.push({ kind: 'line', field: 'name', message: 'The order has no lines yet' });
  const total = totalOf(state, currency);
  if (total === null && state.totalTyped)
    errors.push({
      kind: 'total',
      field: 'total',
      message: `Total "${state.total}" is not an amount`,
    });
  if (errors.length > 0 || total === null) return { ok: false, errors };
  const value: OrderDraft = { lines, adjustments, total };
  if (state.orderId) value.id = state.orderId;
  return { ok: true, value };
}
