import { parseMinor } from '../../contract/money';

/**
 * Pole-display command sets we understand:
 * - `esc-qa`: the CD5220/Epson-style "ESC Q A <text> CR" (write line) with lamp commands
 *   "ESC s n" (1 price, 2 total, 3 collect, 4 change);
 * - `plain`: lines of text ending in CR or LF, the amount being the last number on the line.
 */
export type PoleProtocol = 'esc-qa' | 'plain';

/** What the legacy POS showed: an amount (minor units) and the lamp lit at that moment. */
export interface PoleAmount {
  amount: number;
  lamp: 'price' | 'total' | 'collect' | 'change' | null;
  text: string;
}

/** Something that happened in the stream: an amount, or garbage we skipped (and why). */
export type PoleEvent =
  { kind: 'amount'; value: PoleAmount } | { kind: 'garbled'; message: string };

const ESC = 0x1b;
const CR = 0x0d;
const LF = 0x0a;
const MAX_TEXT = 40; // a pole display line is 20 characters; more means we lost sync
const LAMPS = { 1: 'price', 2: 'total', 3: 'collect', 4: 'change' } as const;

/** Finds the amount in a display line such as "TOTAL   ¥12.80" or "  12.80". */
export function amountInText(text: string, currency: string): number | null {
  const m = /(-?[¥$￥]?\s*\d[\d,]*(?:\.\d+)?)\s*$/.exec(text.trim());
  return m ? parseMinor(m[1]!.replace(/\s+/g, ''), currency) : null;
}

/**
 * A streaming parser: feed it whatever chunks the serial port delivers (commands may be split
 * anywhere) and it returns the events completed so far. Bytes it cannot place are reported
 * once per run as `garbled` and skipped up to the next command, so one bad byte never stops
 * the tap.
 */
export function createPoleParser(protocol: PoleProtocol, currency = 'CNY') {
  let state: 'idle' | 'esc' | 'escQ' | 'text' | 'lamp' = 'idle';
  let text: number[] = [];
  let lamp: PoleAmount['lamp'] = null;
  let junk = 0;

  const finishText = (events: PoleEvent[]) => {
    const line = Buffer.from(text).toString('latin1');
    text = [];
    const amount = amountInText(line, currency);
    if (amount !== null)
      events.push({ kind: 'amount', value: { amount, lamp, text: line.trim() } });
    else if (line.trim() && /\d/.test(line)) {
      events.push({ kind: 'garbled', message: `no amount in display text "${line.trim()}"` });
    }
  };
  const flushJunk = (events: PoleEvent[]) => {
    if (junk > 0)
      events.push({ kind: 'garbled', message: `skipped ${junk} byte(s) outside any command` });
    junk = 0;
  };

  const pushPlain = (byte: number, events: PoleEvent[]) => {
    if (byte === CR || byte === LF) {
      finishText(events);
    } else if (byte < 0x20 || byte > 0x7e) {
      if (byte !== 0x0c) junk++; // form feed clears the display: harmless
    } else if (text.length >= MAX_TEXT) {
      events.push({ kind: 'garbled', message: 'display line too long; resynchronising' });
      text = [];
    } else text.push(byte);
  };

  const pushEsc = (byte: number, events: PoleEvent[]) => {
    switch (state) {
      case 'idle':
        if (byte === ESC) {
          flushJunk(events);
          state = 'esc';
        } else if (byte !== 0x0c && byte !== CR && byte !== LF) junk++;
        return;
      case 'esc':
        state = byte === 0x51 ? 'escQ' : byte === 0x73 ? 'lamp' : 'idle'; // 'Q', 's'
        if (state === 'idle' && byte !== 0x40) junk++; // ESC @ (initialise) is fine
        return;
      case 'escQ':
        // ESC Q A = upper line, ESC Q B = lower line: both may carry the amount.
        if (byte === 0x41 || byte === 0x42) {
          state = 'text';
          text = [];
        } else {
          state = 'idle';
          junk++;
        }
        return;
      case 'lamp': {
        const n = byte - 0x30;
        lamp = n in LAMPS ? LAMPS[n as keyof typeof LAMPS] : n === 0 ? null : lamp;
        if (!(n >= 0 && n <= 4)) junk++;
        state = 'idle';
        return;
      }
      case 'text':
        if (byte === CR) {
          finishText(events);
          state = 'idle';
        } else if (byte === ESC) {
          events.push({ kind: 'garbled', message: 'display text cut off by a new command' });
          text = [];
          state = 'esc';
        } else if (byte < 0x20 || byte > 0x7e || text.length >= MAX_TEXT) {
          events.push({ kind: 'garbled', message: 'unreadable display text; resynchronising' });
          text = [];
          state = 'idle';
        } else text.push(byte);
    }
  };

  return {
    /** Feeds bytes; returns the events they complete. */
    push(chunk: Buffer): PoleEvent[] {
      const events: PoleEvent[] = [];
      for (const byte of chunk) {
        if (protocol === 'plain') pushPlain(byte, events);
        else pushEsc(byte, events);
      }
      if (protocol === 'plain') flushJunk(events);
      return events;
    },
  };
}
