import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Binding: the payment system's page where a customer binds their wallet to this store once
 * (account, phone, agreement, password on the phone), so later payments up to the bound limit
 * need no password. Shown small beside the payment code, as a QR the phone opens.
 */
export function BindOffer({ url }: { url: string | null }) {
  const { t } = useTranslation();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (url)
      QRCode.toDataURL(url, { margin: 1, width: 160 })
        .then((d) => live && setImage(d))
        .catch(() => live && setImage(null));
    return () => {
      live = false;
    };
  }, [url]);
  if (!url || !image) return null;
  return (
    <div className="bind-offer">
      <img src={image} alt={t('pay.bind.qr')} data-url={url} width={96} height={96} />
      <p>{t('pay.bind.hint')}</p>
    </div>
  );
}
