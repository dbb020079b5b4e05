import type { Order } from '../../src-main/contract/order';

/**
 * The rows of `after` that differ from `before` (the same order as the customer last saw it):
 * new rows and rows whose name, quantity, price, amount or kind changed. A different order, or
 * none seen before, has no changes to point at.
 */
export function changedRows(before: Order | null, after: Order): Set<string> {
  const changed = new Set<string>();
  if (!before || before.id !== after.id) return changed;
  const key = (row: object) => JSON.stringify(row);
  const old = new Map([...before.lines, ...before.adjustments].map((r) => [r.id, key(r)]));
  for (const row of [...after.lines, ...after.adjustments])
    if (old.get(row.id) !== key(row)) changed.add(row.id);
  return changed;
}
