import { orderSchema, type Order } from '../contract/order';
import type { ReadOrder } from './order-reader';

/**
 * Maps a read order onto the contract's `Order` (source 'ocr'), validated by `orderSchema`.
 * A read with no total (nothing to charge) or with cells the contract refuses is an error
 * result naming why, so the cashier types the order instead.
 */
export function toContractOrder(
  read: ReadOrder,
  id: string,
): { ok: true; value: Order } | { ok: false; error: string } {
  if (read.total === null) return { ok: false, error: 'the order has no total' };
  const parsed = orderSchema.safeParse({
    id,
    currency: read.currency,
    lines: read.lines,
    adjustments: read.adjustments,
    total: read.total,
    source: 'ocr',
    warnings: read.warnings,
  });
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  }
  return { ok: true, value: parsed.data };
}
