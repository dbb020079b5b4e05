import { useTranslation } from 'react-i18next';
import { useQrImage } from '../../src-window-shared/qr-image';

/**
 * Binding: the payment system's page where a customer binds their wallet to this store once
 * (account, phone, agreement, password on the phone), so later payments up to the bound limit
 * need no password. Shown small beside the payment code, as a QR the phone opens.
 */
export function BindOffer({ url }: { url: string | null }) {
  const { t } = useTranslation();
  const image = useQrImage(url, { width: 160 });
  if (!url || !image) return null;
  return (
    <div className="bind-offer">
      <img src={image} alt={t('pay.bind.qr')} data-url={url} width={96} height={96} />
      <p>{t('pay.bind.hint')}</p>
    </div>
  );
}
