import type { TextBox } from './text-box';

const mid = (b: TextBox) => (b.y0 + b.y1) / 2;

/**
 * Splits a region into side-by-side panels (a cart beside a "sale details" column, as web POS
 * screens lay them out), so their rows are read apart instead of interleaved. A split needs a
 * vertical gap that no box crosses, at least two line heights wide, with text on both sides,
 * and rows that do not line up across it: the columns of one table line up row by row, two
 * panels do not. Titles wider than half the region do not block a gap. Panels come left to
 * right; a region without one comes back whole.
 */
export function splitPanels(boxes: readonly TextBox[], lineHeight: number): TextBox[][] {
  if (boxes.length < 8) return [boxes.slice()];
  const x0 = Math.min(...boxes.map((b) => b.x0));
  const x1 = Math.max(...boxes.map((b) => b.x1));
  const narrow = boxes.filter((b) => b.x1 - b.x0 < (x1 - x0) / 2);
  const covered = new Uint8Array(Math.ceil(x1 - x0) + 1);
  for (const b of narrow) covered.fill(1, Math.floor(b.x0 - x0), Math.ceil(b.x1 - x0));
  const minGap = Math.max(lineHeight * 2, 24);
  const gaps: Array<{ at: number; width: number }> = [];
  for (let i = 0; i < covered.length;) {
    if (covered[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < covered.length && !covered[j]) j++;
    if (j - i >= minGap) gaps.push({ at: x0 + (i + j) / 2, width: j - i });
    i = j;
  }
  for (const gap of gaps.sort((a, b) => b.width - a.width)) {
    const left = narrow.filter((b) => b.x1 <= gap.at);
    const right = narrow.filter((b) => b.x0 >= gap.at);
    if (left.length < 4 || right.length < 4) continue;
    // Rows on the smaller side that have a partner at the same height on the other: a table's
    // columns or label–value pairs have one nearly always, two panels rarely.
    const [few, many] = left.length <= right.length ? [left, right] : [right, left];
    const lined = few.filter((a) => many.some((b) => mid(a) >= b.y0 && mid(a) <= b.y1)).length;
    if (lined / few.length >= 0.5) continue;
    const wide = boxes.filter((b) => !narrow.includes(b));
    const leftAll = [...left, ...wide.filter((b) => (b.x0 + b.x1) / 2 < gap.at)];
    const rightAll = [...right, ...wide.filter((b) => (b.x0 + b.x1) / 2 >= gap.at)];
    return [...splitPanels(leftAll, lineHeight), ...splitPanels(rightAll, lineHeight)];
  }
  return [boxes.slice()];
}
