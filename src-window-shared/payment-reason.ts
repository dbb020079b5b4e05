import type { PaymentProgress } from '../src-main/contract/checkout';

/** Payment-system reasons the displays explain in plain words; anything else is generic. */
export const KNOWN_REASONS = [
  'insufficient_funds',
  'over_limit',
  'code_expired',
  'code_already_used',
  'unknown_code',
  'invalid_code',
  'face_not_recognised',
  'face_confirm_phone',
  'proxy_unknown',
  'proxy_category_not_allowed',
  'proxy_amount_not_approved',
  'proxy_declined',
  'proxy_wrong_code',
  'proxy_timeout',
  'qr_expired',
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
