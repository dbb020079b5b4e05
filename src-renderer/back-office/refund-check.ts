import type { AttemptRow } from '../../src-main/contract/payments';
import { formatMinor, parseMinor } from '../../src-main/contract/money';

/** What can still be refunded on an attempt: only paid ones, never beyond what was paid. */
export function refundable(a: Pick<AttemptRow, 'state' | 'amount' | 'refunded'>): number {
  return a.state === 'paid' ? Math.max(0, a.amount - a.refunded) : 0;
}

/**
 * Checks the refund form before anything is sent: the amount parses as money in the attempt's
 * currency, is above zero and within what is left; a reason is given. Errors name the field.
 */
export function checkRefund(
  form: { amountText: string; reason: string },
  attempt: Pick<AttemptRow, 'state' | 'amount' | 'refunded' | 'currency'>,
):
  | { ok: true; value: { amount: number; reason: string } }
  | { ok: false; field: 'amount' | 'reason'; error: string } {
  const left = refundable(attempt);
  if (left === 0)
    return {
      ok: false,
      field: 'amount',
      error:
        attempt.state === 'paid'
          ? 'This payment has been refunded in full already.'
          : 'Only a paid payment can be refunded.',
    };
  const amount = parseMinor(form.amountText, attempt.currency);
  if (amount === null)
    return {
      ok: false,
      field: 'amount',
      error: `"${form.amountText.trim()}" is not an amount such as ${formatMinor(left, attempt.currency)}.`,
    };
  if (amount <= 0) return { ok: false, field: 'amount', error: 'The amount must be above zero.' };
  if (amount > left)
    return {
      ok: false,
      field: 'amount',
      error: `At most ${formatMinor(left, attempt.currency)} ${attempt.currency} can still be refunded.`,
    };
  const reason = form.reason.trim();
  if (!reason) return { ok: false, field: 'reason', error: 'Give a reason for the refund.' };
  if (reason.length > 200)
    return { ok: false, field: 'reason', error: 'Keep the reason under 200 characters.' };
  return { ok: true, value: { amount, reason } };
}
