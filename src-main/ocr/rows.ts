import type { Page } from 'tesseract.js';

/** A box in preprocessed-image pixels. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One cell of a row: words that sit close together, e.g. "Unit Price" or "¥12.80". */
export interface Cell extends Box {
  text: string;
  /** Lowest word confidence in the cell, 0–100. */
  confidence: number;
}

/** One text row of the screen, cells left to right. */
export interface Row extends Box {
  cells: Cell[];
  text: string;
}

interface RawWord extends Box {
  text: string;
  confidence: number;
}

/**
 * Turns tesseract's page into rows of cells. Words closer than about one glyph height join
 * into one cell ("Chicken Breast"); a wider gap starts a new column. `yOffset` shifts boxes of
 * a page that was read from a horizontal slice of the region.
 */
export function pageToRows(page: Page, yOffset = 0): Row[] {
  const rows: Row[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words: RawWord[] = line.words
          .map((w) => ({
            text: w.text.trim(),
            confidence: w.confidence,
            x0: w.bbox.x0,
            x1: w.bbox.x1,
            y0: w.bbox.y0 + yOffset,
            y1: w.bbox.y1 + yOffset,
          }))
          // Leftover table rules come out as | or ¦ "words".
          .filter((w) => w.text.replace(/[|¦]/g, '').length > 0)
          .map((w) => ({ ...w, text: w.text.replace(/^[|¦]+|[|¦]+$/g, '') }));
        if (words.length === 0) continue;
        const height = line.bbox.y1 - line.bbox.y0;
        rows.push(wordsToRow(words, Math.max(4, height)));
      }
    }
  }
  return rows.sort((a, b) => a.y0 - b.y0);
}

/** A Chinese (CJK unified ideograph) character. */
export const CJK = /[\u3400-\u9fff]/;

const NUMBERISH = /^[-−]?[¥$€£￥]?-?[\d.,]*\d[\d.,]*$/;

function wordsToRow(words: RawWord[], height: number): Row {
  words.sort((a, b) => a.x0 - b.x0);
  const cells: Cell[] = [];
  for (const w of words) {
    const last = cells[cells.length - 1];
    // Two numbers never share a cell: monospace screens put columns one space apart.
    const bothNumbers = last !== undefined && NUMBERISH.test(last.text) && NUMBERISH.test(w.text);
    // ...except a bare fraction right after digits: "1841 .82" is one number read in two words.
    const fraction =
      last !== undefined &&
      /\d$/.test(last.text) &&
      /^[.,]\d+$/.test(w.text) &&
      w.x0 - last.x1 < height * 0.5;
    if (fraction) {
      last.text += w.text;
      last.x1 = Math.max(last.x1, w.x1);
      last.confidence = Math.min(last.confidence, w.confidence);
      continue;
    }
    if (last && !bothNumbers && w.x0 - last.x1 < height * 0.75) {
      const cjkJoin = /[\u3400-\u9fff]$/.test(last.text) && /^[\u3400-\u9fff]/.test(w.text);
      last.text += cjkJoin ? w.text : ` ${w.text}`;
      last.x1 = Math.max(last.x1, w.x1);
      last.y0 = Math.min(last.y0, w.y0);
      last.y1 = Math.max(last.y1, w.y1);
      last.confidence = Math.min(last.confidence, w.confidence);
    } else {
      cells.push({ ...w });
    }
  }
  return {
    cells,
    text: cells.map((c) => c.text).join('  '),
    x0: Math.min(...cells.map((c) => c.x0)),
    x1: Math.max(...cells.map((c) => c.x1)),
    y0: Math.min(...cells.map((c) => c.y0)),
    y1: Math.max(...cells.map((c) => c.y1)),
  };
}
