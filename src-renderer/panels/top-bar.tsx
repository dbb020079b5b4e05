import { useTranslation } from 'react-i18next';
import type { CheckoutPhase } from '../../src-main/contract/checkout';
import type { WsStatus } from '../../src-window-shared/ws-transport';
import { otherLanguage } from '../../src-window-shared/language';
import { saveLanguage } from '../i18n';

interface Props {
  phase: CheckoutPhase;
  status: WsStatus;
  storeName: string | null;
  secondsLeft: number | null;
}

/** The cashier's header: the store, where the checkout is, whether the station answers, language. */
export function TopBar({ phase, status, storeName, secondsLeft }: Props) {
  const { t, i18n } = useTranslation();
  const switchLanguage = () => {
    const next = otherLanguage(i18n.language);
    saveLanguage(next);
    void i18n.changeLanguage(next);
  };
  return (
    <>
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ✓
          </span>{' '}
          {/* The store's name when there is one; the product name only stands in for it. */}
          {storeName ? <span className="store">{storeName}</span> : 'Countersign'}
        </div>
        <div
          className={`phase phase-${phase}`}
          data-testid="phase"
          data-phase={phase}
          role="status"
        >
          {t(`phase.${phase}`)}
          {secondsLeft !== null && (
            <span className="deadline">{t('deadline', { seconds: secondsLeft })}</span>
          )}
        </div>
        <div className={`conn conn-${status}`} data-testid="connection">
          {t(`status.${status}`)}
        </div>
        <button
          type="button"
          className="lang-switch secondary"
          lang={i18n.language === 'zh-CN' ? 'en' : 'zh-CN'}
          onClick={switchLanguage}
        >
          {t('language.switch')}
        </button>
      </header>
      {status === 'unpaired' && (
        <p className="banner error-text" role="alert">
          {t('unpaired')}
        </p>
      )}
      {status === 'disconnected' && (
        <p className="banner offline" role="alert" data-testid="offline">
          {t('offline')}
        </p>
      )}
    </>
  );
}
