// Keyboard-wedge scanner detection: a pure rule over key events (no DOM, no imports), shared by
// both windows and the benchmarks. The DOM half (attachWedge) is src-window-shared/attach-wedge.ts.

/** The parts of a DOM KeyboardEvent the detector looks at. */
export interface WedgeKeyEvent {
  key: string;
  code: string;
  /** ms, same clock for every event (DOM event.timeStamp / performance.now()). */
  timeStamp: number;
  isComposing?: boolean;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export interface WedgeOptions {
  /** Average ms per character at or under which a burst is a scanner (onScan.js: 30). */
  avgTimeByChar: number;
  /** Fewest characters in a scan (onScan.js / jQuery scannerDetection: 6). */
  minLength: number;
  /** A longer pause ends the burst (onScan.js timeBeforeScanTest: 100). */
  maxGapMs: number;
  /**
   * Largest single gap inside a scan. Scanners send keys at a steady pace; a very fast typist
   * reaches a low average only through rollover (pairs a few ms apart between slower keys).
   */
  maxCharGapMs: number;
  /** Keys that end a scan and are swallowed with it (key codes 13 and 9 in those libraries). */
  suffixKeys: string[];
  /** When false, a qualifying burst that just stops (no suffix) is a scan too. */
  requireSuffix: boolean;
  /** Characters seen before the detector starts swallowing a fast burst. */
  swallowAfter: number;
  /** Longest scan kept; beyond it the burst is treated as typing (a stuck key, a paste). */
  maxLength: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
  avgTimeByChar: 30,
  minLength: 6,
  maxGapMs: 100,
  maxCharGapMs: 50,
  suffixKeys: ['Enter', 'NumpadEnter', 'Tab'],
  requireSuffix: false,
  swallowAfter: 3,
  maxLength: 256,
};

export interface WedgeScan {
  value: string;
  /** Leading characters that reached the page before the burst was recognised. */
  leaked: string;
  endedBy: 'suffix' | 'pause' | 'other-key';
  avgGapMs: number;
}

export interface WedgeDecision {
  /** Call preventDefault() (and stop propagation) for this key. */
  swallow: boolean;
  /** A scan this key (or the pause before it) completed. */
  scan: WedgeScan | null;
  /** Swallowed characters that turned out to be typing: give them back to the page. */
  release: string | null;
}

export interface WedgeDetector {
  feed(event: WedgeKeyEvent): WedgeDecision;
  /** Ends a burst whose last key is older than maxGapMs at `now` (call from a timer). */
  flush(now: number): WedgeDecision;
  reset(): void;
}

const MODIFIERS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
  'Fn',
  'OS',
]);
const LETTER_CODE = /^Key([A-Z])$/;
const DIGIT_CODE = /^(?:Digit|Numpad)([0-9])$/;

/**
 * The character a key event stands for, or null for non-character keys. Digits come from
 * `code`, not `key`: with a Chinese IME on, `key` is 'Process'; on AZERTY, the unshifted digit
 * row gives '&é"…'. A scanner's digits are what payment codes are made of, so they must
 * survive both.
 */
export function wedgeChar(event: WedgeKeyEvent): string | null {
  const digit = DIGIT_CODE.exec(event.code);
  if (digit) return digit[1]!;
  const composing = event.isComposing === true || event.key === 'Process';
  if (!composing && event.key !== 'Unidentified' && [...event.key].length === 1) return event.key;
  const letter = LETTER_CODE.exec(event.code);
  if (letter) return event.shiftKey ? letter[1]! : letter[1]!.toLowerCase();
  return null;
}

interface Stroke {
  ch: string;
  at: number;
  swallowed: boolean;
}

const NOTHING: WedgeDecision = { swallow: false, scan: null, release: null };

/**
 * Tells a scanner burst from human typing. Feed it every keydown; it answers whether to
 * swallow the key, and reports a scan when a burst qualifies (≥ minLength characters at
 * ≤ avgTimeByChar ms average, ended by a suffix key or, unless requireSuffix, by a pause).
 * The first swallowAfter characters of a burst cannot be known to be a scan yet; they are
 * reported as `leaked` so the page can take them back out of the input.
 */
export function createWedgeDetector(options: Partial<WedgeOptions> = {}): WedgeDetector {
  const o: WedgeOptions = { ...DEFAULT_WEDGE_OPTIONS, ...options };
  let burst: Stroke[] = [];
  let swallowing = false;

  const avgGap = (): number =>
    burst.length < 2 ? 0 : (burst[burst.length - 1]!.at - burst[0]!.at) / (burst.length - 1);
  const maxCharGap = (): number => {
    let max = 0;
    for (let i = 1; i < burst.length; i++) max = Math.max(max, burst[i]!.at - burst[i - 1]!.at);
    return max;
  };
  const qualifies = () =>
    burst.length >= o.minLength &&
    burst.length <= o.maxLength &&
    avgGap() <= o.avgTimeByChar &&
    maxCharGap() <= o.maxCharGapMs;

  /** Ends the current burst; `endedBy` null means it ended in a way that can't make a scan. */
  const finish = (endedBy: WedgeScan['endedBy'] | null): Omit<WedgeDecision, 'swallow'> => {
    let scan: WedgeScan | null = null;
    let release: string | null = null;
    if (endedBy && qualifies()) {
      scan = {
        value: burst.map((s) => s.ch).join(''),
        leaked: burst
          .filter((s) => !s.swallowed)
          .map((s) => s.ch)
          .join(''),
        endedBy,
        avgGapMs: avgGap(),
      };
    } else {
      const held = burst.filter((s) => s.swallowed).map((s) => s.ch);
      if (held.length > 0) release = held.join('');
    }
    burst = [];
    swallowing = false;
    return { scan, release };
  };

  const pauseEnds = (now: number) =>
    burst.length > 0 && now - burst[burst.length - 1]!.at > o.maxGapMs;

  return {
    feed(event) {
      if (MODIFIERS.has(event.key)) return NOTHING;
      // A pause before this key ended the previous burst (the DOM timer may not have run yet).
      const before = pauseEnds(event.timeStamp)
        ? finish(o.requireSuffix ? null : 'pause')
        : { scan: null, release: null };

      if (o.suffixKeys.includes(event.key) || o.suffixKeys.includes(event.code)) {
        const wasScan = burst.length > 0 && qualifies();
        const done = finish('suffix');
        return {
          swallow: wasScan,
          scan: done.scan ?? before.scan,
          release: joinRelease(before.release, done.release),
        };
      }
      const ch = event.ctrlKey || event.metaKey || event.altKey ? null : wedgeChar(event);
      if (ch === null) {
        const done = finish(o.requireSuffix ? null : 'other-key');
        return {
          swallow: false,
          scan: done.scan ?? before.scan,
          release: joinRelease(before.release, done.release),
        };
      }
      burst.push({ ch, at: event.timeStamp, swallowed: false });
      if (burst.length > o.maxLength) {
        // Far too long for a code: give everything back and start over.
        const done = finish(null);
        return {
          swallow: false,
          scan: before.scan,
          release: joinRelease(before.release, done.release),
        };
      }
      if (!swallowing && burst.length >= o.swallowAfter && avgGap() <= o.avgTimeByChar) {
        swallowing = true;
      }
      if (swallowing) burst[burst.length - 1]!.swallowed = true;
      return { swallow: swallowing, scan: before.scan, release: before.release };
    },
    flush(now) {
      if (!pauseEnds(now)) return NOTHING;
      return { swallow: false, ...finish(o.requireSuffix ? null : 'pause') };
    },
    reset() {
      burst = [];
      swallowing = false;
    },
  };
}

function joinRelease(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null ? a : a + b;
}
