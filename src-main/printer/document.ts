import { eastAsianWidth } from 'get-east-asian-width';

/**
 * What a receipt says, before it becomes printer bytes: the one model the receipt layout
 * produces, the ESC/POS encoder writes and the test decoder reads back, so a test compares
 * "what was meant to print" with "what the bytes say" in the same terms.
 */
export type PrintBlock =
  | { kind: 'text'; text: string; align: 'left' | 'center' | 'right'; bold: boolean; big: boolean }
  | { kind: 'qr'; data: string }
  | { kind: 'barcode'; data: string }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

/** Paper widths we lay out for, and their columns in the printer's font A (12×24 dots). */
export const PAPER_COLUMNS = { 58: 32, 80: 48 } as const;
export type PaperWidth = keyof typeof PAPER_COLUMNS;

/** Columns a string takes on the printer: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += eastAsianWidth(ch.codePointAt(0)!);
  return width;
}

/** Cuts text to at most `columns` display columns, never splitting a wide character. */
export function fitWidth(text: string, columns: number): string {
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = eastAsianWidth(ch.codePointAt(0)!);
    if (width + w > columns) break;
    out += ch;
    width += w;
  }
  return out;
}

/** Breaks text into lines of at most `columns` display columns (at spaces where it can). */
export function wrapWidth(text: string, columns: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (displayWidth(rest) > columns) {
    let head = fitWidth(rest, columns);
    const space = head.lastIndexOf(' ');
    if (space > columns / 3 && rest[head.length] !== ' ') head = head.slice(0, space);
    lines.push(head.trimEnd());
    rest = rest.slice(head.length).trimStart();
  }
  if (rest || lines.length === 0) lines.push(rest);
  return lines;
}

/** `left` and `right` on one line of `columns`, the gap filled with spaces (left cut to fit). */
export function twoColumns(left: string, right: string, columns: number): string {
  const room = columns - displayWidth(right) - 1;
  const head = fitWidth(left, Math.max(0, room));
  return head + ' '.repeat(Math.max(1, columns - displayWidth(head) - displayWidth(right))) + right;
}

/** A plain left-aligned text block. */
export function text(
  value: string,
  style: Partial<Omit<Extract<PrintBlock, { kind: 'text' }>, 'kind' | 'text'>> = {},
): PrintBlock {
  return { kind: 'text', text: value, align: 'left', bold: false, big: false, ...style };
}
