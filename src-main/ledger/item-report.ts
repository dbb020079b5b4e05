import type Database from 'better-sqlite3';
import { toCsv } from '../lib/csv';
import { dayRange } from '../lib/local-day';

/** One item's sales: its name as the POS showed it, quantity (a decimal string) and amount. */
export interface ItemSales {
  name: string;
  quantity: string;
  /** Sum of the line amounts in minor units (before order-level discounts and charges). */
  amount: number;
  /** Orders it was on. */
  orders: number;
}

/** What was sold on a day: the lines of the orders whose payment completed that day. */
export interface ItemReport {
  date: string;
  currencies: string[];
  orders: number;
  items: ItemSales[];
}

/**
 * Orders whose paid parts first covered their total on day `@day`: a split order is sold once,
 * on the day its last part was paid. Starts from the day's paid events (index on day, state).
 */
const COMPLETED_ON_DAY_SQL = `WITH day_orders AS (
    SELECT DISTINCT a.order_id FROM attempt_events e JOIN attempts a ON a.id = e.attempt_id
    WHERE e.day = @day AND e.state = 'paid'),
  paid AS (
    SELECT d.order_id,
      SUM(CASE WHEN e.day <= @day THEN a.amount ELSE 0 END) AS by_end,
      SUM(CASE WHEN e.day < @day THEN a.amount ELSE 0 END) AS before
    FROM day_orders d JOIN attempts a ON a.order_id = d.order_id
    JOIN attempt_events e ON e.attempt_id = a.id AND e.state = 'paid'
    GROUP BY d.order_id)
  SELECT o.id, o.currency FROM paid p JOIN orders o ON o.id = p.order_id
  WHERE p.by_end >= o.total AND p.before < o.total`;

/** Thousandths in a decimal quantity string: "0.536" → 536. */
const thousandths = (q: string) => {
  const [whole = '0', frac = ''] = q.split('.');
  return Number(whole) * 1000 + Number(frac.padEnd(3, '0'));
};
const fromThousandths = (t: number) =>
  t % 1000 === 0 ? String(t / 1000) : (t / 1000).toFixed(3).replace(/0+$/, '');

/** Item-level sales of one day, from the order lines the ledger keeps; null for a bad date. */
export function itemReport(db: Database.Database, date: string): ItemReport | null {
  if (!dayRange(date)) return null;
  const orders = db.prepare(COMPLETED_ON_DAY_SQL).all({ day: date }) as {
    id: string;
    currency: string;
  }[];
  const lines = db.prepare(
    'SELECT name, quantity, amount FROM order_lines WHERE order_id = ? ORDER BY position',
  );
  const byName = new Map<string, { q: number; amount: number; orders: Set<string> }>();
  for (const order of orders) {
    for (const l of lines.all(order.id) as { name: string; quantity: string; amount: number }[]) {
      const item = byName.get(l.name) ?? { q: 0, amount: 0, orders: new Set<string>() };
      item.q += thousandths(l.quantity);
      item.amount += l.amount;
      item.orders.add(order.id);
      byName.set(l.name, item);
    }
  }
  const items = [...byName.entries()]
    .map(([name, v]) => ({
      name,
      quantity: fromThousandths(v.q),
      amount: v.amount,
      orders: v.orders.size,
    }))
    .sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
  return {
    date,
    currencies: [...new Set(orders.map((o) => o.currency))].sort(),
    orders: orders.length,
    items,
  };
}

/** The item report as CSV: name, quantity, amount (minor units), orders. */
export function itemReportCsv(report: ItemReport): string {
  return toCsv(
    ['item', 'quantity', 'amount', 'orders'],
    report.items.map((i) => [i.name, i.quantity, i.amount, i.orders]),
  );
}
