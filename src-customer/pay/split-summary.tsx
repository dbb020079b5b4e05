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
