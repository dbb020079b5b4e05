import type { WedgeKeyEvent } from '../../contract/keyboard-wedge';
import { seededRandom } from '../../lib/seeded-random';

export { seededRandom };

/** Host keyboard layouts the traces can be typed on. */
export type TraceLayout = 'us' | 'de' | 'fr';

// AZERTY's unshifted digit row: what `key` says when a US-configured scanner presses Digit1…0.
const AZERTY_DIGITS = ['à', '&', 'é', '"', "'", '(', '-', 'è', '_', 'ç'];
// Letters that sit on other physical keys than on US QWERTY.
const MOVED: Record<TraceLayout, Record<string, string>> = {
  us: {},
  de: { y: 'KeyZ', z: 'KeyY' },
  fr: { a: 'KeyQ', q: 'KeyA', z: 'KeyW', w: 'KeyZ', m: 'Semicolon' },
};

export interface StrokeStyle {
  layout: TraceLayout;
  /** A Chinese IME is on: keydown says key 'Process'. */
  ime: boolean;
  /**
   * The scanner sends US key positions whatever the host layout (the classic wedge mistake):
   * digits then arrive as AZERTY symbols in `key`, only `code` still says which digit.
   */
  usPositions: boolean;
}

/** The keydown events a character produces on the given host; Shift first for capitals. */
export function strokesFor(ch: string, at: number, style: StrokeStyle): WedgeKeyEvent[] {
  const lower = ch.toLowerCase();
  const upper = ch !== lower;
  let code: string;
  let key = ch;
  if (/[0-9]/.test(ch)) {
    code = `Digit${ch}`;
    if (style.layout === 'fr' && style.usPositions) key = AZERTY_DIGITS[Number(ch)]!;
  } else if (/[a-z]/.test(lower)) {
    code = MOVED[style.layout][lower] ?? `Key${lower.toUpperCase()}`;
  } else if (ch === ' ') {
    code = 'Space';
  } else {
    code = 'Unidentified';
  }
  const events: WedgeKeyEvent[] = [];
  if (upper) events.push({ key: 'Shift', code: 'ShiftLeft', timeStamp: at - 1, shiftKey: true });
  events.push({
    key: style.ime ? 'Process' : key,
    code,
    timeStamp: at,
    isComposing: style.ime && /[a-z]/.test(lower),
    shiftKey: upper,
  });
  return events;
}

export interface TraceOptions {
  rng: () => number;
  start: number;
  style: StrokeStyle;
  suffix: 'Enter' | 'Tab' | null;
}

function suffixEvent(suffix: 'Enter' | 'Tab', at: number): WedgeKeyEvent {
  return { key: suffix, code: suffix, timeStamp: at };
}

/**
 * A scanner emitting `value`: 2–20 ms per key (typical USB wedges run 4–12 ms; a slow
 * Bluetooth one up to ~25), with jitter.
 */
export function scannerTrace(
  value: string,
  o: TraceOptions & { charMs?: [number, number] },
): WedgeKeyEvent[] {
  const [lo, hi] = o.charMs ?? [2, 20];
  const perKey = lo + o.rng() * (hi - lo);
  let t = o.start;
  const out: WedgeKeyEvent[] = [];
  for (const ch of value) {
    out.push(...strokesFor(ch, t, o.style));
    t += Math.max(1, perKey * (0.6 + o.rng() * 0.8));
  }
  if (o.suffix) out.push(suffixEvent(o.suffix, t));
  return out;
}

/**
 * A person typing `text`: a mean inter-key time drawn per typist (fast ones ~60 ms, i.e.
 * ~200 wpm bursts), log-normal-ish jitter, and occasional rollover where two keys land
 * 5–25 ms apart.
 */
export function typistTrace(
  text: string,
  o: TraceOptions & { meanMs?: [number, number]; rollover?: number },
): WedgeKeyEvent[] {
  const [lo, hi] = o.meanMs ?? [60, 200];
  const mean = lo + o.rng() * (hi - lo);
  const rollover = o.rollover ?? 0.15;
  let t = o.start;
  const out: WedgeKeyEvent[] = [];
  for (const ch of text) {
    out.push(...strokesFor(ch, t, o.style));
    const gap = o.rng() < rollover ? 5 + o.rng() * 20 : mean * Math.exp((o.rng() - 0.5) * 0.8);
    t += gap;
  }
  if (o.suffix) out.push(suffixEvent(o.suffix, t + mean));
  return out;
}

/** A random payment-code-like string of digits (18–19 long). */
export function randomCode(rng: () => number): string {
  const prefix = ['13', '28', '62'][Math.floor(rng() * 3)]!;
  const length = prefix === '62' ? 19 : 18;
  let s = prefix;
  while (s.length < length) s += String(Math.floor(rng() * 10));
  return s;
}

const WORDS = ['order', 'cola', 'rice', 'Milk', 'tea', 'Zebra', 'quiz', 'apple', 'mw', '2 x'];

/** Something a cashier might type: words and numbers such as a quantity or a phone number. */
export function randomTyping(rng: () => number): string {
  if (rng() < 0.4) {
    let s = '1';
    while (s.length < 11) s += String(Math.floor(rng() * 10));
    return s;
  }
  const n = 1 + Math.floor(rng() * 3);
  return Array.from({ length: n }, () => WORDS[Math.floor(rng() * WORDS.length)]!).join(' ');
}
