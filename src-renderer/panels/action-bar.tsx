import { FINAL_PHASES, type CheckoutPhase } from '../../src-main/contract/checkout';
import { useTranslation } from 'react-i18next';
import { CANCELLABLE_PHASES, REOPENABLE_PHASES } from '../../src-main/contract/phase-rules';

interface Props {
  phase: CheckoutPhase;
  readOnly: boolean;
  busy: boolean;
  onAddLine(): void;
  onAddAdjustment(): void;
  onAddSurcharge(): void;
  onSend(): void;
  onCancel(): void;
  onReopen(): void;
  onNewOrder(): void;
}

/** The buttons under the order: only those that make sense in this phase, each with its key. */
export function ActionBar(props: Props) {
  const { phase, readOnly } = props;
  const { t } = useTranslation();
  return (
    <div className="toolbar">
      {!readOnly && (
        <>
          <button type="button" className="secondary" onClick={props.onAddLine}>
            {t('actions.addLine')} <kbd>Alt+N</kbd>
          </button>
          <button type="button" className="secondary" onClick={props.onAddAdjustment}>
            {t('actions.addDiscount')} <kbd>Alt+D</kbd>
          </button>
          <button type="button" className="secondary" onClick={props.onAddSurcharge}>
            {t('actions.addSurcharge')} <kbd>Alt+C</kbd>
          </button>
          <span className="spacer" />
          <button type="button" className="primary" disabled={props.busy} onClick={props.onSend}>
            {t('actions.send')} <kbd>Ctrl+Enter</kbd>
          </button>
        </>
      )}
      {CANCELLABLE_PHASES.includes(phase) && (
        <button type="button" className="danger" onClick={props.onCancel}>
          {t('actions.cancel')} <kbd>Esc</kbd>
        </button>
      )}
      {REOPENABLE_PHASES.includes(phase) && (
        <button type="button" className="secondary" onClick={props.onReopen}>
          {t('actions.reopen')} <kbd>Alt+R</kbd>
        </button>
      )}
      {FINAL_PHASES.includes(phase) && (
        <button type="button" className="primary" onClick={props.onNewOrder}>
          {t('actions.newOrder')} <kbd>Alt+O</kbd>
        </button>
      )}
    </div>
  );
}
