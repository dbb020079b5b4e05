import { useTranslation } from 'react-i18next';
import type { CheckoutSnapshot } from '../../src-main/contract/checkout';
import { nextPaymentAmount } from '../../src-main/contract/checkout';
import { moneyText } from '../money-text';
import { paymentSteps } from '../../src-window-shared/payment-steps';
import { WaitingAction } from './waiting-action';

/** The step's words by what the payment waits for. */
const waitStep = { password: 'user_paying', payer: 'payer', scan: 'scan' } as const;

/** While the payment system decides: the steps so far, and the password request when it comes. */
export function AuthorizingScreen({ snapshot }: { snapshot: CheckoutSnapshot }) {
  const { t } = useTranslation();
  const waiting = snapshot.payment?.step === 'user_paying';
  const action = snapshot.payment?.action ?? { kind: 'password' as const, until: null, url: null };
  return (
    <div
      className="screen pay-screen authorizing-screen"
      data-step={snapshot.payment?.step}
      data-action={waiting ? action.kind : undefined}
    >
      {snapshot.order && (
        <p className="big-total">
          {moneyText(nextPaymentAmount(snapshot), snapshot.order.currency)}
        </p>
      )}
      {waiting ? (
        <WaitingAction action={action} />
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
            {t(`pay.steps.${s.name === 'user_paying' ? waitStep[action.kind] : s.name}`)}
          </li>
        ))}
      </ol>
      {!waiting && <p className="lead">{t('pay.steps.wait')}</p>}
    </div>
  );
}
