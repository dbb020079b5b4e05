import type { ReviewWarning } from '../../contract/order';
import { parseRows, type DraftOrder } from '../parse-order';
import type { Preprocessed } from '../preprocess';
import { rereadCells } from '../reread';
import {
  applyRereads,
  arithmeticWarnings,
  confirmationWarnings,
  doubtfulCells,
  numericCells,
  repairSymbolSlips,
} from '../review';
import type { Cell, Row } from '../rows';
import type { WorkerPool } from '../worker-pool';

/** A read parsed and checked: the draft order and every warning on it. */
export interface Reviewed {
  draft: DraftOrder;
  warnings: ReviewWarning[];
}

/**
 * Parses rows, checks them, and confirms doubtful cells with a digit-only re-read. When the
 * arithmetic does not check, every number is re-read, and the re-read (or the same with symbol
 * slips undone) is taken only if the whole order then checks.
 */
export async function reviewRead(
  pool: WorkerPool,
  currency: string,
  p: Preprocessed,
  rows: Row[],
): Promise<Reviewed> {
  let draft = parseRows(rows, currency);
  let arithmetic = arithmeticWarnings(draft, currency);
  const broken = arithmetic.length > 0 && draft.lines.length > 0 && draft.total !== null;
  const toRead = broken ? numericCells(draft) : doubtfulCells(draft);
  let confirm: ReviewWarning[] = [];
  if (toRead.length > 0) {
    try {
      const cells = toRead.map((u) => u.cell);
      const texts = await rereadCells(pool, p.pixels, p.width, p.height, cells);
      const checks = broken ? rereadThatChecks(draft, texts, currency) : null;
      if (checks) {
        draft = checks;
        arithmetic = [];
      }
      confirm = confirmationWarnings(doubtfulCells(draft), texts, currency);
    } catch (error) {
      confirm = [
        { code: 'reread_failed', message: `Second read failed: ${(error as Error).message}` },
      ];
    }
  }
  return { draft, warnings: [...draft.warnings, ...arithmetic, ...confirm] };
}

/**
 * The digit-only reading, then the same with symbol slips undone: the first that makes the
 * whole order check, or null.
 */
function rereadThatChecks(
  draft: DraftOrder,
  texts: Map<Cell, string>,
  currency: string,
): DraftOrder | null {
  const reread = applyRereads(draft, texts, currency);
  const alternatives = [reread, repairSymbolSlips(reread, currency)];
  return alternatives.find((alt) => arithmeticWarnings(alt, currency).length === 0) ?? null;
}
