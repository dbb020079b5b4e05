import { randomBytes } from 'node:crypto';
import type { orderDraftSchema } from '../contract/commands';
import type { z } from 'zod';
import { checkOrderArithmetic } from '../contract/order-checks';
import type { Order, OrderSource, ReviewWarning } from '../contract/order';
import { fail, ok, type Result } from '../contract/result';

/** A new order id: sortable by time, unique per station. */
export function newOrderId(now = Date.now()): string {
  return `ord_${now.toString(36)}${randomBytes(4).toString('hex')}`;
}

/**
 * Turns a submitted draft (typed by the cashier, or read off the screen) into the order the
 * checkout holds: an id, the station's currency, and a warning for every cell whose
 * arithmetic does not check, so nothing doubtful reaches the customer unseen.
 */
export function intakeOrder(
  draft: z.output<typeof orderDraftSchema>,
  options: { currency: string; source: OrderSource; extraWarnings?: ReviewWarning[]; now?: number },
): Result<Order> {
  const ids = [...draft.lines.map((l) => l.id), ...draft.adjustments.map((a) => a.id)];
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup)
    return fail(
      'invalid_input',
      `Two rows share the id '${dup}'; each line and adjustment needs its own`,
    );
  const order: Order = {
    id: draft.id ?? newOrderId(options.now),
    currency: options.currency,
    lines: draft.lines,
    adjustments: draft.adjustments,
    total: draft.total,
    source: options.source,
    warnings: [],
  };
  order.warnings = [...(options.extraWarnings ?? []), ...checkOrderArithmetic(order)];
  return ok(order);
}
