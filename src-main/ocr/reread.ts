import { PSM } from 'tesseract.js';
import { encodePgm } from './pgm';
import { pageToRows, type Cell } from './rows';
import type { WorkerPool } from './worker-pool';

/** The characters a numeric cell can hold; re-reads may output nothing else. */
export const NUMERIC_WHITELIST = '0123456789.,-¥$xX';

/**
 * Reads the given cells again with a digit whitelist (or `whitelist`; '' for none, as for
 * names), in ONE OCR call: the cells are cropped from the preprocessed pixels and stacked one
 * above the other with blank gaps, and each text line that comes back is matched to the band
 * it lies in. Returns the re-read text per cell ('' when tesseract saw nothing there).
 */
export async function rereadCells(
  pool: WorkerPool,
  pixels: Buffer,
  width: number,
  height: number,
  cells: Cell[],
  whitelist: string = NUMERIC_WHITELIST,
): Promise<Map<Cell, string>> {
  const result = new Map<Cell, string>();
  if (cells.length === 0) return result;
  const crops = cells.map((c) => {
    const pad = Math.ceil((c.y1 - c.y0) * 0.3) + 2;
    const x0 = Math.max(0, c.x0 - pad);
    const y0 = Math.max(0, c.y0 - pad);
    const x1 = Math.min(width, c.x1 + pad);
    const y1 = Math.min(height, c.y1 + pad);
    return { x0, y0, w: x1 - x0, h: y1 - y0 };
  });
  const margin = 16;
  const canvasW = Math.max(...crops.map((c) => c.w)) + margin * 2;
  const bands: Array<{ top: number; bottom: number }> = [];
  let y = margin;
  for (const c of crops) {
    bands.push({ top: y, bottom: y + c.h });
    y += c.h + margin;
  }
  const canvasH = y;
  const canvas = Buffer.alloc(canvasW * canvasH, 255);
  crops.forEach((c, i) => {
    for (let row = 0; row < c.h; row++) {
      const src = (c.y0 + row) * width + c.x0;
      pixels.copy(canvas, (bands[i]!.top + row) * canvasW + margin, src, src + c.w);
    }
  });
  const image = encodePgm(canvas, canvasW, canvasH);
  const page = await pool.recognize({ image, whitelist, psm: PSM.SINGLE_BLOCK });
  const rows = pageToRows(page);
  cells.forEach((cell, i) => {
    const band = bands[i]!;
    const inBand = rows.filter((r) => {
      const mid = (r.y0 + r.y1) / 2;
      return mid >= band.top && mid <= band.bottom;
    });
    result.set(
      cell,
      inBand
        .map((r) => r.cells.map((c) => c.text).join(' '))
        .join(' ')
        .trim(),
    );
  });
  return result;
}
