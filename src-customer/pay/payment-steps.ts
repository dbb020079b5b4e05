import type { PaymentProgress } from '../../src-main/contract/checkout';

export type StepName = 'sending' | 'user_paying' | 'querying' | 'reversing';
export type StepState = 'done' | 'current' | 'todo';

/**
 * The steps to show while authorizing, each done, current or still to come. "Waiting for the
 * password" and "reversing" appear only once they happen: most payments never need them, and
 * showing them up front would worry the customer.
 */
export function paymentSteps(
  payment: Pick<PaymentProgress, 'step'> | null,
): { name: StepName; state: StepState }[] {
  const step = payment?.step ?? 'sending';
  const order: StepName[] = ['sending'];
  if (step === 'user_paying') order.push('user_paying');
  order.push('querying');
  if (step === 'reversing') order.push('reversing');
  const current = step === 'done' ? order.length : order.indexOf(step as StepName);
  return order.map((name, i) => ({
    name,
    state: i < current ? 'done' : i === current ? 'current' : 'todo',
  }));
}

/** Payment-system reasons the displays explain in plain words; anything else is generic. */
export const KNOWN_REASONS = [
  'insufficient_funds',
  'over_limit',
  'code_expired',
  'code_already_used',
  'unknown_code',
  'invalid_code',
  'face_not_recognised',
  'proxy_not_approved',
  'proxy_approval_expired',
  'proxy_amount_not_approved',
  'qr_not_scanned',
  'qr_already_used',
  'password_timeout',
  'user_cancelled',
  'reversed',
  'reversed_while_user_paying',
  'declined',
] as const;
export type KnownReason = (typeof KNOWN_REASONS)[number] | 'unknown';

/**
 * The known reason behind a payment's failure text. Providers answer with a code
 * ("insufficient_funds") or "code: message"; an outcome `reversed` always means the customer
 * was not charged, whatever the text.
 */
export function reasonOf(payment: Pick<PaymentProgress, 'outcome' | 'reason'> | null): KnownReason {
  const head = /^[a-z_]+/.exec(payment?.reason?.trim() ?? '')?.[0] ?? '';
  if ((KNOWN_REASONS as readonly string[]).includes(head)) return head as KnownReason;
  return payment?.outcome === 'reversed' ? 'reversed' : 'unknown';
}
