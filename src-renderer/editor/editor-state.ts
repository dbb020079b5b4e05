import { lineAmount, quantitySchema } from '../../src-main/contract/money';
import { adjustmentKindOf, type AdjustmentKind, type Order } from '../../src-main/contract/order';
import {
  readAmount,
  readQuantity,
  writeAmount,
  writeQuantity,
  type NumberStyle,
} from './number-text';

/** The style typed numbers are read in when the window has not said otherwise (en, zh-CN). */
export const POINT_STYLE: NumberStyle = { group: ',', decimal: '.' };

/** One order line as the cashier types it: text until it is sent. */
export interface LineDraft {
  id: string;
  name: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  /**
   * False while the amount follows quantity × unit price. True when the cashier overrode it on
   * purpose (or it was read as-is and disagrees); a line without a unit price types its amount.
   */
  amountTyped: boolean;
  /** The line's own discount or tax as read, carried unchanged (amount = q × p + it). */
  adjustment?: { label: string; amount: number };
}

/** An adjustment as typed: its kind says the direction, the amount is typed without a sign. */
export interface AdjustmentDraft {
  id: string;
  kind: AdjustmentKind;
  label: string;
  amount: string;
}

/** The order editor's local state; the station's snapshot stays the shared truth. */
export interface EditorState {
  /** The id main gave the order being edited; absent for a brand-new order. */
  orderId: string | undefined;
  /** Revision of the snapshot last loaded, so a newer one can replace an unedited draft. */
  loadedRevision: number | null;
  lines: LineDraft[];
  adjustments: AdjustmentDraft[];
  total: string;
  totalTyped: boolean;
  /** True once the cashier changed something since the last load. */
  dirty: boolean;
  nextId: number;
}

export type LineField = 'name' | 'quantity' | 'unitPrice' | 'amount';
export type AdjustmentField = 'label' | 'amount' | 'kind';

export type EditorAction =
  | { type: 'load'; order: Order; revision: number; currency: string; style?: NumberStyle }
  | { type: 'clear' }
  | { type: 'addLine' }
  | { type: 'updateLine'; id: string; field: LineField; value: string }
  /** Turns a line's amount into a typed override (starting from `value`) or back to qty × price. */
  | { type: 'overrideAmount'; id: string; on: boolean; value?: string }
  | { type: 'removeLine'; id: string }
  | { type: 'addAdjustment'; kind?: AdjustmentKind }
  | { type: 'updateAdjustment'; id: string; field: AdjustmentField; value: string }
  | { type: 'removeAdjustment'; id: string }
  | { type: 'setTotal'; value: string };

/** An empty editor with one blank line ready for typing. */
export function initialEditor(): EditorState {
  return {
    orderId: undefined,
    loadedRevision: null,
    lines: [blankLine(1)],
    adjustments: [],
    total: '',
    totalTyped: false,
    dirty: false,
    nextId: 2,
  };
}

function blankLine(n: number): LineDraft {
  return { id: `L${n}`, name: '', quantity: '1', unitPrice: '', amount: '', amountTyped: false };
}

/** Loads an order from the station into text cells, keeping amounts exactly as main holds them. */
export function loadOrder(
  order: Order,
  revision: number,
  currency: string,
  style: NumberStyle = POINT_STYLE,
): EditorState {
  const fmt = (v: number) => writeAmount(v, currency, style);
  const lines = order.lines.map((l) => ({
    id: l.id,
    name: l.name,
    quantity: writeQuantity(l.quantity, style),
    unitPrice: l.unitPrice === null ? '' : fmt(l.unitPrice),
    amount: fmt(l.amount),
    // An amount that disagrees with qty × price stays as read, so the warning stays visible.
    amountTyped:
      l.unitPrice === null ||
      lineAmount(l.quantity, l.unitPrice) + (l.adjustment?.amount ?? 0) !== l.amount,
    ...(l.adjustment ? { adjustment: l.adjustment } : {}),
  }));
  const sum = [...order.lines, ...order.adjustments].reduce((a, x) => a + x.amount, 0);
  return {
    orderId: order.id,
    loadedRevision: revision,
    lines,
    adjustments: order.adjustments.map((a) => ({
      id: a.id,
      kind: adjustmentKindOf(a),
      label: a.label,
      amount: fmt(Math.abs(a.amount)),
    })),
    total: fmt(order.total),
    totalTyped: sum !== order.total,
    dirty: false,
    nextId: lines.length + order.adjustments.length + 1,
  };
}

function freshId(state: EditorState, prefix: string): { id: string; nextId: number } {
  const taken = new Set([...state.lines.map((l) => l.id), ...state.adjustments.map((a) => a.id)]);
  let n = state.nextId;
  while (taken.has(`${prefix}${n}`)) n++;
  return { id: `${prefix}${n}`, nextId: n + 1 };
}

/** The editor's reducer: pure, so every keystroke's effect is testable without a DOM. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return loadOrder(action.order, action.revision, action.currency, action.style);
    case 'clear':
      return initialEditor();
    case 'addLine': {
      const { id, nextId } = freshId(state, 'L');
      return { ...state, lines: [...state.lines, { ...blankLine(0), id }], nextId, dirty: true };
    }
    case 'updateLine':
      return {
        ...state,
        dirty: true,
        lines: state.lines.map((l) => {
          if (l.id !== action.id) return l;
          if (action.field === 'amount')
            return { ...l, amount: action.value, amountTyped: action.value.trim() !== '' };
          if (l.adjustment && (action.field === 'quantity' || action.field === 'unitPrice')) {
            // The discount or tax read with the line described the line as read: once its
            // quantity or price changes, its amount is the cashier's to confirm (marked).
            const { adjustment: _read, ...rest } = l;
            return { ...rest, [action.field]: action.value, amountTyped: true };
          }
          return { ...l, [action.field]: action.value };
        }),
      };
    case 'overrideAmount':
      return {
        ...state,
        dirty: true,
        lines: state.lines.map((l) =>
          l.id === action.id
            ? { ...l, amountTyped: action.on, amount: action.on ? (action.value ?? l.amount) : '' }
            : l,
        ),
      };
    case 'removeLine':
      return { ...state, dirty: true, lines: state.lines.filter((l) => l.id !== action.id) };
    case 'addAdjustment': {
      const { id, nextId } = freshId(state, 'A');
      return {
        ...state,
        adjustments: [
          ...state.adjustments,
          { id, kind: action.kind ?? 'discount', label: '', amount: '' },
        ],
        nextId,
        dirty: true,
      };
    }
    case 'updateAdjustment':
      return {
        ...state,
        dirty: true,
        adjustments: state.adjustments.map((a) =>
          a.id !== action.id
            ? a
            : action.field === 'kind'
              ? { ...a, kind: action.value === 'surcharge' ? 'surcharge' : 'discount' }
              : { ...a, [action.field]: action.value },
        ),
      };
    case 'removeAdjustment':
      return {
        ...state,
        dirty: true,
        adjustments: state.adjustments.filter((a) => a.id !== action.id),
      };
    case 'setTotal':
      return { ...state, dirty: true, total: action.value, totalTyped: action.value.trim() !== '' };
  }
}

/** A line's amount in minor units: typed, or quantity × unit price; null while it cannot be known. */
export function lineAmountOf(
  line: LineDraft,
  currency: string,
  style: NumberStyle = POINT_STYLE,
): number | null {
  if (line.amountTyped) return amountOf(line.amount, currency, style);
  const price = amountOf(line.unitPrice, currency, style);
  const quantity = readQuantity(line.quantity, style);
  if (price === null || quantity === null || !quantitySchema.safeParse(quantity).success)
    return null;
  return lineAmount(quantity, price) + (line.adjustment?.amount ?? 0);
}

/** An amount cell's value in minor units, or null when it cannot be read (see `readAmount`). */
export function amountOf(text: string, currency: string, style: NumberStyle): number | null {
  const r = readAmount(text, currency, style);
  return r.ok ? r.value : null;
}

/**
 * An adjustment's signed amount: a discount lowers the total whatever sign was typed, a surcharge
 * raises it and a minus on one is refused (null), so the direction never depends on a keystroke.
 */
export function adjustmentAmountOf(
  a: AdjustmentDraft,
  currency: string,
  style: NumberStyle = POINT_STYLE,
): number | null {
  const v = amountOf(a.amount, currency, style);
  if (v === null) return null;
  if (a.kind === 'discount') return -Math.abs(v);
  return v < 0 ? null : v;
}

/** A line nobody has typed into yet (the spare row); it is not part of the order. */
export function isBlankLine(line: LineDraft): boolean {
  return !line.name.trim() && !line.unitPrice.trim() && !line.amount.trim();
}

/** True when the editor holds something the cashier would lose by clearing it. */
export function hasDraft(state: EditorState): boolean {
  return (
    state.lines.some((l) => !isBlankLine(l)) ||
    state.adjustments.some((a) => a.label.trim() || a.amount.trim()) ||
    state.totalTyped
  );
}

/** Σ lines + Σ adjustments of the draft, or null while a cell cannot be read. */
export function computedTotalOf(
  state: EditorState,
  currency: string,
  style: NumberStyle = POINT_STYLE,
): number | null {
  let sum = 0;
  for (const l of state.lines) {
    if (isBlankLine(l)) continue;
    const v = lineAmountOf(l, currency, style);
    if (v === null) return null;
    sum += v;
  }
  for (const a of state.adjustments) {
    if (!a.label.trim() && !a.amount.trim()) continue;
    const v = adjustmentAmountOf(a, currency, style);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** The total the order will carry: typed, or computed. */
export function totalOf(
  state: EditorState,
  currency: string,
  style: NumberStyle = POINT_STYLE,
): number | null {
  return state.totalTyped
    ? amountOf(state.total, currency, style)
    : computedTotalOf(state, currency, style);
}

/** What the editor should do with a new snapshot: take its order, clear, or keep the cashier's typing. */
export function syncDecision(
  state: EditorState,
  snapshot: { revision: number; order: Order | null },
): 'load' | 'clear' | 'keep' {
  const order = snapshot.order;
  if (!order) return state.orderId !== undefined ? 'clear' : 'keep';
  // Another order (e.g. read off the POS) replaces the draft; the same order replaces it only
  // while the cashier has not typed into it, so a snapshot never eats a keystroke.
  if (order.id !== state.orderId) return 'load';
  if (!state.dirty && snapshot.revision !== state.loadedRevision) return 'load';
  return 'keep';
}
