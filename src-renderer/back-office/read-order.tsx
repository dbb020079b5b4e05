import { errorText } from '../station-text';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ContractClient } from '../../src-main/contract/client';
import { applySnapshot, type StationStore } from '../../src-window-shared/station-store';

/** The hotkey's text as the cashier sees it (Electron accelerator → keys). */
export function hotkeyText(accelerator: string): string {
  return accelerator.replace(/CommandOrControl|CmdOrCtrl/g, 'Ctrl');
}

/** Whether a key press is the capture hotkey (Ctrl+Shift+O by default) inside this page. */
export function isHotkey(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey'>,
  accelerator: string,
): boolean {
  const parts = accelerator.split('+').map((p) => p.toLowerCase());
  const key = parts[parts.length - 1] ?? '';
  const wantCtrl = parts.some((p) =>
    ['commandorcontrol', 'cmdorctrl', 'control', 'ctrl'].includes(p),
  );
  const pressed = e.code.startsWith('Key') ? e.code.slice(3).toLowerCase() : e.key.toLowerCase();
  return (
    pressed === key &&
    (e.ctrlKey || e.metaKey) === wantCtrl &&
    e.shiftKey === parts.includes('shift') &&
    e.altKey === parts.includes('alt')
  );
}

/**
 * "Read order": captures the calibrated POS region and puts the order in review. The global
 * hotkey is main's; while this window has focus the same keys work here too.
 */
export function ReadOrderButton({
  client,
  store,
  accelerator = 'CommandOrControl+Shift+O',
  disabled,
}: {
  client: ContractClient<'cashier'>;
  store: StationStore;
  accelerator?: string;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  // A message belongs to the order it was said about; a later order (or none) hides it.
  const [said, setMessage] = useState<{
    tone: 'error' | 'info';
    text: string;
    orderId: string | null;
  } | null>(null);
  const orderId = useStore(store, (s) => s.snapshot?.order?.id ?? null);
  const message = said && said.orderId === orderId ? said : null;

  const read = useCallback(async () => {
    if (busy || disabled) return;
    setBusy(true);
    setMessage(null);
    const r = await client.call('capture.read', {});
    setBusy(false);
    if (!r.ok)
      return setMessage({
        tone: 'error',
        text: errorText(t, r.error),
        orderId: store.getState().snapshot?.order?.id ?? null,
      });
    applySnapshot(store, r.value);
    const warnings = r.value.order?.warnings.length ?? 0;
    setMessage({
      tone: 'info',
      text: warnings ? t('readOrder.doubtful', { count: warnings }) : t('readOrder.addsUp'),
      orderId: r.value.order?.id ?? null,
    });
  }, [busy, disabled, client, store, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isHotkey(e, accelerator)) return;
      e.preventDefault();
      void read();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [accelerator, read]);

  return (
    <div className="read-order">
      <button
        type="button"
        className="primary wide"
        disabled={busy || disabled}
        onClick={() => void read()}
      >
        {busy ? t('readOrder.busy') : t('readOrder.read')} <kbd>{hotkeyText(accelerator)}</kbd>
      </button>
      {message && (
        <p
          className={message.tone === 'error' ? 'bo-error' : 'bo-muted'}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="read-order-message"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
