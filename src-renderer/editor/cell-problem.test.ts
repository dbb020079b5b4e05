import { describe, expect, it } from 'vitest';
import type { ReviewWarning } from '../../src-main/contract/order';
import { cellProblem } from './cell-problem';
import type { CellError } from './to-draft';

const warnings: ReviewWarning[] = [
  {
    code: 'line_arithmetic',
    message: 'qty × price ≠ amount',
    cell: { kind: 'line', id: 'a', field: 'amount' },
  },
  { code: 'low_confidence', message: 'OCR unsure', cell: { kind: 'line', id: 'b' } },
  {
    code: 'low_confidence',
    message: 'amount smudged',
    cell: { kind: 'line', id: 'a', field: 'amount' },
  },
  { code: 'total_mismatch', message: 'sum ≠ total', cell: { kind: 'total', field: 'total' } },
  { code: 'general', message: 'no cell' },
];

const say = (e: CellError) => (e.key === 'notAmount' ? 'not an amount' : e.key);

describe('cellProblem', () => {
  it('marks exactly the cells the station doubts, joining several warnings on one cell', () => {
    expect(cellProblem({ kind: 'line', id: 'a', field: 'amount' }, [], warnings, say)).toEqual({
      kind: 'doubtful',
      text: 'qty × price ≠ amount\namount smudged',
    });
    expect(cellProblem({ kind: 'line', id: 'a', field: 'name' }, [], warnings, say)).toBeNull();
    expect(cellProblem({ kind: 'total', field: 'total' }, [], warnings, say)?.text).toBe(
      'sum ≠ total',
    );
    expect(
      cellProblem({ kind: 'adjustment', id: 'a', field: 'amount' }, [], warnings, say),
    ).toBeNull();
  });

  it('marks every cell of a row named without a field', () => {
    for (const field of ['name', 'quantity', 'unitPrice', 'amount'])
      expect(cellProblem({ kind: 'line', id: 'b', field }, [], warnings, say)?.kind).toBe(
        'doubtful',
      );
  });

  it('puts the cashier’s unreadable text first', () => {
    const errors = [
      { kind: 'line' as const, id: 'a', field: 'amount', key: 'notAmount', params: {} },
    ];
    expect(cellProblem({ kind: 'line', id: 'a', field: 'amount' }, errors, warnings, say)).toEqual({
      kind: 'invalid',
      text: 'not an amount',
    });
  });
});
