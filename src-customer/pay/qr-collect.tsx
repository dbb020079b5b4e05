import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../../src-main/contract/credential';

/**
 * Merchant-presented QR: asking for it is the payment request. The payment system issues a
 * token for this order and the station shows it as a QR while authorizing (AuthorizingScreen);
 * the result comes from the payment system, with nothing for the customer to tap.
 */
export function QrCollect({ submit }: { submit(c: Credential): Promise<boolean> }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const asked = useRef(false);

  const ask = () => {
    setFailed(false);
    void submit({ kind: 'merchant_qr' }).then((ok) => !ok && setFailed(true));
  };
  useEffect(() => {
    // Once per screen, even when React runs effects twice in development.
    if (asked.current) return;
    asked.current = true;
    ask();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="qr-collect">
      <p className="lead">{failed ? t('pay.qr.notIssued') : t('pay.qr.issuing')}</p>
      {failed && (
        <button type="button" className="big primary" onClick={ask}>
          {t('pay.face.retry')}
        </button>
      )}
    </div>
  );
}
