import { checkOrderArithmetic } from '../contract/order-checks';
import { lineAmount } from '../contract/money';
import type { ReviewWarning } from '../contract/order';
import type { DraftLine, DraftOrder } from './parse-order';

/** Every string one OCR digit substitution away from `text` (digits only are varied). */
function oneDigitOff(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!/\d/.test(text[i]!)) continue;
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== text[i]) out.push(text.slice(0, i) + d + text.slice(i + 1));
    }
  }
  return out;
}

/**
 * The cells of a line that the arithmetic does not pin down: a quantity or unit price that
 * could be misread by one digit and still give the same rounded amount (weighed items with
 * cheap prices), or any quantity on a line without a unit price. Such cells must be confirmed
 * by a second, digit-only read before the order may be accepted.
 */
export function unpinnedFields(line: DraftLine): Array<'quantity' | 'unitPrice'> {
  if (line.unitPrice === null) return ['quantity'];
  const out: Array<'quantity' | 'unitPrice'> = [];
  const price = line.unitPrice;
  if (
    oneDigitOff(line.quantity).some((q) => Number(q) > 0 && lineAmount(q, price) === line.amount)
  ) {
    out.push('quantity');
  }
  const p = String(price);
  if (oneDigitOff(p).some((alt) => lineAmount(line.quantity, Number(alt)) === line.amount)) {
    out.push('unitPrice');
  }
  return out;
}

/** All arithmetic and completeness warnings of a draft (no OCR-confidence ones). */
export function arithmeticWarnings(draft: DraftOrder, currency: string): ReviewWarning[] {
  const warnings: ReviewWarning[] = [];
  if (draft.lines.length === 0) {
    warnings.push({ code: 'no_lines', message: 'No order lines were found in the region' });
  }
  if (draft.total === null) {
    warnings.push({
      code: 'total_missing',
      message: 'No total line (TOTAL, Amount Due, 合计, 应收, …) was found',
      cell: { kind: 'total', field: 'total' },
    });
    return warnings;
  }
  warnings.push(
    ...checkOrderArithmetic({
      currency,
      total: draft.total,
      lines: draft.lines.map((l) => ({
        id: l.id,
        name: l.name,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        amount: l.amount,
      })),
      adjustments: draft.adjustments.map((a) => ({ id: a.id, label: a.label, amount: a.amount })),
    }),
  );
  if (draft.subtotal) {
    const sum = draft.lines.reduce((s, l) => s + l.amount, 0);
    if (sum !== draft.subtotal.amount) {
      warnings.push({
        code: 'subtotal_mismatch',
        message: 'The lines do not add up to the subtotal shown',
        cell: { kind: 'total', field: 'total' },
      });
    }
  }
  return warnings;
}
