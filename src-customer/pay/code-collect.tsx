import { useTranslation } from 'react-i18next';
import type { CheckoutNotice } from '../../src-main/contract/checkout';
import { reasonOf } from '../../src-window-shared/payment-reason';

/** Payment code: a picture of a phone's barcode held to the scanner, and why a scan was refused. */
export function CodeCollect({ notice }: { notice: CheckoutNotice | null }) {
  const { t, i18n } = useTranslation();
  const refused = notice?.code === 'code_refused';
  // The station's detail is English; another language says the reason (when the notice names
  // one) or the plain refusal, never English text in a Chinese sentence.
  const detail = !refused
    ? ''
    : notice.reason
      ? t(`pay.reason.${reasonOf({ outcome: 'failed', reason: notice.reason })}`)
      : i18n.language === 'en'
        ? notice.text.replace(/^[^:]*:\s*/, '')
        : t('pay.reason.invalid_code');
  return (
    <div className="code-collect">
      <ScanPicture />
      <p className="lead">{t('pay.code.hint')}</p>
      {refused && (
        <p className="pay-problem" role="alert" data-testid="code-refused">
          {t('pay.code.refused', { message: detail })}
        </p>
      )}
    </div>
  );
}

/** A phone showing a payment barcode, held up to a scanner's beam. */
function ScanPicture() {
  const bars = [3, 1, 2, 1, 1, 3, 2, 1, 1, 2, 3, 1, 2, 2, 1, 3, 1, 1, 2, 1];
  let x = 34;
  return (
    <svg className="scan-picture" viewBox="0 0 320 200" role="img" aria-hidden="true">
      <rect x="20" y="14" width="130" height="172" rx="16" fill="#16202a" />
      <rect x="28" y="30" width="114" height="140" rx="6" fill="#fff" />
      {bars.map((w, i) => {
        const bar = <rect key={i} x={x} y="62" width={w * 1.6} height="56" fill="#16202a" />;
        x += w * 1.6 + 2.2;
        return bar;
      })}
      <rect x="52" y="128" width="66" height="8" rx="3" fill="#c9d2db" />
      <path d="M175 100 L300 60 L300 140 Z" fill="#e53935" opacity="0.18" />
      <line x1="150" y1="100" x2="300" y2="100" stroke="#e53935" strokeWidth="3" />
      <rect x="278" y="52" width="30" height="96" rx="8" fill="#0b6bcb" />
    </svg>
  );
}
