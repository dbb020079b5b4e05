import type { Dispute } from '../../src-main/contract/checkout';
import type { Order } from '../../src-main/contract/order';

interface Props {
  order: Order | null;
  dispute: Dispute | null;
  disputed: boolean;
  canAccept: boolean;
  onAccept(): void;
}

/** The customer's dispute and the station's warnings, with the way out of each. */
export function ReviewPanel({ order, dispute, disputed, canAccept, onAccept }: Props) {
  const warnings = order?.warnings ?? [];
  const names = (ids: string[], from: Array<{ id: string; name?: string; label?: string }>) =>
    ids.map((id) => from.find((x) => x.id === id)).map((x, i) => x?.name ?? x?.label ?? ids[i]);
  return (
    <>
      {disputed && dispute && (
        <section className="panel dispute" aria-label="Customer dispute" role="alert">
          <h2>The customer says something is wrong</h2>
          {dispute.lineIds.length + dispute.adjustmentIds.length > 0 && (
            <p>
              Flagged:{' '}
              <strong>
                {[
                  ...names(dispute.lineIds, order?.lines ?? []),
                  ...names(dispute.adjustmentIds, order?.adjustments ?? []),
                ].join(', ')}
              </strong>
            </p>
          )}
          {dispute.note.trim() && <blockquote className="note">“{dispute.note}”</blockquote>}
          <p className="hint">
            Fix the highlighted lines, then press Ctrl+Enter to send the order again.
          </p>
        </section>
      )}
      {warnings.length > 0 && (
        <section className="panel warnings" aria-label="Warnings">
          <h2>
            {warnings.length} {warnings.length === 1 ? 'number does' : 'numbers do'} not add up
          </h2>
          <ul>
            {warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>{w.message}</li>
            ))}
          </ul>
          {canAccept && (
            <button type="button" className="secondary" onClick={onAccept}>
              Accept warnings and send <kbd>Ctrl+Shift+Enter</kbd>
            </button>
          )}
        </section>
      )}
    </>
  );
}
