import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import { formatMinor } from '../../src-main/contract/money';
import type { PaymentResolved } from '../../src-main/contract/payments-status';
import { paymentReasonText } from '../station-text';

/** How many settled payments stay on screen at once; older ones give way. */
const KEEP = 3;

/**
 * Payments the station settled on its own — after a restart or once the disk had room again —
 * announced on the cashier window (`payments.resolved`): the cashier may have told the customer
 * to wait, and must now know whether the money was taken. Each stays until dismissed.
 */
export function ResolvedNotices({ client }: { client: ContractClient<'cashier'> }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<PaymentResolved[]>([]);
  useEffect(
    () =>
      client.on('payments.resolved', (next) =>
        setItems((now) =>
          [next, ...now.filter((n) => n.attemptId !== next.attemptId)].slice(0, KEEP),
        ),
      ),
    [client],
  );
  if (items.length === 0) return null;
  return (
    <div className="resolved-notices" role="status" data-testid="resolved-notices">
      {items.map((n) => (
        <div key={n.attemptId} className={`banner resolved ${n.status}`}>
          <span>
            {t(`resolved.${n.status}`, {
              amount: formatMinor(n.amount),
              order: n.orderId,
              reason: paymentReasonText(t, n.status, n.reason),
            })}
          </span>
          <button
            type="button"
            onClick={() => setItems((now) => now.filter((x) => x.attemptId !== n.attemptId))}
          >
            {t('resolved.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
