import { describe, expect, it } from 'vitest';
import type { ReviewWarning } from '../../src-main/contract/order';
import { cellProblem } from './cell-problem';

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

describe('cellProblem', () => {
  it('marks exactly the cells the station doubts, joining several warnings on one cell', () => {
    expect(cellProblem({ kind: 'line', id: 'a', field: 'amount' }, [], warnings)).toEqual({
      kind: 'doubtful',
      text: 'qty × price ≠ amount\namount smudged',
    });
    expect(cellProblem({ kind: 'line', id: 'a', field: 'name' }, [], warnings)).toBeNull();
    expect(cellProblem({ kind: 'total', field: 'total' }, [], warnings)?.text).toBe('sum ≠ total');
    expect(cellProblem({ kind: 'adjustment', id: 'a', field: 'amount' }, [], warnings)).toBeNull();
  });

  it('marks every cell of a row named without a field', () => {
    for (const field of ['name', 'quantity', 'unitPrice', 'amount'])
      expect(cellProblem({ kind: 'line', id: 'b', field }, [], warnings)?.kind).toBe('doubtful');
  });

  it('puts the cashier’s unreadable text first', () => {
    const errors = [{ kind: 'line' as const, id: 'a', field: 'amount', message: 'not an amount' }];
    expect(cellProblem({ kind: 'line', id: 'a', field: 'amount' }, errors, warnings)).toEqual({
      kind: 'invalid',
      text: 'not an amount',
    });
  });
});
