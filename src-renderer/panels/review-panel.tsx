import type { Dispute } from '../../src-main/contract/checkout';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../src-main/contract/order';
import { warningText } from '../station-text';

interface Props {
  order: Order | null;
  dispute: Dispute | null;
  disputed: boolean;
  canAccept: boolean;
  onAccept(): void;
}

/** The customer's dispute and the station's warnings, with the way out of each. */
export function ReviewPanel({ order, dispute, disputed, canAccept, onAccept }: Props) {
  const { t } = useTranslation();
  const warnings = order?.warnings ?? [];
  const names = (ids: string[], from: Array<{ id: string; name?: string; label?: string }>) =>
    ids.map((id) => from.find((x) => x.id === id)).map((x, i) => x?.name ?? x?.label ?? ids[i]);
  return (
    <>
      {disputed && dispute && (
        <section className="panel dispute" aria-label={t('review.disputeTitle')} role="alert">
          <h2>{t('review.disputeTitle')}</h2>
          {dispute.lineIds.length + dispute.adjustmentIds.length > 0 && (
            <p>
              {t('review.flagged')}{' '}
              <strong>
                {[
                  ...names(dispute.lineIds, order?.lines ?? []),
                  ...names(dispute.adjustmentIds, order?.adjustments ?? []),
                ].join(', ')}
              </strong>
            </p>
          )}
          {dispute.note.trim() && <blockquote className="note">“{dispute.note}”</blockquote>}
          <p className="hint">{t('review.disputeHint')}</p>
        </section>
      )}
      {warnings.length > 0 && (
        <section className="panel warnings" aria-label={t('review.warningsLabel')}>
          <h2>{t('review.warnings', { count: warnings.length })}</h2>
          <ul>
            {warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>{warningText(t, w)}</li>
            ))}
          </ul>
          {canAccept && (
            <button type="button" className="secondary" onClick={onAccept}>
              {t('review.accept')} <kbd>Ctrl+Shift+Enter</kbd>
            </button>
          )}
        </section>
      )}
    </>
  );
}
