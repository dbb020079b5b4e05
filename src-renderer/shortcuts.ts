/** Everything the cashier can do from the keyboard; the help panel lists these. */
export type ShortcutAction =
  | 'send'
  | 'acceptAndSend'
  | 'check'
  | 'addLine'
  | 'addAdjustment'
  | 'removeRow'
  | 'cancel'
  | 'reopen'
  | 'newOrder'
  | 'pairing'
  | 'focusTotal'
  | 'help';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** Key bindings, in the order the help panel shows them. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; action: ShortcutAction; label: string }> = [
  { keys: 'Ctrl+Enter', action: 'send', label: 'Send the order to the customer' },
  { keys: 'Ctrl+Shift+Enter', action: 'acceptAndSend', label: 'Accept the warnings and send' },
  { keys: 'Ctrl+S', action: 'check', label: 'Check the order (warnings) without sending' },
  { keys: 'Alt+N', action: 'addLine', label: 'New line' },
  { keys: 'Alt+D', action: 'addAdjustment', label: 'New discount / adjustment' },
  { keys: 'Ctrl+Delete', action: 'removeRow', label: 'Remove the row being edited' },
  { keys: 'Alt+T', action: 'focusTotal', label: 'Go to the total' },
  { keys: 'Esc', action: 'cancel', label: 'Cancel the checkout (or close a panel)' },
  { keys: 'Alt+R', action: 'reopen', label: 'Reopen a cancelled or failed checkout' },
  { keys: 'Alt+O', action: 'newOrder', label: 'Start a new order' },
  { keys: 'Alt+P', action: 'pairing', label: 'Pair a customer display' },
  { keys: 'F1', action: 'help', label: 'Show or hide these shortcuts' },
];

/**
 * Maps a key press to a cashier action, or null. Alt combinations match on the key's letter so
 * they work whatever character the layout produces for Alt+letter.
 */
export function shortcutFor(e: KeyLike, code?: string): ShortcutAction | null {
  if (e.metaKey) return null;
  const letter = code?.startsWith('Key') ? code.slice(3).toLowerCase() : e.key.toLowerCase();
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) return e.shiftKey ? 'acceptAndSend' : 'send';
  if (e.ctrlKey && !e.altKey && letter === 's') return 'check';
  if (e.ctrlKey && e.key === 'Delete') return 'removeRow';
  if (e.key === 'Escape' && !e.ctrlKey && !e.altKey) return 'cancel';
  if (e.key === 'F1') return 'help';
  if (e.altKey && !e.ctrlKey) {
    const byLetter: Record<string, ShortcutAction> = {
      n: 'addLine',
      d: 'addAdjustment',
      t: 'focusTotal',
      r: 'reopen',
      o: 'newOrder',
      p: 'pairing',
    };
    return byLetter[letter] ?? null;
  }
  return null;
}
