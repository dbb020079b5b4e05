import { useTranslation } from 'react-i18next';

interface Props {
  /** Lines of the draft that would be lost. */
  lines: number;
  onDiscard(): void;
  onKeep(): void;
}

/** Asks before a new order throws away a typed draft; the safe answer has the focus (Enter keeps). */
export function DiscardDialog({ lines, onDiscard, onKeep }: Props) {
  const { t } = useTranslation();
  return (
    <div className="modal-backdrop">
      <section
        className="panel discard-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="discard-title"
      >
        <h2 id="discard-title">{t('msg.discardTitle')}</h2>
        <p>{t('msg.discardBody', { count: lines })}</p>
        <div className="actions">
          <button type="button" className="danger" onClick={onDiscard}>
            {t('msg.discard')}
          </button>
          <button type="button" className="primary" onClick={onKeep} autoFocus>
            {t('msg.keep')} <kbd>Esc</kbd>
          </button>
        </div>
      </section>
    </div>
  );
}
