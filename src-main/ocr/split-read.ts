/**
 * Reading a region as two columns with two engines at once.
 *
 * On a POS screen the text is names on the left and numbers on the right. The LSTM reads
 * names best (and Chinese at all), but it is the slow engine; tesseract's legacy classifier
 * reads printed digits well at about two thirds of the cost. With two cores, the name side
 * goes to an LSTM worker and the number side to a legacy worker at the same time, and the
 * rows are joined again by their height on screen. Whatever the legacy side gets wrong, the
 * arithmetic and the LSTM's digit re-reads still have to agree with.
 */
import { encodePgm } from './pgm';
import type { Preprocessed } from './preprocess';
import { pageToRows, type Row } from './rows';
import type { WorkerPool } from './worker-pool';

/** A pixel darker than this counts as ink when looking for blank columns. */
const INK = 160;

/**
 * Above this share of the text on the name side, the split is not worth it: the LSTM's side
 * takes longer than half the region would on two LSTM workers (receipts, whose formulas sit
 * left with the names, have 62–78%; grids and monospace screens 26–51%).
 */
export const MAX_LEFT_SHARE = 0.55;

/**
 * The x where the region can be cut into a name side and a number side: the middle of the
 * first blank vertical band at least one text line wide that leaves a quarter or more of the
 * width on each side, if at most `maxLeftShare` of the text lies left of it. Null otherwise (a
 * monospace screen with columns one space apart, a receipt whose formulas sit with the names):
 * then the region is read whole.
 */
export function findColumnSplit(p: Preprocessed, maxLeftShare = MAX_LEFT_SHARE): number | null {
  const { pixels, width, height } = p;
  const minGap = Math.max(8, p.lineHeight);
  const inked = new Uint32Array(width);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) if (pixels[row + x]! < INK) inked[x]!++;
  }
  const cut = firstWideGap(inked, minGap);
  if (cut === null) return null;
  // The LSTM side must be the lighter one, or two halves on two LSTM workers are faster. Its
  // work grows with the length of text, so count, text line by text line, the columns inked.
  let left = 0;
  let all = 0;
  const seen = new Uint8Array(width);
  let inBand = false;
  const flush = () => {
    for (let x = 0; x < width; x++) {
      if (!seen[x]) continue;
      all++;
      if (x < cut) left++;
    }
    seen.fill(0);
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let any = false;
    for (let x = 0; x < width; x++) {
      if (pixels[row + x]! < INK) {
        seen[x] = 1;
        any = true;
      }
    }
    if (!any && inBand) flush();
    inBand = any;
  }
  flush();
  return left <= all * maxLeftShare ? cut : null;
}

function firstWideGap(inked: Uint32Array, minGap: number): number | null {
  const width = inked.length;
  let seenInk = false;
  let start = -1;
  for (let x = 0; x <= width; x++) {
    const ink = x < width && inked[x]! > 0;
    if (!ink && start < 0 && seenInk) start = x;
    if (ink) {
      if (start >= 0 && x - start >= minGap) {
        const cut = Math.round((start + x) / 2);
        if (cut >= width / 4 && width - cut >= width / 4) return cut;
        if (cut >= width - width / 4) return null;
      }
      start = -1;
      seenInk = true;
    }
  }
  return null;
}

/** The left (`[0, cut)`) or right (`[cut, width)`) part of the pixels as a PGM. */
export function sidePgm(p: Preprocessed, cut: number, side: 'left' | 'right'): Buffer {
  const x0 = side === 'left' ? 0 : cut;
  const w = side === 'left' ? cut : p.width - cut;
  const out = Buffer.alloc(w * p.height);
  for (let y = 0; y < p.height; y++) {
    p.pixels.copy(out, y * w, y * p.width + x0, y * p.width + x0 + w);
  }
  return encodePgm(out, w, p.height);
}

/** Shifts a row read off the right part back to region coordinates. */
export function shiftRow(row: Row, dx: number): Row {
  return {
    ...row,
    x0: row.x0 + dx,
    x1: row.x1 + dx,
    cells: row.cells.map((c) => ({ ...c, x0: c.x0 + dx, x1: c.x1 + dx })),
  };
}

/**
 * Joins rows read from the two sides into screen rows: a right row goes with the left row it
 * overlaps most vertically (at least half the shorter one's height); otherwise it stands alone.
 */
export function joinSides(left: Row[], right: Row[]): Row[] {
  const joined = left.map((r) => ({ ...r, cells: [...r.cells] }));
  const alone: Row[] = [];
  for (const r of right) {
    let best: Row | null = null;
    let bestOverlap = 0;
    for (const l of joined) {
      const overlap = Math.min(l.y1, r.y1) - Math.max(l.y0, r.y0);
      const need = Math.min(l.y1 - l.y0, r.y1 - r.y0) / 2;
      if (overlap >= need && overlap > bestOverlap) {
        best = l;
        bestOverlap = overlap;
      }
    }
    if (!best) {
      alone.push(r);
      continue;
    }
    best.cells.push(...r.cells);
    best.x1 = Math.max(best.x1, r.x1);
    best.y0 = Math.min(best.y0, r.y0);
    best.y1 = Math.max(best.y1, r.y1);
    best.text = best.cells.map((c) => c.text).join('  ');
  }
  return [...joined, ...alone].sort((a, b) => a.y0 - b.y0);
}

/** Both sides at once: names to the LSTM pool, numbers to the legacy pool. */
export async function readSplit(
  pool: WorkerPool,
  numbersPool: WorkerPool,
  p: Preprocessed,
  cut: number,
): Promise<Row[]> {
  const [left, right] = await Promise.all([
    pool.recognize({ image: sidePgm(p, cut, 'left') }),
    numbersPool.recognize({ image: sidePgm(p, cut, 'right') }),
  ]);
  return joinSides(
    pageToRows(left),
    pageToRows(right).map((r) => shiftRow(r, cut)),
  );
}

/** False when the legacy engine met words on the number side it could not read. */
export function numbersSideReadable(rows: Row[], cut: number): boolean {
  return rows.every((r) =>
    r.cells.every((c) => c.x0 < cut || /\d/.test(c.text) || c.confidence >= 60),
  );
}
