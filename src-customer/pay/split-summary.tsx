import { useTranslation } from 'react-i18next';
import { remainingOf, type CheckoutSnapshot } from '../../src-main/contract/checkout';
import { moneyText } from '../money-text';

/** An order paid in parts: what is paid so far and what is left, in one line the customer reads. */
export function SplitSummary({ snapshot }: { snapshot: CheckoutSnapshot }) {
  const { t } = useTranslation();
  const order = snapshot.order;
  const paid = snapshot.split?.paid ?? [];
  if (!order || (paid.length === 0 && !snapshot.split?.next)) return null;
  const sum = paid.reduce((s, p) => s + p.amount, 0);
  return (
    <p className="split-summary" data-testid="split-summary">
      {t('pay.split.summary', {
        count: paid.length,
        paid: moneyText(sum, order.currency),
        left: moneyText(remainingOf(snapshot), order.currency),
        total: moneyText(order.total, order.currency),
      })}
    </p>
  );
}

/**
 * The customer splits an amount over their wallet's per-payment limit: 2 or 3 equal parts
 * (the last takes the rest), each paid with any method and credential. Shown after a failed
 * payment or while parts are being paid.
 */
export function PartPicker({
  snapshot,
  onPart,
}: {
  snapshot: CheckoutSnapshot;
  onPart(amount: number | null): void;
}) {
  const { t } = useTranslation();
  const left = remainingOf(snapshot);
  // Offered once a payment failed (e.g. over the wallet's limit) or parts are under way, not
  // on every checkout.
  const wanted = snapshot.split || snapshot.notice?.code === 'payment_failed';
  if (!snapshot.order || left < 2 || !wanted) return null;
  return (
    <p className="part-picker">
      {t('pay.split.ask')}{' '}
      {[2, 3].map((n) => (
        <button
          key={n}
          type="button"
          className="secondary"
          aria-pressed={snapshot.split?.next === Math.ceil(left / n)}
          onClick={() => onPart(Math.ceil(left / n))}
        >
          {t('pay.split.parts', { count: n })}
        </button>
      ))}
    </p>
  );
}
