import type { KeyboardLayoutName } from './config';
import type { DecodeResult } from './hid-pos-decoder';
import { charFor } from './keyboard-layouts';

const ENTER = 0x28;
const KEYPAD_ENTER = 0x58;
const TAB = 0x2b;
/** All six slots 0x01: the keyboard reports "too many keys", the state is meaningless. */
const ERROR_ROLL_OVER = 0x01;

const SHIFT_BITS = 0x02 | 0x20;
const CTRL_BITS = 0x01 | 0x10;
const ALT_GR_BIT = 0x40;

/**
 * Turns boot keyboard reports ([modifiers, reserved, 6 key slots]) into scanned codes. A key
 * counts once when it appears (a held key repeating across reports, or still listed while the
 * next one goes down — rollover — is not typed again). Enter or Tab ends a code; `flush`
 * ends one that has no suffix.
 */
export function createKeyboardScanAssembler(
  layout: KeyboardLayoutName,
  options: { reportId?: number | null; maxLength?: number } = {},
) {
  const maxLength = options.maxLength ?? 4096;
  let down = new Set<number>();
  let text = '';

  const keys = (report: Uint8Array): DecodeResult<{ modifiers: number; keys: number[] }> => {
    let bytes = report;
    if (options.reportId != null) {
      if (bytes[0] !== options.reportId) return { ok: true, value: { modifiers: 0, keys: [] } };
      bytes = bytes.subarray(1);
    }
    if (bytes.length < 8) {
      return { ok: false, error: `a boot keyboard report has 8 bytes, got ${bytes.length}` };
    }
    return { ok: true, value: { modifiers: bytes[0]!, keys: [...bytes.subarray(2, 8)] } };
  };

  return {
    /** Feeds one report; returns the codes it completed (usually none or one). */
    push(report: ArrayLike<number>): DecodeResult<string[]> {
      const parsed = keys(Uint8Array.from(report));
      if (!parsed.ok) return parsed;
      const { modifiers } = parsed.value;
      const pressed = parsed.value.keys.filter((k) => k !== 0);
      if (pressed.length > 0 && pressed.every((k) => k === ERROR_ROLL_OVER)) {
        return { ok: true, value: [] };
      }
      const done: string[] = [];
      for (const usage of pressed) {
        if (down.has(usage)) continue;
        if (usage === ENTER || usage === KEYPAD_ENTER || usage === TAB) {
          if (text.length > 0) done.push(text);
          text = '';
          continue;
        }
        if (modifiers & CTRL_BITS) continue;
        const ch = charFor(
          layout,
          usage,
          (modifiers & SHIFT_BITS) !== 0,
          (modifiers & ALT_GR_BIT) !== 0,
        );
        if (ch !== null && text.length < maxLength) text += ch;
      }
      down = new Set(pressed);
      return { ok: true, value: done };
    },
    /** Ends a code that had no suffix (idle gap); null when nothing is pending. */
    flush(): string | null {
      const out = text.length > 0 ? text : null;
      text = '';
      down = new Set();
      return out;
    },
    pending: () => text.length,
  };
}
