/** One piece of text an OCR engine found, with its place in the region (pixels). */
export interface TextBox {
  text: string;
  /** 0–1: the engine's confidence in the text. */
  conf: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A line of boxes that sit side by side, left to right. */
export interface BoxRow {
  boxes: TextBox[];
  y0: number;
  y1: number;
}

const mid = (b: { y0: number; y1: number }) => (b.y0 + b.y1) / 2;

/**
 * Normalises an engine's text: NFKC (full-width ￥ and digits, as PaddleOCR prints them),
 * one kind of minus, no doubled spaces. Everything downstream reads normalised text.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[−–—﹣]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Groups boxes into rows: a box joins the row whose vertical middle band it overlaps. Boxes of
 * very different heights (a big amount beside a small name) still join when one's middle lies
 * inside the other. Empty boxes are dropped. Rows come top to bottom, boxes left to right.
 */
export function groupRows(input: readonly TextBox[]): BoxRow[] {
  const boxes = input
    .map((b) => ({ ...b, text: normaliseText(b.text) }))
    .filter((b) => b.text !== '' && b.x1 > b.x0 && b.y1 > b.y0)
    .sort((a, b) => mid(a) - mid(b));
  const rows: BoxRow[] = [];
  for (const b of boxes) {
    const m = mid(b);
    const row = rows.find((r) => {
      const rm = mid(r);
      const h = Math.min(r.y1 - r.y0, b.y1 - b.y0);
      return (m >= r.y0 && m <= r.y1 && rm >= b.y0 && rm <= b.y1) || Math.abs(rm - m) < h * 0.35;
    });
    if (row) {
      row.boxes.push(b);
      row.y0 = Math.min(row.y0, b.y0);
      row.y1 = Math.max(row.y1, b.y1);
    } else rows.push({ boxes: [b], y0: b.y0, y1: b.y1 });
  }
  for (const r of rows) r.boxes.sort((a, b) => a.x0 - b.x0);
  return rows.sort((a, b) => mid(a) - mid(b));
}

/** The median height of the boxes that hold text: the screen's line height. */
export function lineHeight(rows: readonly BoxRow[]): number {
  const hs = rows.flatMap((r) => r.boxes.map((b) => b.y1 - b.y0)).sort((a, b) => a - b);
  return hs.length ? hs[hs.length >> 1]! : 16;
}
