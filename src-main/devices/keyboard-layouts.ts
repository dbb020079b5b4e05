import type { KeyboardLayoutName } from './config';

/** What a key gives: plain, with Shift, with AltGr (right Alt). */
type KeyChars = [plain: string, shift: string, altGr?: string];

// HID usage ids (Keyboard/Keypad page 0x07) → characters, US QWERTY.
const US: Record<number, KeyChars> = {};
'abcdefghijklmnopqrstuvwxyz'.split('').forEach((c, i) => (US[0x04 + i] = [c, c.toUpperCase()]));
'1234567890'.split('').forEach((c, i) => (US[0x1e + i] = [c, '!@#$%^&*()'[i]!]));
Object.assign(US, {
  0x2c: [' ', ' '],
  0x2d: ['-', '_'],
  0x2e: ['=', '+'],
  0x2f: ['[', '{'],
  0x30: [']', '}'],
  0x31: ['\\', '|'],
  0x32: ['#', '~'],
  0x33: [';', ':'],
  0x34: ["'", '"'],
  0x35: ['`', '~'],
  0x36: [',', '<'],
  0x37: ['.', '>'],
  0x38: ['/', '?'],
  0x64: ['\\', '|'],
});

// Keypad keys give the same characters on every layout (NumLock on, as scanners assume).
const KEYPAD: Record<number, KeyChars> = {
  0x54: ['/', '/'],
  0x55: ['*', '*'],
  0x56: ['-', '-'],
  0x57: ['+', '+'],
  0x63: ['.', '.'],
  0x62: ['0', '0'],
};
'123456789'.split('').forEach((c, i) => (KEYPAD[0x59 + i] = [c, c]));

/** German QWERTZ: Y/Z swapped, umlauts, digits' shifted symbols, AltGr for @ € { [ ] } \ ~ |. */
const DE: Record<number, KeyChars> = {
  ...US,
  0x1c: ['z', 'Z'],
  0x1d: ['y', 'Y'],
  0x14: ['q', 'Q', '@'],
  0x08: ['e', 'E', '€'],
  0x1e: ['1', '!'],
  0x1f: ['2', '"', '²'],
  0x20: ['3', '§', '³'],
  0x21: ['4', '$'],
  0x22: ['5', '%'],
  0x23: ['6', '&'],
  0x24: ['7', '/', '{'],
  0x25: ['8', '(', '['],
  0x26: ['9', ')', ']'],
  0x27: ['0', '=', '}'],
  0x2d: ['ß', '?', '\\'],
  0x2e: ['´', '`'],
  0x2f: ['ü', 'Ü'],
  0x30: ['+', '*', '~'],
  0x31: ['#', "'"],
  0x32: ['#', "'"],
  0x33: ['ö', 'Ö'],
  0x34: ['ä', 'Ä'],
  0x35: ['^', '°'],
  0x36: [',', ';'],
  0x37: ['.', ':'],
  0x38: ['-', '_'],
  0x64: ['<', '>', '|'],
};

/** French AZERTY: A/Q and Z/W swapped, M beside L, digits need Shift, AltGr for ~ # { [ | ` \ ^ @ ] }. */
const FR: Record<number, KeyChars> = {
  ...US,
  0x04: ['q', 'Q'],
  0x14: ['a', 'A'],
  0x1a: ['z', 'Z'],
  0x1d: ['w', 'W'],
  0x33: ['m', 'M'],
  0x10: [',', '?'],
  0x08: ['e', 'E', '€'],
  0x1e: ['&', '1'],
  0x1f: ['é', '2', '~'],
  0x20: ['"', '3', '#'],
  0x21: ["'", '4', '{'],
  0x22: ['(', '5', '['],
  0x23: ['-', '6', '|'],
  0x24: ['è', '7', '`'],
  0x25: ['_', '8', '\\'],
  0x26: ['ç', '9', '^'],
  0x27: ['à', '0', '@'],
  0x2d: [')', '°', ']'],
  0x2e: ['=', '+', '}'],
  0x2f: ['^', '¨'],
  0x30: ['$', '£'],
  0x31: ['*', 'µ'],
  0x32: ['*', 'µ'],
  0x34: ['ù', '%'],
  0x35: ['²', '²'],
  0x36: [';', '.'],
  0x37: [':', '/'],
  0x38: ['!', '§'],
  0x64: ['<', '>'],
};

const LAYOUTS: Record<KeyboardLayoutName, Record<number, KeyChars>> = { us: US, de: DE, fr: FR };

/** The character a key usage gives on a layout with the given modifiers, or null. */
export function charFor(
  layout: KeyboardLayoutName,
  usage: number,
  shift: boolean,
  altGr: boolean,
): string | null {
  const keypad = KEYPAD[usage];
  if (keypad) return keypad[0];
  const chars = LAYOUTS[layout][usage];
  if (!chars) return null;
  if (altGr) return chars[2] ?? null;
  return shift ? chars[1] : chars[0];
}
