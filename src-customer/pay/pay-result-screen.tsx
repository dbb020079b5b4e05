import { useTranslation } from 'react-i18next';
import type { CheckoutSnapshot } from '../../src-main/contract/checkout';
import { moneyText } from '../money-text';
import { reasonOf } from '../../src-window-shared/payment-reason';
import { SplitSummary } from './split-summary';

/**
 * Paid or failed: the amount when paid; for a failure, the reason in plain words (never the
 * payment system's code) and whether money was taken. The bar shows the way back to idle.
 */
export function PayResultScreen({
  snapshot,
  barMs,
  onRetry,
  onAgain,
}: {
  snapshot: CheckoutSnapshot;
  /** After a failed payment: pay the same order another way. */
  onRetry?: () => void;
  /** After a failed payment: the same method once more (a new code, the payer asked again). */
  onAgain?: () => void;
  /** How long until the display returns to idle (drives the bar's animation). */
  barMs: number;
}) {
  const { t } = useTranslation();
  const paid = snapshot.phase === 'paid';
  const kind = paid ? 'paid' : 'failed';
  return (
    <div className={`screen result-screen result-${kind}`} role="status">
      <div className="result-icon" aria-hidden="true">
        {paid ? '✓' : '!'}
      </div>
      <h1>{t(`result.${kind}`)}</h1>
      {snapshot.order && paid && (
        <p className="big-total">{moneyText(snapshot.order.total, snapshot.order.currency)}</p>
      )}
      <SplitSummary snapshot={snapshot} />
      {!paid && (
        <p className="lead pay-reason" data-testid="pay-reason">
          {t(`pay.reason.${reasonOf(snapshot.payment)}`)}
        </p>
      )}
      {!paid && onRetry ? (
        <div className="actions retry-actions">
          {onAgain && (
            <button type="button" className="big primary" onClick={onAgain}>
              {t('pay.again')}
            </button>
          )}
          <button
            type="button"
            className={onAgain ? 'big secondary' : 'big primary'}
            onClick={onRetry}
          >
            {t('pay.back')}
          </button>
        </div>
      ) : (
        <p className="lead">{t(`result.${kind}Hint`)}</p>
      )}
      {/* A decline the customer may still pay again does not run out with the result time. */}
      {!(onRetry && snapshot.deadline !== null) && (
        <div className="return-bar" style={{ animationDuration: `${barMs}ms` }} />
      )}
    </div>
  );
}
