import { describe, expect, it } from 'vitest';
import type { KeyboardLayoutName } from './config';
import { createKeyboardScanAssembler } from './hid-keyboard-decoder';
import { createHidPosAssembler, parseHidPosReport } from './hid-pos-decoder';

// Report sequences in the byte layout HID POS scanners send (report 0x02, 64 bytes) and boot
// keyboard reports. There is no HID device on this machine, so they are written out here byte
// by byte from the report format, as a USB capture would show them.

/** A 64-byte HID POS report: id 2, length, AIM, data padded with zeros, flags in byte 63. */
function posReport(aim: string, data: string | Uint8Array, more = false): number[] {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const r = new Array<number>(64).fill(0);
  r[0] = 0x02;
  r[1] = bytes.length;
  [...aim].forEach((c, i) => (r[2 + i] = c.charCodeAt(0)));
  bytes.forEach((b, i) => (r[5 + i] = b));
  r[63] = more ? 0x01 : 0x00;
  return r;
}

const hex = (s: string) =>
  s
    .split(/\s+/)
    .filter(Boolean)
    .map((h) => Number.parseInt(h, 16));

describe('HID POS reports', () => {
  it('decodes one report: EAN-13 with its AIM identifier', () => {
    // 02 0d "]E0" "6901234567892" zeros … flags 00
    const report = hex(`02 0d 5d 45 30 36 39 30 31 32 33 34 35 36 37 38 39 32`).concat(
      new Array(46).fill(0),
    );
    expect(report).toHaveLength(64);
    const asm = createHidPosAssembler();
    expect(asm.push(report)).toEqual({
      ok: true,
      value: { raw: '6901234567892', aim: ']E0', symbology: 'ean-upc' },
    });
  });

  it('joins a QR payment code spanning several reports ("more data" set on all but the last)', () => {
    const url = `https://qr.alipay.com/${'x'.repeat(80)}?code=284567890123456789`;
    const chunks = [url.slice(0, 56), url.slice(56, 112), url.slice(112)];
    const asm = createHidPosAssembler();
    expect(asm.push(posReport(']Q1', chunks[0]!, true))).toEqual({ ok: true, value: null });
    expect(asm.push(posReport(']Q1', chunks[1]!, true))).toEqual({ ok: true, value: null });
    const last = asm.push(posReport(']Q1', chunks[2]!));
    expect(last).toEqual({ ok: true, value: { raw: url, aim: ']Q1', symbology: 'qr' } });
  });

  it('keeps a UTF-8 character split between two reports whole', () => {
    const bytes = new TextEncoder().encode(`${'a'.repeat(55)}付款`);
    const asm = createHidPosAssembler();
    asm.push(posReport(']Q1', bytes.slice(0, 56), true));
    const done = asm.push(posReport(']Q1', bytes.slice(56)));
    expect(done.ok && done.value?.raw).toBe(`${'a'.repeat(55)}付款`);
  });

  it('two codes back to back stay separate', () => {
    const asm = createHidPosAssembler();
    const a = asm.push(posReport(']C0', '134567890123456789'));
    const b = asm.push(posReport(']C0', '6212345678901234567'));
    expect(a.ok && a.value?.raw).toBe('134567890123456789');
    expect(b.ok && b.value?.raw).toBe('6212345678901234567');
  });

  it('ignores reports that are not scanned data (other report ids)', () => {
    const asm = createHidPosAssembler();
    expect(asm.push([0x04, 0x01, 0x00])).toEqual({ ok: true, value: null });
  });

  it('a scanner without AIM prefix gives aim null', () => {
    const r = parseHidPosReport(posReport('\0\0\0', '1234'));
    expect(r).toEqual({
      ok: true,
      value: { aim: null, data: Uint8Array.from([49, 50, 51, 52]), more: false },
    });
  });

  it.each<[string, number[], RegExp]>([
    ['too short', [0x02, 0x05, 0x5d], /too short/],
    ['length beyond 56', posReport(']C0', '1').map((b, i) => (i === 1 ? 57 : b)), /exceeds 56/],
    ['length past the end', [0x02, 10, 0x5d, 0x43, 0x30, 0x31, 0x32], /runs past/],
  ])('refuses a malformed report (%s) and drops the half code', (_name, report, error) => {
    const asm = createHidPosAssembler();
    asm.push(posReport(']C0', '999', true));
    const r = asm.push(report);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
    const next = asm.push(posReport(']C0', '134567890123456789'));
    expect(next.ok && next.value?.raw).toBe('134567890123456789');
  });
});

/** Boot keyboard report: modifiers, reserved, 6 key slots. */
const kb = (mods: number, ...keys: number[]) => [mods, 0, ...keys, 0, 0, 0, 0, 0, 0].slice(0, 8);
const UP = kb(0);
const SHIFT = 0x02;
const ALTGR = 0x40;
const ENTER = 0x28;

/** Press and release each usage, as most scanners do. */
function typed(keys: [mods: number, usage: number][]): number[][] {
  return keys.flatMap(([m, k]) => [kb(m, k), UP]);
}

function run(layout: KeyboardLayoutName, reports: number[][]): string[] {
  const asm = createKeyboardScanAssembler(layout);
  const out: string[] = [];
  for (const r of reports) {
    const res = asm.push(r);
    if (!res.ok) throw new Error(res.error);
    out.push(...res.value);
  }
  return out;
}

// Usages for digits 1..9,0 are 0x1e..0x27.
const digit = (d: number) => (d === 0 ? 0x27 : 0x1d + d);

describe('boot keyboard reports', () => {
  it('US: digits then Enter make one code', () => {
    const code = '134567890123456789';
    const reports = typed([...code].map((c) => [0, digit(Number(c))] as [number, number]));
    reports.push(kb(0, ENTER), UP);
    expect(run('us', reports)).toEqual([code]);
  });

  it('US: Shift gives capitals and symbols', () => {
    // "Ab-_!" : Shift+a, b, -, Shift+-, Shift+1
    const reports = typed([
      [SHIFT, 0x04],
      [0, 0x05],
      [0, 0x2d],
      [SHIFT, 0x2d],
      [SHIFT, 0x1e],
    ]);
    reports.push(kb(0, 0x2b), UP); // Tab ends it too
    expect(run('us', reports)).toEqual(['Ab-_!']);
  });

  it('French AZERTY: digits need Shift, unshifted they are & é " …; A/Q and Z/W swap', () => {
    const reports = typed([
      [SHIFT, 0x1e],
      [SHIFT, 0x27],
      [0, 0x1e],
      [0, 0x1f],
      [0, 0x04],
      [0, 0x1a],
      [0, 0x33],
      [ALTGR, 0x27],
    ]);
    reports.push(kb(0, ENTER), UP);
    expect(run('fr', reports)).toEqual(['10&éqzm@']);
  });

  it('German QWERTZ: Y/Z swap, Shift+7 is /, AltGr+Q is @', () => {
    const reports = typed([
      [0, 0x1c],
      [0, 0x1d],
      [SHIFT, 0x24],
      [ALTGR, 0x14],
      [0, 0x33],
    ]);
    reports.push(kb(0, ENTER), UP);
    expect(run('de', reports)).toEqual(['zy/@ö']);
  });

  it('a key held across reports counts once; the same key twice needs a release between', () => {
    const reports = [kb(0, 0x1e), kb(0, 0x1e), kb(0, 0x1e), UP, kb(0, 0x1e), UP, kb(0, ENTER), UP];
    expect(run('us', reports)).toEqual(['11']);
  });

  it('rollover: the next key goes down before the last is released', () => {
    // 1 down; 1+2 down; 2 down (1 up); 2+3 down; 3 down; Enter
    const reports = [
      kb(0, 0x1e),
      kb(0, 0x1e, 0x1f),
      kb(0, 0x1f),
      kb(0, 0x1f, 0x20),
      kb(0, 0x20),
      UP,
    ];
    reports.push(kb(0, ENTER), UP);
    expect(run('us', reports)).toEqual(['123']);
  });

  it('ignores ErrorRollOver reports and Ctrl chords', () => {
    const reports = [
      kb(0, 0x1e),
      [0, 0, 1, 1, 1, 1, 1, 1],
      kb(0, 0x1e, 0x1f),
      UP,
      kb(0x01, 0x19), // Ctrl+V is not a character
      UP,
      kb(0, ENTER),
      UP,
    ];
    expect(run('us', reports)).toEqual(['12']);
  });

  it('keypad digits and keypad Enter', () => {
    const reports = [kb(0, 0x59), UP, kb(0, 0x62), UP, kb(0, 0x58), UP];
    expect(run('fr', reports)).toEqual(['10']);
  });

  it('flush ends a code without suffix; a short report is an error', () => {
    const asm = createKeyboardScanAssembler('us');
    asm.push(kb(0, 0x1e));
    asm.push(UP);
    expect(asm.flush()).toBe('1');
    expect(asm.flush()).toBeNull();
    const bad = asm.push([0, 0, 0x1e]);
    expect(bad).toEqual({ ok: false, error: 'a boot keyboard report has 8 bytes, got 3' });
  });

  it('strips a report id when the device numbers its reports', () => {
    const asm = createKeyboardScanAssembler('us', { reportId: 1 });
    asm.push([1, ...kb(0, 0x1e)]);
    asm.push([1, ...UP]);
    expect(asm.push([1, ...kb(0, ENTER)])).toEqual({ ok: true, value: ['1'] });
  });
});
