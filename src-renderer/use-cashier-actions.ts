import { useCallback, useState, type Dispatch } from 'react';
import { useStore } from 'zustand';
import type { ContractClient } from '../src-main/contract/client';
import type { ContractError } from '../src-main/contract/result';
import type { EditorAction, EditorState } from './editor/editor-state';
import { toOrderDraft, type CellError } from './editor/to-draft';
import { EDITABLE_PHASES } from './phase-text';
import { applySnapshot, type StationStore } from './shared/station-store';

/** The last outcome the cashier should read: an error to act on, or a short confirmation. */
export interface ActionMessage {
  tone: 'error' | 'info';
  text: string;
  code?: string;
  issues?: string[];
}

interface Deps {
  client: ContractClient<'cashier'>;
  store: StationStore;
  editor: EditorState;
  dispatch: Dispatch<EditorAction>;
  currency: string;
  /** Told about unreadable cells, so the window can put the cursor on the first one. */
  onInvalid(errors: CellError[]): void;
}

const fromError = (e: ContractError): ActionMessage => ({
  tone: 'error',
  text: e.message,
  code: e.code,
  issues: e.issues,
});

/**
 * The cashier's commands. Each one calls the station and applies the snapshot it answers with;
 * the editor itself changes only when a snapshot says so.
 */
export function useCashierActions({ client, store, editor, dispatch, currency, onInvalid }: Deps) {
  // A message belongs to the phase it was said in; once the checkout moves on it is stale.
  const [said, setSaid] = useState<{ message: ActionMessage; phase: string | undefined } | null>(
    null,
  );
  const setMessage = useCallback(
    (message: ActionMessage | null) =>
      setSaid(message && { message, phase: store.getState().snapshot?.phase }),
    [store],
  );
  const phaseNow = useStore(store, (s) => s.snapshot?.phase);
  const message = said && said.phase === phaseNow ? said.message : null;
  const [cellErrors, setCellErrors] = useState<CellError[]>([]);
  const [busy, setBusy] = useState(false);

  /** Submits the draft when it differs from what main holds; returns the revision to send. */
  const submitIfNeeded = useCallback(async (): Promise<number | null> => {
    const snap = store.getState().snapshot;
    const needsSubmit = editor.dirty || !snap?.order || snap.phase !== 'review';
    if (!needsSubmit && snap) return snap.revision;
    const draft = toOrderDraft(editor, currency);
    if (!draft.ok) {
      setCellErrors(draft.errors);
      onInvalid(draft.errors);
      setMessage({ tone: 'error', text: draft.errors[0]?.message ?? 'The order cannot be read' });
      return null;
    }
    setCellErrors([]);
    const r = await client.call('order.submit', { order: draft.value });
    if (!r.ok) {
      setMessage(fromError(r.error));
      return null;
    }
    applySnapshot(store, r.value);
    return r.value.revision;
  }, [client, store, editor, currency, onInvalid, setMessage]);

  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }, []);

  const send = useCallback(
    (acceptWarnings: boolean) =>
      run(async () => {
        const phase = store.getState().snapshot?.phase ?? 'idle';
        if (!EDITABLE_PHASES.includes(phase)) {
          setMessage({
            tone: 'error',
            text: 'The order is already with the customer. Cancel (Esc) to change it.',
          });
          return;
        }
        const revision = await submitIfNeeded();
        if (revision === null) return;
        const r = await client.call('checkout.send', { revision, acceptWarnings });
        if (!r.ok) {
          setMessage(
            r.error.code === 'needs_review'
              ? {
                  tone: 'error',
                  code: r.error.code,
                  text: `${r.error.message.replace(/[.!?]?$/, '.')} Fix the highlighted cells, or accept the warnings with Ctrl+Shift+Enter.`,
                }
              : fromError(r.error),
          );
          return;
        }
        applySnapshot(store, r.value);
        setMessage({ tone: 'info', text: 'Sent to the customer.' });
      }),
    [run, store, submitIfNeeded, client, setMessage],
  );

  const check = useCallback(
    () =>
      run(async () => {
        const revision = await submitIfNeeded();
        if (revision === null) return;
        const warnings = store.getState().snapshot?.order?.warnings ?? [];
        setMessage({
          tone: 'info',
          text: warnings.length
            ? `${warnings.length} warning(s) to look at.`
            : 'The numbers add up.',
        });
      }),
    [run, submitIfNeeded, store, setMessage],
  );

  const simple = useCallback(
    (command: 'checkout.cancel' | 'checkout.reopen' | 'checkout.reset', done: string) =>
      run(async () => {
        const r = await client.call(command, {});
        if (!r.ok) return setMessage(fromError(r.error));
        applySnapshot(store, r.value);
        setMessage({ tone: 'info', text: done });
      }),
    [run, client, store, setMessage],
  );

  const newOrder = useCallback(
    () =>
      run(async () => {
        const phase = store.getState().snapshot?.phase ?? 'idle';
        if (phase === 'paid' || phase === 'failed' || phase === 'cancelled') {
          const r = await client.call('checkout.reset', {});
          if (!r.ok) return setMessage(fromError(r.error));
          applySnapshot(store, r.value);
        } else if (phase !== 'idle') {
          setMessage({
            tone: 'error',
            text: 'Finish or cancel (Esc) this checkout before starting a new order.',
          });
          return;
        }
        dispatch({ type: 'clear' });
        setCellErrors([]);
        setMessage(null);
      }),
    [run, client, store, dispatch, setMessage],
  );

  return {
    busy,
    message,
    cellErrors,
    setMessage,
    send,
    check,
    newOrder,
    cancel: () => simple('checkout.cancel', 'Checkout cancelled. Alt+R reopens it.'),
    reopen: () => simple('checkout.reopen', 'Reopened for review.'),
  };
}
