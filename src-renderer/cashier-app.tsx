import { PaymentsBanner } from './panels/payments-banner';
import { HqStatusLine } from './panels/hq-status-line';
import { ResolvedNotices } from './panels/resolved-notices';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { editorReducer, hasDraft, initialEditor, syncDecision } from './editor/editor-state';
import { numberStyle, writeAmount } from './editor/number-text';
import { OrderEditor } from './editor/order-editor';
import { savedLanguage } from './i18n';
import { noticeText } from './station-text';
import { NumberStyleContext } from './number-style';
import { DiscardDialog } from './panels/discard-dialog';
import { MessageBanner } from './panels/message-banner';
import type { CellError } from './editor/to-draft';
import { ActionBar } from './panels/action-bar';
import { DisplaysPanel } from './panels/displays-panel';
import { PairingPanel } from './panels/pairing-panel';
import { ReviewPanel } from './panels/review-panel';
import { ShortcutsHelp } from './panels/shortcuts-help';
import { BackOffice } from './back-office/back-office';
import { TopBar } from './panels/top-bar';
import {
  CANCELLABLE_PHASES,
  EDITABLE_PHASES,
  REOPENABLE_PHASES,
} from '../src-main/contract/phase-rules';
import type { StationConnection } from '../src-window-shared/connect';
import type { StationStore } from '../src-window-shared/station-store';
import { shortcutFor, type ShortcutAction } from './shortcuts';
import { useCashierActions } from './use-cashier-actions';
import { useSecondsLeft } from '../src-window-shared/countdown';

interface Props {
  connection: StationConnection<'cashier'>;
  store: StationStore;
}

/** The cashier window: the order editor, what the customer is doing, and the keyboard to drive it. */
export function CashierApp({ connection, store }: Props) {
  const status = useStore(store, (s) => s.status);
  const info = useStore(store, (s) => s.info);
  const snapshot = useStore(store, (s) => s.snapshot);
  const currency = snapshot?.order?.currency ?? info?.currency ?? 'CNY';
  const { t, i18n } = useTranslation();
  // Numbers are read and written the store's way, whatever language the cashier reads.
  const locale = info?.numberLocale ?? info?.language ?? 'en';
  const style = useMemo(() => numberStyle(locale), [locale]);
  // The window starts in the store's language unless this cashier chose one here before.
  useEffect(() => {
    if (info && !savedLanguage()) void i18n.changeLanguage(info.language);
  }, [info, i18n]);
  const [discarding, setDiscarding] = useState(false);
  // Bumped when a display pairs, so the list of paired displays shows it at once.
  const [pairedCount, setPairedCount] = useState(0);
  const onPaired = useCallback(() => setPairedCount((n) => n + 1), []);
  const [editor, dispatch] = useReducer(editorReducer, undefined, initialEditor);
  const [pairingOpen, setPairingOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  // The cursor starts in the first line's name: typing an order needs no click.
  const [focusRequest, setFocusRequest] = useState<{ key: string; seq: number } | null>({
    key: 'line:L1:name',
    seq: 0,
  });
  const focusedRow = useRef<{ kind: 'line' | 'adjustment'; id: string } | null>(null);
  const lastCell = useRef('line:L1:name');
  const focus = useCallback(
    (key: string) => setFocusRequest((f) => ({ key, seq: (f?.seq ?? 0) + 1 })),
    [],
  );
  // After an unreadable cell is reported, the cursor goes to the first one.
  const onInvalid = useCallback(
    (errors: CellError[]) => {
      const first = errors[0];
      if (first)
        focus(first.kind === 'total' ? 'total' : `${first.kind}:${first.id ?? ''}:${first.field}`);
    },
    [focus],
  );
  const actions = useCashierActions({
    client: connection.client,
    store,
    editor,
    dispatch,
    currency,
    style,
    onInvalid,
  });
  const phase = snapshot?.phase ?? 'idle';
  const readOnly = !EDITABLE_PHASES.includes(phase);
  const secondsLeft = useSecondsLeft(snapshot?.deadline ?? null);

  // The editor follows the station's order unless the cashier is typing into that same order.
  useEffect(() => {
    if (!snapshot) return;
    const decision = syncDecision(editor, snapshot);
    if (decision === 'load' && snapshot.order)
      dispatch({
        type: 'load',
        order: snapshot.order,
        revision: snapshot.revision,
        currency,
        style,
      });
    if (decision === 'clear') dispatch({ type: 'clear' });
    // Only a new snapshot should trigger a sync; the editor is read, not watched.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot]);

  // Closing the pairing panel gives the cursor back to the cell it came from.
  const closePairing = useCallback(() => {
    setPairingOpen(false);
    focus(lastCell.current);
  }, [focus]);

  const perform = useCallback(
    (action: ShortcutAction) => {
      switch (action) {
        case 'send':
          return void actions.send(false);
        case 'acceptAndSend':
          return void actions.send(true);
        case 'check':
          return void actions.check();
        case 'addLine':
          return readOnly ? undefined : dispatch({ type: 'addLine' });
        case 'addAdjustment':
          return readOnly ? undefined : dispatch({ type: 'addAdjustment', kind: 'discount' });
        case 'addSurcharge':
          return readOnly ? undefined : dispatch({ type: 'addAdjustment', kind: 'surcharge' });
        case 'removeRow': {
          const row = focusedRow.current;
          if (!row || readOnly) return;
          return dispatch(
            row.kind === 'line'
              ? { type: 'removeLine', id: row.id }
              : { type: 'removeAdjustment', id: row.id },
          );
        }
        case 'focusTotal':
          return focus('total');
        case 'cancel':
          if (discarding) return setDiscarding(false);
          if (pairingOpen) return closePairing();
          if (helpOpen) return setHelpOpen(false);
          return CANCELLABLE_PHASES.includes(phase) ? void actions.cancel() : undefined;
        case 'reopen':
          return REOPENABLE_PHASES.includes(phase) ? void actions.reopen() : undefined;
        case 'newOrder':
          // A draft the cashier typed is never thrown away by one key press.
          if ((phase === 'idle' || phase === 'review') && hasDraft(editor))
            return setDiscarding(true);
          return void actions.newOrder();
        case 'pairing':
          return setPairingOpen(true);
        case 'help':
          return setHelpOpen((h) => !h);
      }
    },
    [actions, readOnly, pairingOpen, helpOpen, discarding, phase, editor, focus, closePairing],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e, e.code);
      if (!action) return;
      e.preventDefault();
      perform(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [perform]);

  const warnings =
    snapshot?.order && snapshot.order.id === editor.orderId ? snapshot.order.warnings : [];

  return (
    <NumberStyleContext.Provider value={style}>
      <div className="cashier">
        <TopBar
          phase={phase}
          status={status}
          storeName={info?.storeName ?? null}
          secondsLeft={secondsLeft}
        />
        <PaymentsBanner client={connection.client} />
        <ResolvedNotices client={connection.client} />
        <HqStatusLine client={connection.client} />
        {discarding && (
          <DiscardDialog
            lines={editor.lines.filter((l) => l.name.trim() || l.amount.trim()).length}
            onDiscard={() => {
              setDiscarding(false);
              void actions.newOrder();
              focus('line:L1:name');
            }}
            onKeep={() => {
              setDiscarding(false);
              focus(lastCell.current);
            }}
          />
        )}
        <main className="workspace">
          <section className="editor-area">
            {snapshot?.notice && phase !== 'disputed' && (
              <p className="notice" data-code={snapshot.notice.code}>
                {noticeText(t, snapshot.notice)}
              </p>
            )}
            {actions.message && <MessageBanner message={actions.message} />}
            <ReviewPanel
              order={snapshot?.order ?? null}
              dispute={snapshot?.dispute ?? null}
              disputed={phase === 'disputed'}
              canAccept={!readOnly && warnings.length > 0}
              onAccept={() => void actions.send(true)}
            />
            <OrderEditor
              state={editor}
              dispatch={dispatch}
              currency={currency}
              style={style}
              readOnly={readOnly}
              warnings={warnings}
              cellErrors={actions.cellErrors}
              dispute={phase === 'disputed' ? (snapshot?.dispute ?? null) : null}
              focusRequest={focusRequest}
              onFocusRow={(row, cell) => {
                focusedRow.current = row;
                lastCell.current = cell;
              }}
            />
            <ActionBar
              phase={phase}
              readOnly={readOnly}
              busy={actions.busy}
              onAddLine={() => dispatch({ type: 'addLine' })}
              onAddAdjustment={() => dispatch({ type: 'addAdjustment', kind: 'discount' })}
              onAddSurcharge={() => dispatch({ type: 'addAdjustment', kind: 'surcharge' })}
              onSend={() => void actions.send(false)}
              onCancel={() => void actions.cancel()}
              onReopen={() => void actions.reopen()}
              onNewOrder={() => perform('newOrder')}
            />
            {snapshot?.order && readOnly && (
              <p className="hint">
                {t('actions.withCustomer', {
                  amount: writeAmount(snapshot.order.total, currency, style),
                  currency,
                })}
                {snapshot.method && t('actions.method', { method: snapshot.method })}
              </p>
            )}
          </section>
          <aside className="side">
            <BackOffice
              client={connection.client}
              store={store}
              accelerator={info?.captureHotkey}
            />
            {pairingOpen ? (
              <PairingPanel client={connection.client} onClose={closePairing} onPaired={onPaired} />
            ) : (
              <button type="button" className="secondary wide" onClick={() => setPairingOpen(true)}>
                {t('actions.pair')} <kbd>Alt+P</kbd>
              </button>
            )}
            <DisplaysPanel
              client={connection.client}
              refreshKey={`${pairingOpen}-${pairedCount}`}
            />
            <ShortcutsHelp compact={!helpOpen} />
          </aside>
        </main>
      </div>
    </NumberStyleContext.Provider>
  );
}
