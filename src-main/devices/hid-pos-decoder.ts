import type { Result } from '../contract/result';
// HID POS barcode scanner (usage page 0x8C) "scanned data" input reports.

/** Where the fields sit in one input report, as node-hid delivers it (report id first). */
export interface HidPosLayout {
  /** Report id of scanned-data reports, or null when the device does not number reports. */
  reportId: number | null;
  lengthOffset: number;
  aimOffset: number;
  dataOffset: number;
  /** Data bytes one report can carry. */
  maxData: number;
  moreDataOffset: number;
  moreDataMask: number;
}

/**
 * The layout Honeywell, Zebra and Datalogic scanners use in HID POS mode: report 0x02 of 64
 * bytes: [id][length][AIM ']' x y][56 data bytes][vendor symbology][reserved][flags], bit 0
 * of the last byte meaning "more data follows in the next report".
 */
export const STANDARD_HID_POS_LAYOUT: HidPosLayout = {
  reportId: 0x02,
  lengthOffset: 1,
  aimOffset: 2,
  dataOffset: 5,
  maxData: 56,
  moreDataOffset: 63,
  moreDataMask: 0x01,
};

/** One decoded report. */
export interface HidPosReport {
  aim: string | null;
  data: Uint8Array;
  more: boolean;
}

/** A decoder's answer: the one Result, with a plain-words error. */
export type DecodeResult<T> = Result<T, string>;

/** Parses one input report; anything malformed is a clear error, never an exception. */
export function parseHidPosReport(
  report: ArrayLike<number>,
  layout: HidPosLayout = STANDARD_HID_POS_LAYOUT,
): DecodeResult<HidPosReport | null> {
  const bytes = Uint8Array.from(report);
  // Other reports (status, settings) are not scans: ignore them rather than fail.
  if (layout.reportId !== null && bytes[0] !== layout.reportId) return { ok: true, value: null };
  if (bytes.length <= layout.dataOffset) {
    return { ok: false, error: `report too short (${bytes.length} bytes)` };
  }
  const length = bytes[layout.lengthOffset]!;
  if (length > layout.maxData) {
    return { ok: false, error: `length byte ${length} exceeds ${layout.maxData} data bytes` };
  }
  if (layout.dataOffset + length > bytes.length) {
    return {
      ok: false,
      error: `length byte ${length} runs past the ${bytes.length}-byte report`,
    };
  }
  const aimBytes = bytes.subarray(layout.aimOffset, layout.aimOffset + 3);
  const aim = aimBytes[0] === 0x5d ? String.fromCharCode(...aimBytes) : null;
  const flags = bytes[layout.moreDataOffset] ?? 0;
  return {
    ok: true,
    value: {
      aim,
      data: bytes.slice(layout.dataOffset, layout.dataOffset + length),
      more: (flags & layout.moreDataMask) !== 0,
    },
  };
}

const AIM_SYMBOLOGIES: Record<string, string> = {
  A: 'code39',
  C: 'code128',
  E: 'ean-upc',
  F: 'codabar',
  G: 'code93',
  I: 'itf',
  L: 'pdf417',
  Q: 'qr',
  X: 'other',
  d: 'data-matrix',
  e: 'gs1-databar',
  z: 'aztec',
};

/** Symbology name for an AIM identifier such as "]Q1", or null when unknown. */
export function aimSymbology(aim: string | null): string | null {
  return aim ? (AIM_SYMBOLOGIES[aim[1] ?? ''] ?? null) : null;
}

/** A complete code read by a HID POS scanner. */
export interface HidPosScan {
  raw: string;
  aim: string | null;
  symbology: string | null;
}

/** Longest code we assemble; a stuck "more data" flag must not grow memory forever. */
const MAX_CODE_BYTES = 8192;

/**
 * Joins reports into codes: data accumulates while the "more data" flag is set and the code
 * is complete on the first report without it. Returns a scan, null (more to come / not a
 * scan report), or an error for a malformed report (the partial code is dropped).
 */
export function createHidPosAssembler(layout: HidPosLayout = STANDARD_HID_POS_LAYOUT) {
  let parts: Uint8Array[] = [];
  let size = 0;
  let aim: string | null = null;
  const decoder = new TextDecoder('utf-8');
  const reset = () => {
    parts = [];
    size = 0;
    aim = null;
  };
  return {
    push(report: ArrayLike<number>): DecodeResult<HidPosScan | null> {
      const parsed = parseHidPosReport(report, layout);
      if (!parsed.ok) {
        reset();
        return parsed;
      }
      if (!parsed.value) return { ok: true, value: null };
      if (parts.length === 0) aim = parsed.value.aim;
      parts.push(parsed.value.data);
      size += parsed.value.data.length;
      if (size > MAX_CODE_BYTES) {
        reset();
        return { ok: false, error: `code longer than ${MAX_CODE_BYTES} bytes dropped` };
      }
      if (parsed.value.more) return { ok: true, value: null };
      const all = new Uint8Array(size);
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      const scan = { raw: decoder.decode(all), aim, symbology: aimSymbology(aim) };
      reset();
      return { ok: true, value: scan };
    },
    /** Drops a half-assembled code (device gone, timeout). */
    reset,
  };
}
