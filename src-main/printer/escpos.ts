import iconv from 'iconv-lite';
import type { PrintBlock } from './document';

/** How text reaches the printer: GB18030 in the printer's Chinese mode, or plain ASCII. */
export type PrinterEncoding = 'gb18030' | 'ascii';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

const ALIGN = { left: 0, center: 1, right: 2 } as const;

/** Bytes of a text in the chosen encoding; ASCII printers get '?' for what they cannot show. */
export function encodeText(value: string, encoding: PrinterEncoding): Buffer {
  if (encoding === 'gb18030') return iconv.encode(value, 'gb18030');
  return Buffer.from(value.replace(/[^\x20-\x7e]/g, '?'), 'latin1');
}

/** GS ( k: store a QR code's data (model 2, module size 6, error level M) and print it. */
function qrCommands(data: string): number[] {
  const bytes = [...Buffer.from(data, 'utf8')];
  const store = bytes.length + 3;
  return [
    ...[GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0x00], // model 2
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6], // module size
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31], // error correction M
    ...[GS, 0x28, 0x6b, store & 0xff, store >> 8, 0x31, 0x50, 0x30, ...bytes],
    ...[GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30], // print
  ];
}

/** GS k 73: CODE128 (code set B), human-readable text below, 2-dot modules, 64 dots high. */
function barcodeCommands(data: string): number[] {
  const bytes = [0x7b, 0x42, ...Buffer.from(data, 'latin1')];
  return [GS, 0x48, 2, GS, 0x77, 2, GS, 0x68, 64, GS, 0x6b, 73, bytes.length, ...bytes];
}

/**
 * ESC/POS bytes for a document: reset, Chinese mode for GB18030 (FS &), then each block with
 * its alignment and emphasis set explicitly, so a block never inherits a style by accident.
 */
export function encodeDocument(blocks: readonly PrintBlock[], encoding: PrinterEncoding): Buffer {
  const parts: Buffer[] = [Buffer.from([ESC, 0x40])];
  parts.push(Buffer.from(encoding === 'gb18030' ? [FS, 0x26] : [FS, 0x2e]));
  for (const b of blocks) {
    switch (b.kind) {
      case 'text':
        parts.push(
          Buffer.from([ESC, 0x61, ALIGN[b.align], ESC, 0x45, b.bold ? 1 : 0, GS, 0x21]),
          Buffer.from([b.big ? 0x11 : 0x00]),
          encodeText(b.text, encoding),
          Buffer.from([LF]),
        );
        break;
      case 'qr':
        parts.push(Buffer.from([ESC, 0x61, 1, ...qrCommands(b.data)]));
        break;
      case 'barcode':
        if (!/^[\x20-\x7e]{1,60}$/.test(b.data))
          throw new Error(`a CODE128 barcode takes 1 to 60 printable ASCII characters`);
        parts.push(Buffer.from([ESC, 0x61, 1, ...barcodeCommands(b.data)]));
        break;
      case 'feed':
        parts.push(Buffer.from([ESC, 0x64, Math.max(0, Math.min(255, b.lines))]));
        break;
      case 'cut':
        parts.push(Buffer.from([GS, 0x56, 66, 3])); // feed 3 lines to the cutter, partial cut
        break;
    }
  }
  return Buffer.concat(parts);
}

/** DLE EOT n: real-time status requests (1 printer, 2 offline cause, 4 paper sensor). */
export const STATUS_REQUEST = {
  printer: Buffer.from([0x10, 0x04, 1]),
  paper: Buffer.from([0x10, 0x04, 4]),
};

/** What a DLE EOT 4 answer says about the paper roll. */
export function paperStatus(byte: number): 'ok' | 'near_end' | 'out' {
  if ((byte & 0x60) !== 0) return 'out';
  if ((byte & 0x0c) !== 0) return 'near_end';
  return 'ok';
}

/** What a DLE EOT 1 answer says: bit 3 set means the printer is offline (cover open, error). */
export function printerOffline(byte: number): boolean {
  return (byte & 0x08) !== 0;
}
