import type { Ledger } from './open-ledger';

/** An order as the ledger recorded it: its lines and adjustments in their order. */
export interface OrderRecord {
  orderId: string;
  currency: string;
  total: number;
  lines: Array<{ name: string; quantity: string; unitPrice: number | null; amount: number }>;
  adjustments: Array<{ label: string; amount: number }>;
}

/** The recorded order with this id, or null when the ledger has none. Read-only. */
export function orderRecord(ledger: Ledger, orderId: string): OrderRecord | null {
  const order = ledger.db
    .prepare<[string], { currency: string; total: number }>(
      'SELECT currency, total FROM orders WHERE id = ?',
    )
    .get(orderId);
  if (!order) return null;
  const lines = ledger.db
    .prepare<
      [string],
      { name: string; quantity: string; unit_price: number | null; amount: number }
    >(
      'SELECT name, quantity, unit_price, amount FROM order_lines WHERE order_id = ? ORDER BY position',
    )
    .all(orderId);
  const adjustments = ledger.db
    .prepare<[string], { label: string; amount: number }>(
      'SELECT label, amount FROM order_adjustments WHERE order_id = ? ORDER BY position',
    )
    .all(orderId);
  return {
    orderId,
    currency: order.currency,
    total: order.total,
    lines: lines.map((l) => ({
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unit_price,
      amount: l.amount,
    })),
    adjustments,
  };
}
