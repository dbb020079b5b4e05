import { encodePgm } from '../pgm';
import type { Preprocessed } from '../preprocess';
import { pageToRows, type Row } from '../rows';
import type { WorkerPool } from '../worker-pool';

/** A blank row band near the middle, where the region can be cut in two without cutting text. */
function blankRowNearMiddle(p: Preprocessed): number | null {
  const blank = (y: number) => {
    const start = y * p.width;
    for (let i = start; i < start + p.width; i++) if (p.pixels[i]! < 160) return false;
    return true;
  };
  const mid = p.height >> 1;
  for (let d = 0; d < p.height / 4; d++) {
    for (const y of [mid - d, mid + d]) if (y > 0 && y < p.height && blank(y)) return y;
  }
  return null;
}

/**
 * Reads the whole region into rows; with `parallel`, a tall region is cut at a blank band near
 * its middle and its halves read at once by two workers.
 */
export async function ocrRows(
  pool: WorkerPool,
  p: Preprocessed,
  parallel: boolean,
): Promise<Row[]> {
  const cut = parallel && p.height > 200 ? blankRowNearMiddle(p) : null;
  if (cut === null) return pageToRows(await pool.recognize({ image: p.image }));
  const a = encodePgm(p.pixels, p.width, p.height, 0, cut);
  const b = encodePgm(p.pixels, p.width, p.height, cut);
  const [pa, pb] = await Promise.all([pool.recognize({ image: a }), pool.recognize({ image: b })]);
  return [...pageToRows(pa), ...pageToRows(pb, cut)];
}
