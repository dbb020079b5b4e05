import { useEffect } from 'react';
import type { CheckoutSnapshot } from '../../src-main/contract/checkout';

/** How long a descriptor is kept for the phone-digit check: about one retry, no longer. */
const HOLD_MS = 120_000;

let held: { descriptor: number[]; at: number; phoneWanted: boolean } | null = null;

/**
 * The last descriptor sent, held in this window's memory only (never stored, never a picture),
 * so that when the payment system answers `face_confirm_phone` the customer types 4 digits
 * instead of looking at the camera again.
 */
export function holdDescriptor(descriptor: number[], now = Date.now()): void {
  held = { descriptor, at: now, phoneWanted: false };
}

/** Forgets the held descriptor (after the retry, or once the checkout moved on). */
export function dropDescriptor(): void {
  held = null;
}

/** Follows the checkout: a `face_confirm_phone` failure asks for digits; anything final else drops. */
export function noteFaceOutcome(s: Pick<CheckoutSnapshot, 'phase' | 'payment'>): void {
  if (!held) return;
  if (s.phase === 'failed')
    held.phoneWanted = /^face_confirm_phone\b/.test(s.payment?.reason ?? '');
  else if (s.phase === 'paid' || s.phase === 'idle' || s.phase === 'cancelled') held = null;
}

/** `noteFaceOutcome` on every snapshot the pay screen renders. */
export function useFaceOutcome(s: Pick<CheckoutSnapshot, 'phase' | 'payment'>): void {
  useEffect(() => noteFaceOutcome(s), [s]);
}

/** The held descriptor when the last payment asked for the phone digits and it is fresh. */
export function descriptorForPhoneCheck(now = Date.now()): number[] | null {
  if (!held || now - held.at > HOLD_MS) return (held = null);
  return held.phoneWanted ? held.descriptor : null;
}
