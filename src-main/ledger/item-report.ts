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

/** Every paid part of the given orders, in the order they were paid. */
const PAID_PARTS_SQL = `SELECT a.order_id, a.amount, a.shift, e.day, o.total, o.currency
  FROM attempts a JOIN attempt_events e ON e.attempt_id = a.id AND e.state = 'paid'
  JOIN orders o ON o.id = a.order_id
  WHERE a.order_id IN (SELECT value FROM json_each(@orders)) ORDER BY e.seq`;

/** Orders with a part paid on day `@day` (the (day, state) index). */
const DAY_ORDERS_SQL = `SELECT DISTINCT a.order_id AS id FROM attempt_events e
  JOIN attempts a ON a.id = e.attempt_id WHERE e.day = @day AND e.state = 'paid'`;

/** Orders with a part taken in shift `@shift` (the attempts(shift) index). */
const SHIFT_ORDERS_SQL = `SELECT DISTINCT order_id AS id FROM attempts WHERE shift = @shift`;

/**
 * The orders among `candidates` whose payment was completed by a part matching `where`: the
 * part after which the paid parts first cover the total. A split order is sold once, by its last
 * part (its day, its shift); a partly paid order is not sold yet.
 */
function completedOrders(
  db: Database.Database,
  candidates: string[],
  where: (part: { day: string; shift: string }) => boolean,
): { id: string; currency: string }[] {
  const parts = db.prepare(PAID_PARTS_SQL).all({ orders: JSON.stringify(candidates) }) as {
    order_id: string;
    amount: number;
    shift: string;
    day: string;
    total: number;
    currency: string;
  }[];
  const paid = new Map<string, number>();
  const done: { id: string; currency: string }[] = [];
  for (const p of parts) {
    const before = paid.get(p.order_id) ?? 0;
    paid.set(p.order_id, before + p.amount);
    if (before < p.total && before + p.amount >= p.total && where(p))
      done.push({ id: p.order_id, currency: p.currency });
  }
  return done;
}

/** Thousandths in a decimal quantity string: "0.536" → 536. */
const thousandths = (q: string) => {
  const [whole = '0', frac = ''] = q.split('.');
  return Number(whole) * 1000 + Number(frac.padEnd(3, '0'));
};
const fromThousandths = (t: number) =>
  t % 1000 === 0 ? String(t / 1000) : (t / 1000).toFixed(3).replace(/0+$/, '');

/** Sums the lines of the given orders by item name. */
function salesOf(
  db: Database.Database,
  orders: { id: string; currency: string }[],
): Omit<ItemReport, 'date'> {
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
    currencies: [...new Set(orders.map((o) => o.currency))].sort(),
    orders: orders.length,
    items,
  };
}

/** Item-level sales of one day, from the order lines the ledger keeps; null for a bad date. */
export function itemReport(db: Database.Database, date: string): ItemReport | null {
  if (!dayRange(date)) return null;
  const candidates = (db.prepare(DAY_ORDERS_SQL).all({ day: date }) as { id: string }[]).map(
    (r) => r.id,
  );
  return {
    date,
    ...salesOf(
      db,
      completedOrders(db, candidates, (p) => p.day === date),
    ),
  };
}

/** Item-level sales of one shift (the orders its payments completed). */
export function shiftItemReport(
  db: Database.Database,
  shiftId: string,
): Omit<ItemReport, 'date'> & { shiftId: string } {
  const candidates = (db.prepare(SHIFT_ORDERS_SQL).all({ shift: shiftId }) as { id: string }[]).map(
    (r) => r.id,
  );
  return {
    shiftId,
    ...salesOf(
      db,
      completedOrders(db, candidates, (p) => p.shift === shiftId),
    ),
  };
}

/** The item report as CSV: name, quantity, amount (minor units), orders. */
export function itemReportCsv(report: ItemReport): string {
  return toCsv(
    ['item', 'quantity', 'amount', 'orders'],
    report.items.map((i) => [i.name, i.quantity, i.amount, i.orders]),
  );
}
