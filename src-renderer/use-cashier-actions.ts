import { useCallback, useState, type Dispatch } from 'react';
import { useStore } from 'zustand';
import type { ContractClient } from '../src-main/contract/client';
import { allows, EDITABLE_PHASES } from '../src-main/contract/phase-rules';
import type { ContractError } from '../src-main/contract/result';
import type { EditorAction, EditorState } from './editor/editor-state';
import { toOrderDraft, type CellError } from './editor/to-draft';
import { applySnapshot, type StationStore } from '../src-window-shared/station-store';
import type { NumberStyle } from './editor/number-text';

/**
 * The last outcome the cashier should read: an error to act on, or a short confirmation. It is
 * kept as a translation key (or the station's own text), so switching language re-says it.
 */
export interface ActionMessage {
  tone: 'error' | 'info';
  key?: string;
  params?: Record<string, string | number>;
  /** The station's refusal, said in the window's language when there is no key. */
  error?: ContractError;
  code?: string;
  /** Every unreadable cell, named in the banner. */
  cells?: CellError[];
}

interface Deps {
  client: ContractClient<'cashier'>;
  store: StationStore;
  editor: EditorState;
  dispatch: Dispatch<EditorAction>;
  currency: string;
  style: NumberStyle;
  /** Told about unreadable cells, so the window can put the cursor on the first one. */
  onInvalid(errors: CellError[]): void;
}

const fromError = (e: ContractError): ActionMessage => ({ tone: 'error', error: e, code: e.code });

/**
 * The cashier's commands. Each one calls the station and applies the snapshot it answers with;
 * the editor itself changes only when a snapshot says so.
 */
export function useCashierActions(deps: Deps) {
  const { client, store, editor, dispatch, currency, style, onInvalid } = deps;
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
    const draft = toOrderDraft(editor, currency, style);
    if (!draft.ok) {
      setCellErrors(draft.errors);
      onInvalid(draft.errors);
      setMessage({
        tone: 'error',
        key: 'cellsToFix',
        params: { count: draft.errors.length },
        cells: draft.errors,
      });
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
  }, [client, store, editor, currency, style, onInvalid, setMessage]);

  const run = useCallback(
    async (work: () => Promise<void>) => {
      // A command while the station is down would only time out: say so at once.
      if (store.getState().status !== 'ready')
        return setMessage({ tone: 'error', key: 'msg.offline' });
      setBusy(true);
      try {
        await work();
      } finally {
        setBusy(false);
      }
    },
    [store, setMessage],
  );

  const send = useCallback(
    (acceptWarnings: boolean) =>
      run(async () => {
        const phase = store.getState().snapshot?.phase ?? 'idle';
        if (!EDITABLE_PHASES.includes(phase)) {
          setMessage({ tone: 'error', key: 'msg.withCustomer' });
          return;
        }
        const revision = await submitIfNeeded();
        if (revision === null) return;
        const r = await client.call('checkout.send', { revision, acceptWarnings });
        if (!r.ok) {
          setMessage(
            r.error.code === 'needs_review'
              ? { tone: 'error', code: r.error.code, key: 'msg.needsReview' }
              : fromError(r.error),
          );
          return;
        }
        applySnapshot(store, r.value);
        setMessage({ tone: 'info', key: 'msg.sent' });
      }),
    [run, store, submitIfNeeded, client, setMessage],
  );

  const check = useCallback(
    () =>
      run(async () => {
        const revision = await submitIfNeeded();
        if (revision === null) return;
        const warnings = store.getState().snapshot?.order?.warnings ?? [];
        setMessage(
          warnings.length
            ? { tone: 'info', key: 'msg.warnings', params: { count: warnings.length } }
            : { tone: 'info', key: 'msg.addsUp' },
        );
      }),
    [run, submitIfNeeded, store, setMessage],
  );

  const simple = useCallback(
    (command: 'checkout.cancel' | 'checkout.reopen' | 'checkout.reset', done: string) =>
      run(async () => {
        const r = await client.call(command, {});
        if (!r.ok) return setMessage(fromError(r.error));
        applySnapshot(store, r.value);
        setMessage({ tone: 'info', key: done });
      }),
    [run, client, store, setMessage],
  );

  const newOrder = useCallback(
    () =>
      run(async () => {
        const phase = store.getState().snapshot?.phase ?? 'idle';
        // An order in review never reached the customer: the cashier asked to drop it (the
        // window confirmed first), so it is cancelled on the way to a new one.
        if (phase === 'review') {
          const r = await client.call('checkout.cancel', {});
          if (!r.ok) return setMessage(fromError(r.error));
        }
        if (allows('reset', phase)) {
          const r = await client.call('checkout.reset', {});
          if (!r.ok) return setMessage(fromError(r.error));
          applySnapshot(store, r.value);
        } else if (phase !== 'idle') {
          setMessage({ tone: 'error', key: 'msg.finishFirst' });
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
    cancel: () => simple('checkout.cancel', 'msg.cancelled'),
    reopen: () => simple('checkout.reopen', 'msg.reopened'),
  };
}
