import { isNumericCell } from './numbers';
import type { Cell, Row } from './rows';

/** A row as the parser sees it: the label cells in front, the numeric cells after them. */
export interface SplitRow {
  label: string;
  labelCells: Cell[];
  numbers: Cell[];
}

/** The horizontal middle of a cell, to match it with a header column. */
export const cellCenter = (c: Cell): number => (c.x0 + c.x1) / 2;

/** Splits a row into leading label cells and trailing numeric cells. */
export function splitRow(row: Row): SplitRow {
  let i = row.cells.length;
  while (i > 0 && isNumericCell(row.cells[i - 1]!.text)) i--;
  const labelCells = row.cells.slice(0, i);
  return {
    labelCells,
    label: labelCells.map((c) => c.text).join(' '),
    numbers: row.cells.slice(i),
  };
}

/** One cell spanning the given cells: their texts joined, their lowest confidence. */
export function mergeCells(cells: Cell[]): Cell {
  return {
    text: cells.map((c) => c.text).join(' '),
    confidence: Math.min(...cells.map((c) => c.confidence)),
    x0: Math.min(...cells.map((c) => c.x0)),
    x1: Math.max(...cells.map((c) => c.x1)),
    y0: Math.min(...cells.map((c) => c.y0)),
    y1: Math.max(...cells.map((c) => c.y1)),
  };
}
