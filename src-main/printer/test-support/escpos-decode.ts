import iconv from 'iconv-lite';
import type { PrintBlock } from '../document';

/** A decoded print stream: the blocks, the encoding it switched to and any byte it did not know. */
export interface DecodedPrint {
  blocks: PrintBlock[];
  chineseMode: boolean;
  unknown: number[];
  /** Status requests (DLE EOT n) found in the stream, by n. */
  statusRequests: number[];
}

/**
 * Reads ESC/POS bytes back the way a printer would: tracks alignment, emphasis and size, and
 * turns each line of text (decoded as GB18030 in Chinese mode), QR code, barcode, feed and cut
 * into a block. Written from the ESC/POS command reference, independent of the encoder, so a
 * wrong command in the encoder shows up as a wrong or unknown block here.
 */
export function decodeEscPos(bytes: Uint8Array): DecodedPrint {
  const blocks: PrintBlock[] = [];
  const unknown: number[] = [];
  const statusRequests: number[] = [];
  let align: 'left' | 'center' | 'right' = 'left';
  let bold = false;
  let big = false;
  let chineseMode = false;
  let line: number[] = [];
  let qrData: string | null = null;
  const aligns = ['left', 'center', 'right'] as const;
  const flush = () => {
    const buf = Buffer.from(line);
    const value = chineseMode ? iconv.decode(buf, 'gb18030') : buf.toString('latin1');
    blocks.push({ kind: 'text', text: value, align, bold, big });
    line = [];
  };
  let i = 0;
  const at = (k: number) => bytes[i + k] ?? 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      flush();
      i += 1;
    } else if (b === 0x1b) {
      const c = at(1);
      if (c === 0x40) {
        align = 'left';
        bold = false;
        big = false;
        i += 2;
      } else if (c === 0x61) {
        align = aligns[at(2) % 3]!;
        i += 3;
      } else if (c === 0x45) {
        bold = (at(2) & 1) === 1;
        i += 3;
      } else if (c === 0x64) {
        blocks.push({ kind: 'feed', lines: at(2) });
        i += 3;
      } else {
        unknown.push(i);
        i += 2;
      }
    } else if (b === 0x1d) {
      const c = at(1);
      if (c === 0x21) {
        big = at(2) !== 0;
        i += 3;
      } else if (c === 0x56) {
        blocks.push({ kind: 'cut' });
        i += at(2) >= 65 ? 4 : 3;
      } else if (c === 0x28 && at(2) === 0x6b) {
        const len = at(3) + at(4) * 256;
        const fn = at(6);
        const body = bytes.subarray(i + 5, i + 5 + len);
        if (at(5) !== 0x31) unknown.push(i);
        else if (fn === 0x50) qrData = Buffer.from(body.subarray(3)).toString('utf8');
        else if (fn === 0x51 && qrData !== null) {
          blocks.push({ kind: 'qr', data: qrData });
          qrData = null;
        }
        i += 5 + len;
      } else if (c === 0x6b) {
        const m = at(2);
        if (m >= 65) {
          const n = at(3);
          const data = Buffer.from(bytes.subarray(i + 4, i + 4 + n));
          // CODE128 data starts with a code set selector ({A, {B, {C).
          const value = m === 73 ? data.subarray(2).toString('latin1') : data.toString('latin1');
          blocks.push({ kind: 'barcode', data: value });
          i += 4 + n;
        } else {
          const end = bytes.indexOf(0, i + 3);
          blocks.push({
            kind: 'barcode',
            data: Buffer.from(bytes.subarray(i + 3, end)).toString('latin1'),
          });
          i = end + 1;
        }
      } else if (c === 0x48 || c === 0x77 || c === 0x68) {
        i += 3;
      } else {
        unknown.push(i);
        i += 2;
      }
    } else if (b === 0x1c) {
      // FS & enters Chinese (double-byte) mode, FS . leaves it.
      if (at(1) === 0x26) chineseMode = true;
      else if (at(1) === 0x2e) chineseMode = false;
      else unknown.push(i);
      i += 2;
    } else if (b === 0x10 && at(1) === 0x04) {
      statusRequests.push(at(2));
      i += 3;
    } else {
      if (b < 0x20) unknown.push(i);
      else line.push(b);
      i += 1;
    }
  }
  if (line.length > 0) flush();
  return { blocks, chineseMode, unknown, statusRequests };
}

/** The text lines of a decoded print, as a cashier would read the paper. */
export function printedLines(decoded: DecodedPrint): string[] {
  return decoded.blocks.flatMap((b) =>
    b.kind === 'text'
      ? [b.text]
      : b.kind === 'qr'
        ? [`[QR ${b.data}]`]
        : b.kind === 'barcode'
          ? [`[BARCODE ${b.data}]`]
          : [],
  );
}
