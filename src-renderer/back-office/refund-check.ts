import type { AttemptRow } from '../../src-main/contract/payments';
import { formatMinor, parseMinor } from '../../src-main/contract/money';

/** What can still be refunded on an attempt: only paid ones, never beyond what was paid. */
export function refundable(a: Pick<AttemptRow, 'state' | 'amount' | 'refunded'>): number {
  return a.state === 'paid' ? Math.max(0, a.amount - a.refunded) : 0;
}

/** Why a refund form cannot be sent: the field, and the message key (`refund.error.*`). */
export interface RefundProblem {
  ok: false;
  field: 'amount' | 'reason';
  key:
    | 'fullyRefunded'
    | 'notPaid'
    | 'notAmount'
    | 'notPositive'
    | 'tooMuch'
    | 'noReason'
    | 'reasonLong';
  params: Record<string, string>;
}

/**
 * Checks the refund form before anything is sent: the amount parses as money in the attempt's
 * currency, is above zero and within what is left; a reason is given. Problems name the field
 * and a message the window says in its language.
 */
export function checkRefund(
  form: { amountText: string; reason: string },
  attempt: Pick<AttemptRow, 'state' | 'amount' | 'refunded' | 'currency'>,
): { ok: true; value: { amount: number; reason: string } } | RefundProblem {
  const left = refundable(attempt);
  const params = {
    left: formatMinor(left, attempt.currency),
    currency: attempt.currency,
    text: form.amountText.trim(),
  };
  const no = (field: RefundProblem['field'], key: RefundProblem['key']): RefundProblem => ({
    ok: false,
    field,
    key,
    params,
  });
  if (left === 0) return no('amount', attempt.state === 'paid' ? 'fullyRefunded' : 'notPaid');
  const amount = parseMinor(form.amountText, attempt.currency);
  if (amount === null) return no('amount', 'notAmount');
  if (amount <= 0) return no('amount', 'notPositive');
  if (amount > left) return no('amount', 'tooMuch');
  const reason = form.reason.trim();
  if (!reason) return no('reason', 'noReason');
  if (reason.length > 200) return no('reason', 'reasonLong');
  return { ok: true, value: { amount, reason } };
}
