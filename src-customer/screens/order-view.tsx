import { useTranslation } from 'react-i18next';
import { adjustmentKindOf, type Order } from '../../src-main/contract/order';
import { moneyText } from '../money-text';

interface Props {
  order: Order;
  /** When given, rows are buttons the customer taps to flag as wrong. */
  selectable?: {
    lineIds: Set<string>;
    adjustmentIds: Set<string>;
    toggle(kind: 'line' | 'adjustment', id: string): void;
  };
  flagged?: { lineIds: string[]; adjustmentIds: string[] };
}

/** The order, readable at arm's length: big rows, amounts right-aligned, total last. */
export function OrderView({ order, selectable, flagged }: Props) {
  const { t } = useTranslation();
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
    const content = (
      <>
        <span className="check" aria-hidden="true">
          {on ? '✕' : ''}
        </span>
        <span className="name">
          {name}
          {detail && <span className="detail">{detail}</span>}
        </span>
        <span className="amount">{money(amount)}</span>
      </>
    );
    return (
      <li
        key={`${kind}-${id}`}
        className={on ? 'order-row flagged' : 'order-row'}
        data-line-id={kind === 'line' ? id : undefined}
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
      <ul className="order-rows" aria-label={t('order.title')}>
        {order.lines.map((l) =>
          row(
            'line',
            l.id,
            l.name,
            l.unitPrice === null
              ? l.quantity === '1'
                ? ''
                : `× ${l.quantity}`
              : `${l.quantity} × ${money(l.unitPrice)}`,
            l.amount,
          ),
        )}
        {/* Each adjustment says what it does, so a charge is never read as a discount. */}
        {order.adjustments.map((a) =>
          row('adjustment', a.id, a.label, t(`order.${adjustmentKindOf(a)}`), a.amount),
        )}
      </ul>
      <div className="order-total">
        <span>{t('order.total')}</span>
        <span className="amount" data-testid="customer-total">
          {money(order.total)}
        </span>
      </div>
    </div>
  );
}
