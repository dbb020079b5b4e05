import { useEffect, useRef, type Dispatch, type KeyboardEvent } from 'react';
import type { Dispute } from '../../src-main/contract/checkout';
import { formatMinor } from '../../src-main/contract/money';
import type { ReviewWarning } from '../../src-main/contract/order';
import { computedTotalOf, lineAmountOf, type EditorAction, type EditorState } from './editor-state';
import { cellProblem } from './cell-problem';
import type { CellError } from './to-draft';

interface Props {
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  currency: string;
  readOnly: boolean;
  warnings: ReviewWarning[];
  cellErrors: CellError[];
  dispute: Dispute | null;
  /** A cell key ("line:ID:field", "adjustment:ID:field" or "total") to focus after render. */
  focusRequest: { key: string; seq: number } | null;
  /** Told which row and cell have the cursor, so shortcuts act on it and focus can return. */
  onFocusRow(row: { kind: 'line' | 'adjustment'; id: string } | null, cell: string): void;
}

const cellKey = (kind: string, id: string, field: string) => `${kind}:${id}:${field}`;

/** The order as an editable table: lines, adjustments, total, with doubtful cells marked. */
export function OrderEditor(props: Props) {
  const { state, dispatch, currency, readOnly, warnings, cellErrors, dispute, focusRequest } =
    props;
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const fmt = (v: number | null) => (v === null ? '' : formatMinor(v, currency));

  useEffect(() => {
    if (focusRequest) inputs.current.get(focusRequest.key)?.focus();
  }, [focusRequest]);

  // A new dispute puts the cursor on the first line the customer flagged.
  const firstFlagged = dispute?.lineIds[0];
  useEffect(() => {
    if (firstFlagged && !readOnly)
      inputs.current.get(cellKey('line', firstFlagged, 'name'))?.focus();
  }, [dispute?.at, firstFlagged, readOnly]);

  // A row just added gets the focus, so Alt+N / Enter / Alt+D lead straight into typing.
  const counts = useRef({ lines: state.lines.length, adjustments: state.adjustments.length });
  useEffect(() => {
    const before = counts.current;
    counts.current = { lines: state.lines.length, adjustments: state.adjustments.length };
    const line = state.lines[state.lines.length - 1];
    const adj = state.adjustments[state.adjustments.length - 1];
    if (state.lines.length === before.lines + 1 && line)
      inputs.current.get(cellKey('line', line.id, 'name'))?.focus();
    else if (state.adjustments.length === before.adjustments + 1 && adj)
      inputs.current.get(cellKey('adjustment', adj.id, 'label'))?.focus();
  }, [state.lines, state.adjustments]);

  const problem = (
    kind: 'line' | 'adjustment' | 'total',
    id: string | undefined,
    field: string,
  ) => {
    const p = cellProblem({ kind, id, field }, cellErrors, warnings);
    return p && { cls: p.kind, text: p.text };
  };

  const order: string[] = [
    ...state.lines.flatMap((l) =>
      ['name', 'quantity', 'unitPrice', 'amount'].map((f) => cellKey('line', l.id, f)),
    ),
    ...state.adjustments.flatMap((a) =>
      ['label', 'amount'].map((f) => cellKey('adjustment', a.id, f)),
    ),
    'total',
  ];
  // Enter moves to the next cell; Enter on the last line's amount opens a new line.
  const onEnter = (e: KeyboardEvent<HTMLInputElement>, key: string) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    const last = state.lines[state.lines.length - 1];
    if (last && key === cellKey('line', last.id, 'amount')) {
      dispatch({ type: 'addLine' });
      return;
    }
    const next = order[order.indexOf(key) + 1];
    if (next) inputs.current.get(next)?.focus();
  };

  const cell = (
    kind: 'line' | 'adjustment',
    id: string,
    field: string,
    value: string,
    extra: { placeholder?: string; label: string; numeric?: boolean },
  ) => {
    const key = cellKey(kind, id, field);
    const p = problem(kind, id, field);
    return (
      <td className={p ? `cell ${p.cls}` : 'cell'} title={p?.text}>
        <input
          ref={(el) => {
            if (el) inputs.current.set(key, el);
            else inputs.current.delete(key);
          }}
          aria-label={extra.label}
          aria-invalid={p ? true : undefined}
          className={extra.numeric ? 'num' : undefined}
          value={value}
          placeholder={extra.placeholder}
          readOnly={readOnly}
          inputMode={extra.numeric ? 'decimal' : undefined}
          onFocus={() => props.onFocusRow({ kind, id }, key)}
          onKeyDown={(e) => onEnter(e, key)}
          onChange={(e) =>
            kind === 'line'
              ? dispatch({ type: 'updateLine', id, field: field as 'name', value: e.target.value })
              : dispatch({
                  type: 'updateAdjustment',
                  id,
                  field: field as 'label',
                  value: e.target.value,
                })
          }
        />
      </td>
    );
  };

  const flagged = new Set(dispute?.lineIds ?? []);
  const flaggedAdj = new Set(dispute?.adjustmentIds ?? []);
  const computed = computedTotalOf(state, currency);
  const totalProblem = problem('total', undefined, 'total');

  return (
    <table className="order-table" aria-label="Order">
      <thead>
        <tr>
          <th className="col-n">#</th>
          <th>Item</th>
          <th className="col-qty">Qty</th>
          <th className="col-money">Unit price</th>
          <th className="col-money">Amount</th>
          <th className="col-x" aria-label="Remove" />
        </tr>
      </thead>
      <tbody>
        {state.lines.map((l, i) => (
          <tr
            key={l.id}
            className={flagged.has(l.id) ? 'row flagged' : 'row'}
            data-line-id={l.id}
            data-flagged={flagged.has(l.id) || undefined}
          >
            <td className="col-n">
              {i + 1}
              {flagged.has(l.id) && <span className="flag-badge">Customer flagged</span>}
            </td>
            {cell('line', l.id, 'name', l.name, {
              label: `Line ${i + 1} name`,
              placeholder: 'Item name',
            })}
            {cell('line', l.id, 'quantity', l.quantity, {
              label: `Line ${i + 1} quantity`,
              numeric: true,
            })}
            {cell('line', l.id, 'unitPrice', l.unitPrice, {
              label: `Line ${i + 1} unit price`,
              numeric: true,
              placeholder: '0.00',
            })}
            {cell(
              'line',
              l.id,
              'amount',
              l.amountTyped ? l.amount : fmt(lineAmountOf(l, currency)).replace(/,/g, ''),
              {
                label: `Line ${i + 1} amount`,
                numeric: true,
                placeholder: 'qty × price',
              },
            )}
            <RemoveCell
              hidden={readOnly}
              label={`Remove line ${i + 1}`}
              onRemove={() => dispatch({ type: 'removeLine', id: l.id })}
            />
          </tr>
        ))}
      </tbody>
      {state.adjustments.length > 0 && (
        <tbody className="adjustments">
          {state.adjustments.map((a, i) => (
            <tr
              key={a.id}
              className={flaggedAdj.has(a.id) ? 'row flagged' : 'row'}
              data-adjustment-id={a.id}
            >
              <td className="col-n">
                −{flaggedAdj.has(a.id) && <span className="flag-badge">Customer flagged</span>}
              </td>
              {cell('adjustment', a.id, 'label', a.label, {
                label: `Adjustment ${i + 1} label`,
                placeholder: 'Discount',
              })}
              <td />
              <td />
              {cell('adjustment', a.id, 'amount', a.amount, {
                label: `Adjustment ${i + 1} amount`,
                numeric: true,
                placeholder: '-0.00',
              })}
              <RemoveCell
                hidden={readOnly}
                label={`Remove adjustment ${i + 1}`}
                onRemove={() => dispatch({ type: 'removeAdjustment', id: a.id })}
              />
            </tr>
          ))}
        </tbody>
      )}
      <tfoot>
        <tr>
          <td />
          <th scope="row" colSpan={3} className="total-label">
            Total ({currency})
            {state.totalTyped && computed !== null && (
              <span className="hint"> computed {fmt(computed)}</span>
            )}
          </th>
          <td
            className={totalProblem ? `cell total ${totalProblem.cls}` : 'cell total'}
            title={totalProblem?.text}
          >
            <input
              ref={(el) => {
                if (el) inputs.current.set('total', el);
                else inputs.current.delete('total');
              }}
              aria-label="Total"
              className="num"
              inputMode="decimal"
              readOnly={readOnly}
              value={state.totalTyped ? state.total : fmt(computed).replace(/,/g, '')}
              onFocus={() => props.onFocusRow(null, 'total')}
              onChange={(e) => dispatch({ type: 'setTotal', value: e.target.value })}
            />
          </td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}

/** The last cell of a row: its remove button (out of the Tab order; Ctrl+Delete is the key). */
function RemoveCell({
  hidden,
  label,
  onRemove,
}: {
  hidden: boolean;
  label: string;
  onRemove: () => void;
}) {
  return (
    <td className="col-x">
      {!hidden && (
        <button type="button" tabIndex={-1} className="icon" aria-label={label} onClick={onRemove}>
          ×
        </button>
      )}
    </td>
  );
}
