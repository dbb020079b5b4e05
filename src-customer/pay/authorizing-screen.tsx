import { useTranslation } from 'react-i18next';
import type { CheckoutSnapshot } from '../../src-main/contract/checkout';
import { moneyText } from '../money-text';
import { paymentSteps } from './payment-steps';

/** While the payment system decides: the steps so far, and the password request when it comes. */
export function AuthorizingScreen({ snapshot }: { snapshot: CheckoutSnapshot }) {
  const { t } = useTranslation();
  const password = snapshot.payment?.step === 'user_paying';
  return (
    <div className="screen pay-screen authorizing-screen" data-step={snapshot.payment?.step}>
      {snapshot.order && (
        <p className="big-total">{moneyText(snapshot.order.total, snapshot.order.currency)}</p>
      )}
      {password ? (
        <div className="password-ask" role="alert">
          <div className="phone-icon" aria-hidden="true">
            ✱✱✱
          </div>
          <h1>{t('pay.steps.password')}</h1>
        </div>
      ) : (
        <>
          <div className="spinner" aria-hidden="true" />
          <h1>{t('pay.steps.title')}</h1>
        </>
      )}
      <ol className="pay-steps" aria-label={t('pay.steps.title')}>
        {paymentSteps(snapshot.payment).map((s) => (
          <li key={s.name} className={`step step-${s.state}`} data-state={s.state}>
            <span className="step-dot" aria-hidden="true">
              {s.state === 'done' ? '✓' : ''}
            </span>
            {t(`pay.steps.${s.name}`)}
          </li>
        ))}
      </ol>
      <p className="lead">{t('pay.steps.wait')}</p>
    </div>
  );
}
