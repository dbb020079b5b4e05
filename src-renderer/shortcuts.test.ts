import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type KeyLike } from './shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('cashier shortcuts', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor(key('Enter', { ctrlKey: true }))).toBe('send');
    expect(shortcutFor(key('Enter', { ctrlKey: true, shiftKey: true }))).toBe('acceptAndSend');
    expect(shortcutFor(key('s', { ctrlKey: true }))).toBe('check');
    expect(shortcutFor(key('Escape'))).toBe('cancel');
    expect(shortcutFor(key('Delete', { ctrlKey: true }))).toBe('removeRow');
    // On macOS-like layouts Alt+N types a dead key; the physical key code still matches.
    expect(shortcutFor(key('˜', { altKey: true }), 'KeyN')).toBe('addLine');
    expect(shortcutFor(key('d', { altKey: true }))).toBe('addAdjustment');
  });

  it('leaves plain typing alone', () => {
    expect(shortcutFor(key('n'))).toBeNull();
    expect(shortcutFor(key('Enter'))).toBeNull();
    expect(shortcutFor(key('x', { altKey: true }))).toBeNull();
  });

  it('documents every action it can produce', () => {
    const documented = new Set(SHORTCUTS.map((s) => s.action));
    for (const k of ['n', 'd', 't', 'r', 'o', 'p'])
      expect(documented.has(shortcutFor(key(k, { altKey: true }))!)).toBe(true);
    expect(documented.size).toBe(SHORTCUTS.length);
  });
});
