/** The proxy-ID entry: digits typed on the on-screen keypad (or a keyboard). */
export interface KeypadState {
  value: string;
  /** Set when a key was refused, so the screen can say why. */
  error: 'too_long' | null;
}

export type KeypadKey = `${number}` | 'back' | 'clear';

/** Longest proxy ID the contract accepts is 64; real ones are far shorter. */
export const PROXY_ID_MAX = 32;
/** Shortest proxy ID the contract accepts. */
export const PROXY_ID_MIN = 4;

export const emptyKeypad: KeypadState = { value: '', error: null };

/** Applies one key press. Non-digit keys other than back/clear are ignored. */
export function pressKey(state: KeypadState, key: string): KeypadState {
  if (key === 'back') return { value: state.value.slice(0, -1), error: null };
  if (key === 'clear') return emptyKeypad;
  if (!/^\d$/.test(key)) return state;
  if (state.value.length >= PROXY_ID_MAX) return { ...state, error: 'too_long' };
  return { value: state.value + key, error: null };
}

/** Whether the ID is long enough to send. */
export function keypadReady(state: KeypadState): boolean {
  return state.value.length >= PROXY_ID_MIN;
}

/** Groups digits in fours so a long ID is easy to check against the relative's phone. */
export function groupDigits(value: string): string {
  return value.replace(/(\d{4})(?=\d)/g, '$1 ');
}
