import { PSM } from 'tesseract.js';
import type { ReviewWarning } from '../contract/order';
import type { DraftOrder } from './parse-order';
import { encodePgm } from './pgm';
import type { Preprocessed } from './preprocess';
import { pageToRows, type Row } from './rows';
import type { WorkerPool } from './worker-pool';

/**
 * The rows worth a second look: rows that were not understood, and the rows of lines whose
 * arithmetic failed. A row read alone (PSM 7, one text line) often loses different digits
 * than the same row read inside the block.
 */
export function suspectRows(rows: Row[], draft: DraftOrder, warnings: ReviewWarning[]): Row[] {
  const suspects = new Set<Row>(draft.unreadRows);
  const failing = new Set(
    warnings.filter((w) => w.code === 'line_arithmetic' && w.cell?.id).map((w) => w.cell!.id!),
  );
  for (const line of draft.lines.filter((l) => failing.has(l.id))) {
    const cells = Object.values(line.cells);
    for (const row of rows) if (row.cells.some((c) => cells.includes(c))) suspects.add(row);
  }
  return rows.filter((r) => suspects.has(r));
}

/**
 * Reads each suspect row again on its own and returns the rows with those replaced (a row
 * that comes back empty keeps its first reading). The caller re-parses and re-checks: a
 * rescued order is accepted only if everything then checks.
 */
export async function rereadRows(
  pool: WorkerPool,
  p: Preprocessed,
  rows: Row[],
  suspects: Row[],
): Promise<Row[]> {
  const replaced = new Map<Row, Row[]>();
  await Promise.all(
    suspects.map(async (row) => {
      const pad = Math.ceil((row.y1 - row.y0) * 0.35) + 2;
      const top = Math.max(0, row.y0 - pad);
      const height = Math.min(p.height, row.y1 + pad) - top;
      if (height < 4) return;
      const image = encodePgm(p.pixels, p.width, p.height, top, height);
      const again = pageToRows(await pool.recognize({ image, psm: PSM.SINGLE_LINE }), top);
      if (again.length > 0) replaced.set(row, again);
    }),
  );
  return rows.flatMap((r) => replaced.get(r) ?? [r]);
}
