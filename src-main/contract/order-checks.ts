import { formatMinor, lineAmount } from './money';
import type { Order, ReviewWarning } from './order';

/**
 * The arithmetic an order must satisfy before it may go to the customer without a cashier's look:
 * every line's quantity × unit price (+ its own discount or tax) = amount (rounded), Σ lines +
 * Σ adjustments = total, total > 0.
 * Returns one warning per doubtful cell; an empty list means the numbers add up.
 */
export function checkOrderArithmetic(
  order: Pick<Order, 'lines' | 'adjustments' | 'total' | 'currency'>,
): ReviewWarning[] {
  const warnings: ReviewWarning[] = [];
  const fmt = (v: number) => formatMinor(v, order.currency);
  order.lines.forEach((line, index) => {
    if (line.unitPrice === null) return;
    const expected = lineAmount(line.quantity, line.unitPrice) + (line.adjustment?.amount ?? 0);
    if (expected !== line.amount) {
      warnings.push({
        code: 'line_arithmetic',
        message: `Line ${index + 1} (${line.name}): ${line.quantity} × ${fmt(line.unitPrice)} = ${fmt(expected)}, but the amount reads ${fmt(line.amount)}`,
        params: {
          line: index + 1,
          name: line.name,
          quantity: line.quantity,
          price: fmt(line.unitPrice),
          expected: fmt(expected),
          amount: fmt(line.amount),
        },
        cell: { kind: 'line', id: line.id, field: 'amount' },
      });
    }
  });
  const sum =
    order.lines.reduce((acc, l) => acc + l.amount, 0) +
    order.adjustments.reduce((acc, a) => acc + a.amount, 0);
  if (order.lines.length > 0 && sum !== order.total) {
    warnings.push({
      code: 'total_mismatch',
      message: `Lines and adjustments add up to ${fmt(sum)}, but the total reads ${fmt(order.total)}`,
      params: { sum: fmt(sum), total: fmt(order.total) },
      cell: { kind: 'total', field: 'total' },
    });
  }
  if (order.total <= 0) {
    warnings.push({
      code: 'total_not_positive',
      message: `The total must be greater than zero (reads ${fmt(order.total)})`,
      params: { total: fmt(order.total) },
      cell: { kind: 'total', field: 'total' },
    });
  }
  return warnings;
}
