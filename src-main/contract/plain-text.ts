import { z } from 'zod';

/**
 * Unicode bidi controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), the
 * LRM/RLM marks (U+200E, U+200F) and the Arabic letter mark (U+061C). One in an item name can
 * make "Tea ¥12" read as "¥21 aeT" on a screen or in a report; a name never needs them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** Removes every bidi control character, so text shows in the order it was typed. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * A string schema whose output carries no bidi controls; chain length checks after it. Used for
 * every text that one party types and another reads (item names, labels, notes, display names).
 */
export function plainTextSchema() {
  return z.string().overwrite(stripBidiControls);
}
