import { useTranslation } from 'react-i18next';
import type { CheckoutSnapshot } from '../../src-main/contract/checkout';
import type { StationInfo } from '../../src-main/contract/commands';
import { moneyText } from '../money-text';
import { resultScreenMs } from '../screen-for';

/** Between customers: the store's name and message. */
export function IdleScreen({ info }: { info: StationInfo | null }) {
  const { t } = useTranslation();
  return (
    <div className="screen idle-screen">
      {/* A store message that is itself a welcome is not said twice. */}
      {!sameWords(info?.storeMessage, t('idle.welcome')) && (
        <p className="welcome">{t('idle.welcome')}</p>
      )}
      <h1 className="store-name">{info?.storeName}</h1>
      {info?.storeMessage && <p className="store-message">{info.storeMessage}</p>}
      <p className="hint">{t('idle.hint')}</p>
    </div>
  );
}

const sameWords = (a: string | undefined, b: string) =>
  (a ?? '')
    .trim()
    .toLowerCase()
    .replace(/[.!。！]+$/, '') === b.trim().toLowerCase();

/** Before the station answers. */
export function ConnectingScreen() {
  const { t } = useTranslation();
  return (
    <div className="screen idle-screen">
      <div className="spinner" aria-hidden="true" />
      <p className="lead">{t('connecting')}</p>
    </div>
  );
}

/** While the station collects the credential or authorizes: what the customer should do now. */
export function ProgressScreen({ snapshot }: { snapshot: CheckoutSnapshot }) {
  const { t } = useTranslation();
  const total = snapshot.order ? moneyText(snapshot.order.total, snapshot.order.currency) : '';
  const text =
    snapshot.phase === 'collecting_credential' && snapshot.method
      ? t(`collecting.${snapshot.method}`)
      : snapshot.payment?.step === 'user_paying'
        ? t('authorizing.userPaying')
        : t('authorizing.title');
  return (
    <div className="screen progress-screen">
      <p className="big-total">{total}</p>
      {snapshot.phase === 'authorizing' && <div className="spinner" aria-hidden="true" />}
      <h1>{text}</h1>
    </div>
  );
}

/** Paid, failed or cancelled; a bar shows how long until the display goes back to idle. */
export function ResultScreen({
  snapshot,
  seconds,
}: {
  snapshot: CheckoutSnapshot;
  seconds: number;
}) {
  const { t } = useTranslation();
  const kind =
    snapshot.phase === 'paid' ? 'paid' : snapshot.phase === 'failed' ? 'failed' : 'cancelled';
  return (
    <div className={`screen result-screen result-${kind}`} role="status">
      <div className="result-icon" aria-hidden="true">
        {kind === 'paid' ? '✓' : kind === 'failed' ? '!' : '×'}
      </div>
      <h1>{t(`result.${kind}`)}</h1>
      {snapshot.order && kind === 'paid' && (
        <p className="big-total">{moneyText(snapshot.order.total, snapshot.order.currency)}</p>
      )}
      {kind === 'failed' && snapshot.payment?.reason && (
        <p className="lead">{snapshot.payment.reason}</p>
      )}
      <p className="lead">{t(`result.${kind}Hint`)}</p>
      <div
        className="return-bar"
        style={{
          // The station resets a paid checkout after `seconds`; other results fall back locally.
          animationDuration: `${kind === 'paid' ? seconds * 1000 : resultScreenMs(seconds)}ms`,
        }}
      />
    </div>
  );
}
