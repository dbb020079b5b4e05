import type { Ledger } from '../../ledger/open-ledger';
import type { OrderInfoPort, ProviderLine } from './order-info';

/**
 * The order behind an attempt, read from the ledger, so a provider request carries the order's
 * lines (WeChat `detail`, Alipay `goods_detail`) and a refund the order's total. A read-only
 * query on the ledger's own tables: the attempt driver passes only the attempt id.
 */
export function ledgerOrderInfo(ledger: Ledger, storeName: string): OrderInfoPort {
  const lines = ledger.db.prepare<
    [string],
    { line_id: string; name: string; quantity: string; unit_price: number | null; amount: number }
  >(
    'SELECT line_id, name, quantity, unit_price, amount FROM order_lines WHERE order_id = ? ORDER BY position',
  );
  return (merchantOrderNo) => {
    const attempt = ledger.getAttempt(merchantOrderNo);
    if (!attempt) return null;
    const rows: ProviderLine[] = lines.all(attempt.orderId).map((r) => ({
      id: r.line_id,
      name: r.name,
      quantity: r.quantity,
      unitPrice: r.unit_price,
      amount: r.amount,
    }));
    const first = rows[0]?.name;
    const description = first
      ? `${storeName} - ${first}${rows.length > 1 ? ` +${rows.length - 1}` : ''}`
      : storeName;
    return { amount: attempt.amount, description, lines: rows };
  };
}
