import { remainingOf, type CheckoutSnapshot } from '../contract/checkout';
import { fail, ok, type Result } from '../contract/result';

/** Paid parts the customer has not been refunded: the order cannot be dropped or edited. */
export function hasPaidParts(s: CheckoutSnapshot): boolean {
  return (s.split?.paid.length ?? 0) > 0 && s.phase !== 'paid';
}

/** The refusal for dropping or editing an order with paid parts. */
export function partsBlock(s: CheckoutSnapshot): Result<never> {
  const n = s.split?.paid.length ?? 0;
  return fail(
    'illegal_transition',
    `${n} part${n > 1 ? 's are' : ' is'} already paid: cancel the checkout to refund ${n > 1 ? 'them' : 'it'} first`,
  );
}

/**
 * The next part's amount: null (all that is left) or a positive amount below what is left, so
 * every part stays under a per-payment limit and the parts never add up to more than the order.
 */
export function checkPart(s: CheckoutSnapshot, amount: number | null): Result<number | null> {
  const left = remainingOf(s);
  if (amount === null || amount === left) return ok(null);
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > left)
    return fail('invalid_input', `A part is more than 0 and at most the ${left} left to pay`);
  return ok(amount);
}

/**
 * The split after a payment of `amount` paid: that part added; the next part keeps its amount
 * while less than what is left (equal parts), else it is the rest.
 */
export function withPaidPart(
  s: CheckoutSnapshot,
  part: { attemptId: string | null; amount: number },
): CheckoutSnapshot['split'] {
  const paid = [...(s.split?.paid ?? [])];
  if (part.attemptId && !paid.some((p) => p.attemptId === part.attemptId))
    paid.push({ attemptId: part.attemptId, amount: part.amount, method: s.method ?? 'code' });
  const left = (s.order?.total ?? 0) - paid.reduce((sum, p) => sum + p.amount, 0);
  const next = s.split?.next ?? null;
  return { next: next !== null && next < left ? next : null, paid };
}
