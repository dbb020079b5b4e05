/** Everything the cashier can do from the keyboard; the help panel lists these. */
export type ShortcutAction =
  | 'send'
  | 'acceptAndSend'
  | 'check'
  | 'addLine'
  | 'addAdjustment'
  | 'addSurcharge'
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

/** Key bindings, in the order the help panel shows them; each one's words are `shortcuts.<action>`. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; action: ShortcutAction | 'overrideAmount' }> =
  [
    { keys: 'Ctrl+Enter', action: 'send' },
    { keys: 'Ctrl+Shift+Enter', action: 'acceptAndSend' },
    { keys: 'Ctrl+S', action: 'check' },
    { keys: 'Alt+N', action: 'addLine' },
    { keys: 'Alt+D', action: 'addAdjustment' },
    { keys: 'Alt+C', action: 'addSurcharge' },
    { keys: 'F2', action: 'overrideAmount' },
    { keys: 'Ctrl+Delete', action: 'removeRow' },
    { keys: 'Alt+T', action: 'focusTotal' },
    { keys: 'Esc', action: 'cancel' },
    { keys: 'Alt+R', action: 'reopen' },
    { keys: 'Alt+O', action: 'newOrder' },
    { keys: 'Alt+P', action: 'pairing' },
    { keys: 'F1', action: 'help' },
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
      c: 'addSurcharge',
      t: 'focusTotal',
      r: 'reopen',
      o: 'newOrder',
      p: 'pairing',
    };
    return byLetter[letter] ?? null;
  }
  return null;
}
