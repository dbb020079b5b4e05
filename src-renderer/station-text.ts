import type { TFunction } from 'i18next';
import type { ReviewWarning } from '../src-main/contract/order';
import type { ContractError } from '../src-main/contract/result';
import { reasonOf } from '../src-window-shared/payment-reason';

/**
 * The station's answers in the window's language. The station sends a stable code (and values)
 * beside its own English sentence; the window says the code. The English sentence is used only
 * where there is nothing better: in English, for a refusal or a warning without its own key.
 */
const english = (t: TFunction) => t('language.name') === 'English';

/** A refused command, as a sentence the cashier can act on. */
export function errorText(t: TFunction, error: ContractError): string {
  const reasonKey = `error.reason.${error.reason ?? ''}`;
  if (error.reason && t(reasonKey, { defaultValue: '' })) return t(reasonKey, error.params ?? {});
  return english(t) ? error.message : t(`error.code.${error.code}`);
}

/**
 * A note the station put on the checkout. In English its own sentence carries the detail ("a
 * WeChat Pay code has 18 digits, this one has 14"); in another language, its code's sentence.
 */
export function noticeText(
  t: TFunction,
  notice: { code: string; text: string; reason?: string },
): string {
  // A decline's raw reason ("unknown_code") becomes the sentence the cashier acts on.
  if (notice.code === 'payment_failed')
    return t('notice.payment_failed', {
      reason: paymentReasonText(t, 'failed', notice.reason ?? null),
    });
  if (english(t)) return notice.text;
  return t(`notice.${notice.code}`, { defaultValue: '' }) || t('notice.other');
}

/** A code the classifier refused, in words: its own English, or the generic sentence. */
export function codeRefusalText(t: TFunction, error: string): string {
  return english(t) ? error : t('reason.invalid_code');
}

/** A doubtful cell the station found, in the window's language. */
export function warningText(t: TFunction, warning: ReviewWarning): string {
  const key = `warning.${warning.code}`;
  if (warning.params) return t(key, warning.params);
  if (english(t)) return warning.message;
  return t(key, { defaultValue: '' }) || t('warning.other');
}

/**
 * A payment system's reason (a code, or "code: message") as the sentence the cashier acts on;
 * a reason the window does not know is said generically, with its code for support.
 */
export function paymentReasonText(
  t: TFunction,
  outcome: 'failed' | 'reversed' | 'paid' | null,
  reason: string | null,
): string {
  const known = reasonOf({ outcome, reason });
  const text = t(`reason.${known}`);
  return known === 'unknown' && reason ? `${text} (${reason})` : text;
}
