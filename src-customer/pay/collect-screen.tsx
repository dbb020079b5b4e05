import { useTranslation } from 'react-i18next';
import type { CheckoutSnapshot } from '../../src-main/contract/checkout';
import type { Credential } from '../../src-main/contract/credential';
import type { CameraReport } from '../../src-main/contract/store-ops';
import { nextPaymentAmount } from '../../src-main/contract/checkout';
import { moneyText } from '../money-text';
import { SplitSummary } from './split-summary';
import { BindOffer } from './bind-offer';
import { CodeCollect } from './code-collect';
import { FaceCollect } from './face-collect';
import { LastDecline } from './last-decline';
import { ProxyCollect } from './proxy-collect';
import { QrCollect } from './qr-collect';
import './pay.css';

interface Props {
  snapshot: CheckoutSnapshot;
  /** Sends the credential; resolves false when the station refused it (the error is shown). */
  submit(credential: Credential): Promise<boolean>;
  /** Back to the method choice, when the station allows it; without it the screen says to ask. */
  onBack?: () => void;
  /** The payment system's binding page (station info), offered beside the payment code. */
  bindUrl?: string | null;
  /** Tells the station how the face screen found the camera (its device panel shows it). */
  reportCamera?: (report: CameraReport) => void;
}

/** Collecting the credential for the method the customer chose. */
export function CollectScreen({ snapshot, submit, onBack, bindUrl, reportCamera }: Props) {
  const { t } = useTranslation();
  const method = snapshot.method ?? 'code';
  return (
    <div className={`screen pay-screen collect-${method}`} data-method={method}>
      <div className="pay-head">
        {snapshot.order && (
          <p className="pay-total">
            {moneyText(nextPaymentAmount(snapshot), snapshot.order.currency)}
          </p>
        )}
        <SplitSummary snapshot={snapshot} />
        <LastDecline notice={snapshot.notice} />
        <h1>
          {method === 'proxy'
            ? t('pay.proxy.title')
            : method === 'qr'
              ? t('pay.qr.title')
              : method === 'face'
                ? t('pay.face.title')
                : t('pay.code.title')}
        </h1>
      </div>
      {method === 'code' && <CodeCollect notice={snapshot.notice} />}
      {method === 'code' && <BindOffer url={bindUrl ?? null} />}
      {method === 'face' && <FaceCollect submit={submit} reportCamera={reportCamera} />}
      {method === 'proxy' && <ProxyCollect submit={submit} />}
      {method === 'qr' && <QrCollect submit={submit} />}
      <div className="pay-foot">
        {onBack ? (
          <button type="button" className="big secondary" onClick={onBack}>
            ← {t('pay.back')}
          </button>
        ) : (
          <p className="hint">{t('pay.help')}</p>
        )}
      </div>
    </div>
  );
}
