import type { OrderDraft } from '../../src-main/contract/commands';
import { quantitySchema } from '../../src-main/contract/money';
import {
  adjustmentAmountOf,
  amountOf,
  isBlankLine,
  lineAmountOf,
  POINT_STYLE,
  totalOf,
  type EditorState,
} from './editor-state';
import { readAmount, readQuantity, type NumberStyle } from './number-text';

/**
 * A cell the cashier must fix before the order can be submitted. `key` names the message in the
 * window's translations (`cell.<key>`), `params` fill it in, so both languages say the same thing.
 */
export interface CellError {
  kind: 'line' | 'adjustment' | 'total';
  id?: string;
  field: string;
  key: string;
  params: Record<string, string | number>;
}

export type DraftResult = { ok: true; value: OrderDraft } | { ok: false; errors: CellError[] };

/** Why an amount cell cannot be read, as a message key: ambiguous numbers have their own. */
function amountKey(text: string, currency: string, style: NumberStyle): string | null {
  const r = readAmount(text, currency, style);
  if (r.ok) return null;
  return r.reason === 'ambiguous'
    ? 'ambiguous'
    : r.reason === 'too_many_decimals'
      ? 'decimals'
      : 'notAmount';
}

/**
 * Turns the typed cells into the order draft main accepts, or lists every unreadable cell so the
 * editor can point at each one. Blank lines (no name, no price, no amount) are skipped.
 */
export function toOrderDraft(
  state: EditorState,
  currency: string,
  style: NumberStyle = POINT_STYLE,
): DraftResult {
  const errors: CellError[] = [];
  const err = (e: Omit<CellError, 'params'>, params: CellError['params']) =>
    errors.push({ ...e, params: { ...params, decimal: style.decimal } });
  const lines: OrderDraft['lines'] = [];
  state.lines.forEach((l, i) => {
    if (isBlankLine(l)) return;
    const row = { kind: 'line' as const, id: l.id };
    const where = { row: i + 1 };
    if (!l.name.trim()) err({ ...row, field: 'name', key: 'nameEmpty' }, where);
    const quantity = readQuantity(l.quantity, style);
    if (quantity === null || !quantitySchema.safeParse(quantity).success)
      err({ ...row, field: 'quantity', key: 'quantity' }, { ...where, text: l.quantity });
    let unitPrice: number | null = null;
    if (l.unitPrice.trim()) {
      const key = amountKey(l.unitPrice, currency, style);
      if (key)
        err({ ...row, field: 'unitPrice', key: `price.${key}` }, { ...where, text: l.unitPrice });
      else unitPrice = amountOf(l.unitPrice, currency, style);
    } else if (!l.amountTyped) {
      err({ ...row, field: 'unitPrice', key: 'priceOrAmount' }, where);
    }
    if (l.amountTyped) {
      const key = amountKey(l.amount, currency, style);
      if (key) err({ ...row, field: 'amount', key: `amount.${key}` }, { ...where, text: l.amount });
    }
    const amount = lineAmountOf(l, currency, style);
    if (amount !== null && quantity !== null)
      lines.push({
        id: l.id,
        name: l.name.trim(),
        quantity,
        unitPrice,
        amount,
        ...(l.adjustment ? { adjustment: l.adjustment } : {}),
      });
  });
  const adjustments: OrderDraft['adjustments'] = [];
  state.adjustments.forEach((a, i) => {
    if (!a.label.trim() && !a.amount.trim()) return;
    const row = { kind: 'adjustment' as const, id: a.id };
    const where = { row: i + 1 };
    if (!a.label.trim()) err({ ...row, field: 'label', key: 'labelEmpty' }, where);
    const key = amountKey(a.amount, currency, style);
    const amount = adjustmentAmountOf(a, currency, style);
    if (key) err({ ...row, field: 'amount', key: `amount.${key}` }, { ...where, text: a.amount });
    else if (amount === null)
      err({ ...row, field: 'amount', key: 'surchargeNegative' }, { ...where, text: a.amount });
    else adjustments.push({ id: a.id, kind: a.kind, label: a.label.trim(), amount });
  });
  if (lines.length === 0 && errors.length === 0)
    err({ kind: 'line', field: 'name', key: 'noLines' }, {});
  const total = totalOf(state, currency, style);
  if (state.totalTyped) {
    const key = amountKey(state.total, currency, style);
    if (key) err({ kind: 'total', field: 'total', key: `total.${key}` }, { text: state.total });
  }
  if (errors.length > 0 || total === null) return { ok: false, errors };
  const value: OrderDraft = { lines, adjustments, total };
  if (state.orderId) value.id = state.orderId;
  return { ok: true, value };
}
