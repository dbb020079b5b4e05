import type { ReviewWarning } from '../../src-main/contract/order';
import type { CellError } from './to-draft';

export interface CellProblem {
  /** 'invalid': the cashier's text cannot be read; 'doubtful': the station doubts the value. */
  kind: 'invalid' | 'doubtful';
  text: string;
}

/**
 * What is wrong with one cell, if anything: the cashier's own unreadable text first (it blocks
 * sending), then every station warning that points at the cell. A warning naming a row but no
 * field marks the whole row.
 */
export function cellProblem(
  cell: { kind: 'line' | 'adjustment' | 'total'; id?: string; field: string },
  cellErrors: readonly CellError[],
  warnings: readonly ReviewWarning[],
  /** Puts a cell error into the window's language. */
  say: (e: CellError) => string,
  /** Puts a station warning into the window's language. */
  sayWarning: (w: ReviewWarning) => string = (w) => w.message,
): CellProblem | null {
  const sameRow = (kind: string, id: string | undefined) =>
    kind === cell.kind && (cell.kind === 'total' || id === cell.id);
  const err = cellErrors.find((e) => sameRow(e.kind, e.id) && e.field === cell.field);
  if (err) return { kind: 'invalid', text: say(err) };
  const doubts = warnings.filter(
    (w) => w.cell && sameRow(w.cell.kind, w.cell.id) && (w.cell.field ?? cell.field) === cell.field,
  );
  return doubts.length ? { kind: 'doubtful', text: doubts.map(sayWarning).join('\n') } : null;
}
