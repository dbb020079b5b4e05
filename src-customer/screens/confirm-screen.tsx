import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../src-main/contract/order';
import { OrderView } from './order-view';

interface Props {
  order: Order;
  /** Rows changed since the customer last saw this order. */
  changed?: Set<string>;
  flagging: boolean;
  busy: boolean;
  setFlagging(on: boolean): void;
  onConfirm(): void;
  onDispute(d: { lineIds: string[]; adjustmentIds: string[]; note: string }): void;
}

/** The order to confirm, or — after "Something is wrong" — to tap the wrong lines and send. */
export function ConfirmScreen(props: Props) {
  const { order, changed, flagging, busy, setFlagging, onConfirm, onDispute } = props;
  const { t } = useTranslation();
  // Confirm waits until every line has been on screen: nobody confirms what they did not see.
  const [allSeen, setAllSeen] = useState(false);
  const [lineIds, setLineIds] = useState<Set<string>>(new Set());
  const [adjustmentIds, setAdjustmentIds] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const toggle = (kind: 'line' | 'adjustment', id: string) => {
    const update = (s: Set<string>) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    };
    if (kind === 'line') setLineIds(update);
    else setAdjustmentIds(update);
  };
  const count = lineIds.size + adjustmentIds.size;

  if (!flagging) {
    return (
      <div className="screen confirm-screen">
        <h1>{t('order.title')}</h1>
        <OrderView order={order} changed={changed} onAllSeen={setAllSeen} />
        {!allSeen && <p className="see-all">{t('order.seeAll')}</p>}
        <div className="actions">
          <button
            type="button"
            className="big secondary"
            onClick={() => setFlagging(true)}
            disabled={busy}
          >
            {t('order.wrong')}
          </button>
          <button
            type="button"
            className="big primary"
            onClick={onConfirm}
            disabled={busy || !allSeen}
          >
            {t('order.confirm')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="screen confirm-screen flagging">
      <h1>{t('dispute.title')}</h1>
      <OrderView order={order} selectable={{ lineIds, adjustmentIds, toggle }} />
      <label className="note-field">
        <span>{t('dispute.note')}</span>
        <textarea
          value={note}
          maxLength={300}
          rows={1}
          placeholder={t('dispute.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <div className="actions">
        <button
          type="button"
          className="big secondary"
          onClick={() => setFlagging(false)}
          disabled={busy}
        >
          {t('dispute.back')}
        </button>
        <span className="count">{t('dispute.selected', { count })}</span>
        <button
          type="button"
          className="big primary"
          disabled={busy || (count === 0 && !note.trim())}
          onClick={() =>
            onDispute({
              lineIds: [...lineIds],
              adjustmentIds: [...adjustmentIds],
              note: note.trim(),
            })
          }
        >
          {t('dispute.send')}
        </button>
      </div>
    </div>
  );
}
