import { describe, expect, it } from 'vitest';
import traces from '../devices/fixtures/wedge-traces.json';
import {
  randomCode,
  randomTyping,
  scannerTrace,
  seededRandom,
  typistTrace,
  type StrokeStyle,
} from '../devices/test-support/wedge-traces';
import {
  createWedgeDetector,
  wedgeChar,
  type WedgeDecision,
  type WedgeKeyEvent,
  type WedgeOptions,
} from './keyboard-wedge';

interface Run {
  scans: string[];
  leaked: string[];
  /** What reached the page: unswallowed characters plus released ones, minus leaks taken back. */
  page: string;
  swallowedSuffix: boolean;
}

/** Plays a trace through a detector the way attachWedge does, and what the page ends up with. */
function play(trace: WedgeKeyEvent[], options: Partial<WedgeOptions> = {}): Run {
  const detector = createWedgeDetector(options);
  const run: Run = { scans: [], leaked: [], page: '', swallowedSuffix: false };
  const apply = (d: WedgeDecision) => {
    if (d.release) run.page += d.release;
    if (d.scan) {
      run.scans.push(d.scan.value);
      run.leaked.push(d.scan.leaked);
      if (run.page.endsWith(d.scan.leaked))
        run.page = run.page.slice(0, run.page.length - d.scan.leaked.length);
    }
  };
  for (const e of trace) {
    const d = detector.feed(e);
    apply(d);
    const ch = wedgeChar(e);
    if (e.key === 'Enter' || e.key === 'Tab') {
      if (d.swallow) run.swallowedSuffix = true;
      else run.page += e.key === 'Enter' ? '\n' : '\t';
    } else if (!d.swallow && ch !== null && e.key !== 'Shift') run.page += ch;
  }
  apply(detector.flush(trace[trace.length - 1]!.timeStamp + 1000));
  return run;
}

const US: StrokeStyle = { layout: 'us', ime: false, usPositions: false };

// Real keydown traces recorded in Chromium on Xvfb, keys sent through the X server by xdotool
// (src-main/devices/fixtures/record-wedge-traces.ts); the typist ones press key by key with
// human pauses, rollover included.
const recorded = traces as Record<
  string,
  { layout: string; text: string; events: WedgeKeyEvent[] }
>;
const RECORDED_SCANNER = recorded['scanner-us-enter']!.events;
const RECORDED_TYPIST = recorded['typist-us-phone']!.events;

describe('wedgeChar', () => {
  it.each<[WedgeKeyEvent, string | null]>([
    [{ key: '7', code: 'Digit7', timeStamp: 0 }, '7'],
    [{ key: 'Process', code: 'Digit7', timeStamp: 0 }, '7'],
    [{ key: 'è', code: 'Digit7', timeStamp: 0 }, '7'],
    [{ key: '7', code: 'Numpad7', timeStamp: 0 }, '7'],
    [{ key: 'Process', code: 'KeyA', timeStamp: 0, isComposing: true }, 'a'],
    [{ key: 'Process', code: 'KeyA', timeStamp: 0, shiftKey: true }, 'A'],
    [{ key: 'q', code: 'KeyA', timeStamp: 0 }, 'q'],
    [{ key: 'Backspace', code: 'Backspace', timeStamp: 0 }, null],
    [{ key: 'Unidentified', code: 'Unidentified', timeStamp: 0 }, null],
  ])('%j → %j', (event, expected) => {
    expect(wedgeChar(event)).toBe(expected);
  });
});

describe('keyboard wedge detector on recorded traces', () => {
  it('recognises a scanner burst, swallows it and its Enter, and takes leaked keys back', () => {
    const run = play(RECORDED_SCANNER);
    expect(run.scans).toEqual(['134567890123456789']);
    expect(run.leaked).toEqual(['13']);
    expect(run.swallowedSuffix).toBe(true);
    expect(run.page).toBe('');
  });

  it('leaves a fast typist alone, rollover included', () => {
    const run = play(RECORDED_TYPIST);
    expect(run.scans).toEqual([]);
    expect(run.page).toBe('13800138000\n');
  });

  it.each([
    ['scanner-us-enter', '134567890123456789'],
    ['scanner-us-tab', '6212345678901234567'],
    ['scanner-azerty-enter', '284567890123456789'],
    ['scanner-azerty-us-positions', '134567890123456789'],
    ['scanner-de-letters', 'Zy2845ABC'],
  ])('recorded %s → one scan of %s, nothing left in the field', (name, value) => {
    const run = play(recorded[name]!.events);
    expect(run.scans).toEqual([value]);
    expect(run.page).toBe('');
    expect(run.swallowedSuffix).toBe(true);
  });

  it.each(['typist-us-phone', 'typist-us-words'])('recorded %s is typing, kept intact', (name) => {
    const run = play(recorded[name]!.events);
    expect(run.scans).toEqual([]);
    expect(run.page).toBe(recorded[name]!.text);
  });

  it('gives back keys it swallowed when a short fast run turns out to be typing', () => {
    const trace: WedgeKeyEvent[] = ['a', 's', 'd', 'f'].map((key, i) => ({
      key,
      code: `Key${key.toUpperCase()}`,
      timeStamp: 100 + i * 12,
    }));
    trace.push({ key: 'Enter', code: 'Enter', timeStamp: 300 });
    const run = play(trace);
    expect(run.scans).toEqual([]);
    expect(run.page).toBe('asdf\n');
  });

  it('with requireSuffix, a burst that just stops is not a scan', () => {
    const trace = RECORDED_SCANNER.slice(0, -1);
    expect(play(trace).scans).toEqual(['134567890123456789']);
    const strict = play(trace, { requireSuffix: true });
    expect(strict.scans).toEqual([]);
    expect(strict.page).toBe('134567890123456789');
  });

  it('a low average made of rollover pairs between slower keys is typing (max-gap rule)', () => {
    // gaps 8, 52, 8, 8, 8, 52, 8 → average 20.6 ms, but two gaps above 50 ms
    const times = [0, 8, 60, 68, 76, 84, 136, 144];
    const trace: WedgeKeyEvent[] = times.map((t, i) => ({
      key: String(i + 1),
      code: `Digit${i + 1}`,
      timeStamp: 100 + t,
    }));
    trace.push({ key: 'Enter', code: 'Enter', timeStamp: 260 });
    expect(play(trace).scans).toEqual([]);
    expect(play(trace).page).toBe('12345678\n');
    expect(play(trace, { maxCharGapMs: 60 }).scans).toEqual(['12345678']);
  });

  it('refuses a burst shorter than minLength and a slow one', () => {
    expect(play(RECORDED_SCANNER.slice(-6)).scans).toEqual([]);
    const slow = RECORDED_SCANNER.map((e, i) => ({ ...e, timeStamp: i * 45 }));
    expect(play(slow).scans).toEqual([]);
  });

  it('a Ctrl shortcut ends a burst without being taken as a character', () => {
    const trace = [
      ...RECORDED_SCANNER.slice(0, 8),
      { key: 'v', code: 'KeyV', timeStamp: 5070, ctrlKey: true },
    ];
    expect(play(trace).scans).toEqual(['13456789']);
  });
});

describe('keyboard wedge detector on generated traces', () => {
  const rng = seededRandom(20261122);
  const styles: [string, StrokeStyle][] = [
    ['US layout', US],
    ['Chinese IME on', { layout: 'us', ime: true, usPositions: false }],
    ['AZERTY host, scanner sending US positions', { layout: 'fr', ime: false, usPositions: true }],
    ['German host', { layout: 'de', ime: false, usPositions: false }],
  ];

  it.each(styles)('%s: every scan is found with the right digits', (_name, style) => {
    for (let i = 0; i < 50; i++) {
      const code = randomCode(rng);
      const suffix = i % 3 === 0 ? 'Tab' : 'Enter';
      const run = play(scannerTrace(code, { rng, start: 1000, style, suffix }));
      expect(run.scans).toEqual([code]);
      expect(run.page).toBe('');
    }
  });

  it.each(styles)('%s: fast typists are never taken for a scanner', (_name, style) => {
    for (let i = 0; i < 50; i++) {
      const text = randomTyping(rng);
      const trace = typistTrace(text, {
        rng,
        start: 1000,
        style,
        suffix: 'Enter',
        meanMs: [55, 120],
      });
      const run = play(trace);
      expect(run.scans).toEqual([]);
      expect(run.page.endsWith('\n')).toBe(true);
    }
  });

  it('a scan typed into the middle of typing is separated from it', () => {
    const typed = typistTrace('cola', { rng, start: 0, style: US, suffix: null, meanMs: [90, 90] });
    const scan = scannerTrace('284567890123456789', {
      rng,
      start: 2000,
      style: US,
      suffix: 'Enter',
    });
    const run = play([...typed, ...scan]);
    expect(run.scans).toEqual(['284567890123456789']);
    expect(run.page).toBe('cola');
  });
});
