import { warningText } from '../station-text';
import { useEffect, useRef, type Dispatch, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dispute } from '../../src-main/contract/checkout';
import type { ReviewWarning } from '../../src-main/contract/order';
import { computedTotalOf, lineAmountOf, type EditorAction, type EditorState } from './editor-state';
import { cellProblem } from './cell-problem';
import { AmountMark, KindCell, RemoveCell } from './cell-marks';
import { writeAmount, type NumberStyle } from './number-text';
import type { CellError } from './to-draft';

interface Props {
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  currency: string;
  /** How the store writes numbers: amounts are shown and read in it, grouped. */
  style: NumberStyle;
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
  const { state, dispatch, currency, style, readOnly, warnings, cellErrors, dispute } = props;
  const { focusRequest } = props;
  const { t } = useTranslation();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const fmt = (v: number | null) => (v === null ? '' : writeAmount(v, currency, style));
  const say = (e: CellError) => t(`cell.${e.key}`, e.params);

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
    const p = cellProblem({ kind, id, field }, cellErrors, warnings, say, (w) => warningText(t, w));
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
  // F2 on a line's amount overrides qty × price on purpose, or hands it back to the computation.
  const toggleOverride = (id: string) => {
    const line = state.lines.find((l) => l.id === id);
    if (!line || readOnly || !line.unitPrice.trim()) return;
    const computed = fmt(lineAmountOf(line, currency, style));
    dispatch({ type: 'overrideAmount', id, on: !line.amountTyped, value: computed });
  };
  // Enter moves to the next cell; Enter on the last line's amount opens a new line.
  const onEnter = (e: KeyboardEvent<HTMLInputElement>, key: string) => {
    if (e.key === 'F2' && key.startsWith('line:') && key.endsWith(':amount')) {
      e.preventDefault();
      return toggleOverride(key.split(':')[1] ?? '');
    }
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
    extra: {
      placeholder?: string;
      label: string;
      numeric?: boolean;
      computed?: boolean;
      overridden?: boolean;
    },
    marker?: React.ReactNode,
  ) => {
    const key = cellKey(kind, id, field);
    const p = problem(kind, id, field);
    const cls = ['cell', p?.cls, extra.computed && 'computed', extra.overridden && 'override'];
    return (
      <td className={cls.filter(Boolean).join(' ')} title={p?.text}>
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
          readOnly={readOnly || extra.computed}
          data-computed={extra.computed || undefined}
          inputMode={extra.numeric ? 'decimal' : undefined}
          onFocus={(e) => {
            // Typing replaces what is there: Enter into "1" then "2" gives 2, not 12.
            e.currentTarget.select();
            props.onFocusRow({ kind, id }, key);
          }}
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
        {marker}
      </td>
    );
  };

  const flagged = new Set(dispute?.lineIds ?? []);
  const flaggedAdj = new Set(dispute?.adjustmentIds ?? []);
  const computed = computedTotalOf(state, currency, style);
  const totalProblem = problem('total', undefined, 'total');

  return (
    <table className="order-table" aria-label={t('editor.order')}>
      <thead>
        <tr>
          <th className="col-n">#</th>
          <th>{t('editor.item')}</th>
          <th className="col-qty">{t('editor.qty')}</th>
          <th className="col-money">{t('editor.unitPrice')}</th>
          <th className="col-money">{t('editor.amount')}</th>
          <th className="col-x" aria-label={t('editor.remove')} />
        </tr>
      </thead>
      <tbody>
        {state.lines.map((l, i) => {
          const row = { row: i + 1 };
          const priced = l.unitPrice.trim() !== '';
          const overridden = l.amountTyped && priced;
          return (
            <tr
              key={l.id}
              className={flagged.has(l.id) ? 'row flagged' : 'row'}
              data-line-id={l.id}
              data-flagged={flagged.has(l.id) || undefined}
            >
              <td className="col-n">
                {i + 1}
                {flagged.has(l.id) && (
                  <span className="flag-badge">{t('editor.customerFlagged')}</span>
                )}
              </td>
              {cell('line', l.id, 'name', l.name, {
                label: t('editor.lineName', row),
                placeholder: t('editor.itemName'),
              })}
              {cell('line', l.id, 'quantity', l.quantity, {
                label: t('editor.lineQty', row),
                numeric: true,
              })}
              {cell('line', l.id, 'unitPrice', l.unitPrice, {
                label: t('editor.linePrice', row),
                numeric: true,
                placeholder: writeAmount(0, currency, style),
              })}
              {cell(
                'line',
                l.id,
                'amount',
                l.amountTyped ? l.amount : fmt(lineAmountOf(l, currency, style)),
                {
                  label: t('editor.lineAmount', row),
                  numeric: true,
                  placeholder: t('editor.qtyTimesPrice'),
                  computed: priced && !l.amountTyped,
                  overridden,
                },
                <AmountMark
                  overridden={overridden}
                  editable={priced && !readOnly}
                  onToggle={() => toggleOverride(l.id)}
                />,
              )}
              <RemoveCell
                hidden={readOnly}
                label={t('editor.removeLine', row)}
                onRemove={() => dispatch({ type: 'removeLine', id: l.id })}
              />
            </tr>
          );
        })}
      </tbody>
      {state.adjustments.length > 0 && (
        <tbody className="adjustments">
          {state.adjustments.map((a, i) => (
            <tr
              key={a.id}
              className={`row ${a.kind}${flaggedAdj.has(a.id) ? ' flagged' : ''}`}
              data-adjustment-id={a.id}
              data-kind={a.kind}
            >
              <td className="col-n">
                {a.kind === 'discount' ? '−' : '+'}
                {flaggedAdj.has(a.id) && (
                  <span className="flag-badge">{t('editor.customerFlagged')}</span>
                )}
              </td>
              {cell('adjustment', a.id, 'label', a.label, {
                label: t('editor.adjLabel', { row: i + 1 }),
                placeholder: t(`editor.${a.kind}`),
              })}
              <KindCell
                label={t('editor.adjKind', { row: i + 1 })}
                kind={a.kind}
                disabled={readOnly}
                onChange={(kind) =>
                  dispatch({ type: 'updateAdjustment', id: a.id, field: 'kind', value: kind })
                }
              />
              {cell('adjustment', a.id, 'amount', a.amount, {
                label: t('editor.adjAmount', { row: i + 1 }),
                numeric: true,
                placeholder: writeAmount(0, currency, style),
              })}
              <RemoveCell
                hidden={readOnly}
                label={t('editor.removeAdj', { row: i + 1 })}
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
            {t('editor.totalOf', { currency })}
            {state.totalTyped && computed !== null && (
              <span className="hint"> {t('editor.computed', { amount: fmt(computed) })}</span>
            )}
          </th>
          <td
            colSpan={2}
            className={totalProblem ? `cell total ${totalProblem.cls}` : 'cell total'}
            title={totalProblem?.text}
          >
            <input
              ref={(el) => {
                if (el) inputs.current.set('total', el);
                else inputs.current.delete('total');
              }}
              aria-label={t('editor.total')}
              className="num"
              inputMode="decimal"
              readOnly={readOnly}
              value={state.totalTyped ? state.total : fmt(computed)}
              onFocus={(e) => {
                e.currentTarget.select();
                props.onFocusRow(null, 'total');
              }}
              onChange={(e) => dispatch({ type: 'setTotal', value: e.target.value })}
            />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
