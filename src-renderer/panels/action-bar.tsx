import { FINAL_PHASES, type CheckoutPhase } from '../../src-main/contract/checkout';
import { CANCELLABLE_PHASES } from '../phase-text';

interface Props {
  phase: CheckoutPhase;
  readOnly: boolean;
  busy: boolean;
  onAddLine(): void;
  onAddAdjustment(): void;
  onSend(): void;
  onCancel(): void;
  onReopen(): void;
  onNewOrder(): void;
}

/** The buttons under the order: only those that make sense in this phase, each with its key. */
export function ActionBar(props: Props) {
  const { phase, readOnly } = props;
  return (
    <div className="toolbar">
      {!readOnly && (
        <>
          <button type="button" className="secondary" onClick={props.onAddLine}>
            Add line <kbd>Alt+N</kbd>
          </button>
          <button type="button" className="secondary" onClick={props.onAddAdjustment}>
            Add discount <kbd>Alt+D</kbd>
          </button>
          <span className="spacer" />
          <button type="button" className="primary" disabled={props.busy} onClick={props.onSend}>
            Send to customer <kbd>Ctrl+Enter</kbd>
          </button>
        </>
      )}
      {CANCELLABLE_PHASES.includes(phase) && (
        <button type="button" className="danger" onClick={props.onCancel}>
          Cancel checkout <kbd>Esc</kbd>
        </button>
      )}
      {(phase === 'cancelled' || phase === 'failed') && (
        <button type="button" className="secondary" onClick={props.onReopen}>
          Reopen <kbd>Alt+R</kbd>
        </button>
      )}
      {FINAL_PHASES.includes(phase) && (
        <button type="button" className="primary" onClick={props.onNewOrder}>
          New order <kbd>Alt+O</kbd>
        </button>
      )}
    </div>
  );
}
