import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { adjustmentKindOf, type Order } from '../../src-main/contract/order';
import { moneyText } from '../money-text';
import { useVisibleRows } from './use-visible-rows';

interface Props {
  order: Order;
  /** When given, rows are buttons the customer taps to flag as wrong. */
  selectable?: {
    lineIds: Set<string>;
    adjustmentIds: Set<string>;
    toggle(kind: 'line' | 'adjustment', id: string): void;
  };
  flagged?: { lineIds: string[]; adjustmentIds: string[] };
  /** Rows the cashier changed since the customer last looked: marked, and scrolled to. */
  changed?: Set<string>;
  /** Told once every row has been in view, so Confirm can wait until the whole order was seen. */
  onAllSeen?(seen: boolean): void;
}

/** The order, readable at arm's length: big rows, amounts right-aligned, total last. */
export function OrderView({ order, selectable, flagged, changed, onAllSeen }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  // Keyed by content, not identity: every snapshot (a tap keeps the customer's turn alive and
  // brings one) carries a new but equal order, which must not wipe what was already seen.
  const rows = useVisibleRows(list, JSON.stringify(order));
  useEffect(() => onAllSeen?.(rows.allSeen), [rows.allSeen, onAllSeen]);
  // What changed is brought into view first; the rest is reached by paging.
  const firstChanged = [...order.lines, ...order.adjustments].find((r) => changed?.has(r.id))?.id;
  useEffect(() => {
    if (firstChanged)
      list.current
        ?.querySelector(`[data-row-id="${CSS.escape(firstChanged)}"]`)
        ?.scrollIntoView({ block: 'nearest' });
  }, [firstChanged]);
  const overflowing = rows.count > 0 && (rows.first > 0 || rows.last < rows.count - 1);
  const money = (v: number) => moneyText(v, order.currency);
  const isOn = (kind: 'line' | 'adjustment', id: string) =>
    kind === 'line'
      ? (selectable?.lineIds.has(id) ?? flagged?.lineIds.includes(id) ?? false)
      : (selectable?.adjustmentIds.has(id) ?? flagged?.adjustmentIds.includes(id) ?? false);
  const row = (
    kind: 'line' | 'adjustment',
    id: string,
    name: string,
    detail: string,
    amount: number,
  ) => {
    const on = isOn(kind, id);
    const isChanged = changed?.has(id) ?? false;
    const content = (
      <>
        <span className="check" aria-hidden="true">
          {on ? '✕' : ''}
        </span>
        <span className="name">
          {name}
          {detail && <span className="detail">{detail}</span>}
          {isChanged && <span className="changed-badge">{t('order.changed')}</span>}
        </span>
        <span className="amount">{money(amount)}</span>
      </>
    );
    return (
      <li
        key={`${kind}-${id}`}
        className={['order-row', on && 'flagged', isChanged && 'changed'].filter(Boolean).join(' ')}
        data-line-id={kind === 'line' ? id : undefined}
        data-row-id={id}
      >
        {selectable ? (
          <button
            type="button"
            className="row-button"
            aria-pressed={on}
            onClick={() => selectable.toggle(kind, id)}
          >
            {content}
          </button>
        ) : (
          <div className="row-static">{content}</div>
        )}
      </li>
    );
  };
  return (
    <div className="order-view">
      <ul className="order-rows" aria-label={t('order.title')} ref={list}>
        {order.lines.map((l) =>
          row(
            'line',
            l.id,
            l.name,
            (l.unitPrice === null
              ? l.quantity === '1'
                ? ''
                : `× ${l.quantity}`
              : `${l.quantity} × ${money(l.unitPrice)}`) +
              // The line's own discount or tax, so its amount is never a mystery.
              (l.adjustment ? ` · ${l.adjustment.label} ${money(l.adjustment.amount)}` : ''),
            l.amount,
          ),
        )}
        {/* Each adjustment says what it does, so a charge is never read as a discount. */}
        {order.adjustments.map((a) =>
          row('adjustment', a.id, a.label, t(`order.${adjustmentKindOf(a)}`), a.amount),
        )}
      </ul>
      {overflowing && (
        <div className="rows-pager">
          <button
            type="button"
            className="pager"
            aria-label={t('order.previous')}
            disabled={rows.first <= 0}
            onClick={() => rows.page(-1)}
          >
            <ArrowIcon up />
          </button>
          <span data-testid="rows-range" role="status">
            {t('order.range', {
              first: rows.first + 1,
              last: rows.last + 1,
              count: rows.count,
            })}
          </span>
          <button
            type="button"
            className="pager"
            aria-label={t('order.next')}
            disabled={rows.last >= rows.count - 1}
            onClick={() => rows.page(1)}
          >
            <ArrowIcon />
          </button>
        </div>
      )}
      <div className="order-total">
        <span>{t('order.total')}</span>
        <span className="amount" data-testid="customer-total">
          {money(order.total)}
        </span>
      </div>
    </div>
  );
}

/** A chevron drawn here, so it never depends on a font having the glyph. */
function ArrowIcon({ up = false }: { up?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
      <path
        d={up ? 'M5 15l7-7 7 7' : 'M5 9l7 7 7-7'}
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
