import { useTranslation } from 'react-i18next';
import type { PaymentAction } from '../../src-main/contract/credential';
import { Countdown } from '../../src-window-shared/countdown';
import { useQrImage } from '../../src-window-shared/qr-image';

/**
 * What the payment waits for, with its countdown: the merchant QR to scan, the proxy payer
 * confirming on their phone, or the customer's password.
 */
export function WaitingAction({ action }: { action: PaymentAction }) {
  const { t } = useTranslation();
  const qr = useQrImage(action.kind === 'scan' ? action.url : null, {
    width: 360,
    errorCorrectionLevel: 'M',
  });
  return (
    <div
      className={`waiting-action waiting-${action.kind}${action.kind === 'password' ? ' password-ask' : ''}`}
      role="status"
    >
      {action.kind === 'scan' ? (
        <>
          <h1>{t('pay.qr.title')}</h1>
          <div className="qr-box">
            {qr && <img src={qr} alt={t('pay.qr.title')} data-url={action.url ?? ''} />}
          </div>
          <p className="lead">{t('pay.qr.hint')}</p>
        </>
      ) : action.kind === 'payer' ? (
        <>
          <div className="phone-icon" aria-hidden="true">
            ✉
          </div>
          <h1>{t('pay.proxy.waiting')}</h1>
          <p className="lead">{t('pay.proxy.waitingHint')}</p>
        </>
      ) : (
        <>
          <div className="phone-icon" aria-hidden="true">
            ✱✱✱
          </div>
          <h1>{t('pay.steps.password')}</h1>
        </>
      )}
      <Countdown until={action.until} label={t('pay.timeLeft')} />
    </div>
  );
}
