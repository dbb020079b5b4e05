import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../../src-main/contract/credential';
import { newQrToken, qrPayload } from './qr-token';

/**
 * Merchant-presented QR: a fresh random token per checkout screen, shown as a QR code the
 * customer scans with their wallet; "I have paid" sends the token for the payment system to
 * match against the payment it received.
 */
export function QrCollect({ submit }: { submit(c: Credential): Promise<boolean> }) {
  const { t } = useTranslation();
  const [token] = useState(() => newQrToken((b) => crypto.getRandomValues(b)));
  const [image, setImage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    QRCode.toDataURL(qrPayload(token), { margin: 1, width: 360, errorCorrectionLevel: 'M' })
      .then((url) => live && setImage(url))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [token]);

  return (
    <div className="qr-collect">
      {error ? (
        <p className="pay-problem" role="alert">
          {t('pay.qr.failed', { message: error })}
        </p>
      ) : (
        <div className="qr-box">
          {image && <img src={image} alt={t('pay.qr.title')} data-token={token} />}
        </div>
      )}
      <p className="lead">{t('pay.qr.hint')}</p>
      <button
        type="button"
        className="big primary"
        disabled={busy || !image}
        onClick={() => {
          setBusy(true);
          void submit({ kind: 'merchant_qr', token }).then((ok) => !ok && setBusy(false));
        }}
      >
        {t('pay.qr.paid')}
      </button>
    </div>
  );
}
