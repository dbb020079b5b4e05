import { useTranslation } from 'react-i18next';
import type { CheckoutNotice } from '../../src-main/contract/checkout';
import { reasonOf } from '../../src-window-shared/payment-reason';

/**
 * After a decline, on the next try (method choice or collecting): why the last payment did not
 * go through, in plain words, as a card terminal says it before asking again.
 */
export function LastDecline({ notice }: { notice: CheckoutNotice | null }) {
  const { t } = useTranslation();
  if (notice?.code !== 'payment_failed') return null;
  const reason = reasonOf({ outcome: 'failed', reason: notice.reason ?? null });
  return (
    <p className="last-decline" role="status" data-testid="last-decline" data-reason={reason}>
      {t('pay.declined', { reason: t(`pay.reason.${reason}`) })}
    </p>
  );
}
