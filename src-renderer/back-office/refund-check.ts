import type { AttemptRow } from '../../src-main/contract/payments';
import { numberStyle, readAmount, writeAmount, type NumberStyle } from '../editor/number-text';

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
    | 'ambiguous'
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
  /** The store's way of writing numbers: "10,00" is ten where it writes a decimal comma. */
  style: NumberStyle = numberStyle('en'),
): { ok: true; value: { amount: number; reason: string } } | RefundProblem {
  const left = refundable(attempt);
  const params = {
    left: writeAmount(left, attempt.currency, style),
    currency: attempt.currency,
    text: form.amountText.trim(),
    decimal: style.decimal,
  };
  const no = (field: RefundProblem['field'], key: RefundProblem['key']): RefundProblem => ({
    ok: false,
    field,
    key,
    params,
  });
  if (left === 0) return no('amount', attempt.state === 'paid' ? 'fullyRefunded' : 'notPaid');
  const read = readAmount(form.amountText, attempt.currency, style);
  if (!read.ok) return no('amount', read.reason === 'ambiguous' ? 'ambiguous' : 'notAmount');
  const amount = read.value;
  if (amount <= 0) return no('amount', 'notPositive');
  if (amount > left) return no('amount', 'tooMuch');
  const reason = form.reason.trim();
  if (!reason) return no('reason', 'noReason');
  if (reason.length > 200) return no('reason', 'reasonLong');
  return { ok: true, value: { amount, reason } };
}
