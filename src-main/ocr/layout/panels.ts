import { groupRows, type TextBox } from './text-box';

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
  const gaps = gapsOf(boxes, lineHeight);
  const x0 = Math.min(...boxes.map((b) => b.x0));
  const x1 = Math.max(...boxes.map((b) => b.x1));
  const narrow = boxes.filter((b) => b.x1 - b.x0 < (x1 - x0) / 2);
  for (const gap of gaps) {
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

/**
 * Every split of the region at one vertical gap with text on both sides, whether or not its
 * rows line up: the reader tries each and keeps the one whose numbers check.
 */
export function panelSplits(boxes: readonly TextBox[], lineHeight: number): TextBox[][][] {
  const splits = (body: readonly TextBox[], footer: TextBox[]) =>
    gapsOf(body, lineHeight).flatMap(({ at }) => {
      const left = body.filter((b) => (b.x0 + b.x1) / 2 < at);
      const right = body.filter((b) => (b.x0 + b.x1) / 2 >= at);
      if (left.length < 4 || right.length < 4) return [];
      return [footer.length ? [left, right, footer] : [left, right]];
    });
  // A footer across the panels ("实际金额 11元   付款 20元   找零 9元" under two item cards) hides
  // the gap between them or belongs to neither: the last rows are also set aside, and read
  // after both panels, where they hold text on both sides of the gap.
  const rows = groupRows(boxes);
  const withFooters = [1, 2].flatMap((k) => {
    if (rows.length <= k + 2) return [];
    const footer = rows.slice(-k).flatMap((r) => r.boxes);
    return splits(
      rows.slice(0, -k).flatMap((r) => r.boxes),
      footer,
    ).filter(([left, right]) => {
      const at = (Math.max(...left!.map((b) => b.x1)) + Math.min(...right!.map((b) => b.x0))) / 2;
      return footer.some((b) => b.x1 < at) && footer.some((b) => b.x0 > at);
    });
  });
  return [...splits(boxes, []), ...withFooters];
}

/** Vertical gaps no narrow box crosses, at least two line heights wide, widest first. */
function gapsOf(
  boxes: readonly TextBox[],
  lineHeight: number,
): Array<{ at: number; width: number }> {
  if (boxes.length < 8) return [];
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
    if (j - i >= minGap && i > 0 && j < covered.length)
      gaps.push({ at: x0 + (i + j) / 2, width: j - i });
    i = j;
  }
  return gaps.sort((a, b) => b.width - a.width);
}
